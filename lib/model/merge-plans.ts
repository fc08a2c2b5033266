import type { Diagnostic } from "../diagnostics.js";
import type {
  ComponentDraft,
  ConstraintDraft,
  Contribution,
  EntityDraft,
  FieldDraft,
  ModelDraft,
  OperationDraft,
  Origin,
  StatementPlan,
  Traced,
  TypeSpec,
} from "./draft.js";

/**
 * Pass "merge" (docs/model.md "Merging"): folds the statements' contributions into one draft per
 * element, in document order (file, line, column), each namespace on its own. Sources accumulate;
 * when two statements disagree on a value (a field's type, an operation's result, an event's
 * trigger) the declaration wins over a requirement, otherwise the first in document order wins, and
 * the disagreement is reported as MODEL_CONFLICT at the later statement. Never "first in hash order".
 */
export function mergePlans(plans: readonly StatementPlan[]): { draft: ModelDraft; diagnostics: Diagnostic[] } {
  const draft: ModelDraft = {
    entities: new Map(),
    enums: new Map(),
    events: new Map(),
    components: new Map(),
    actors: new Map(),
    systemConstraints: [],
    pendingConstraints: [],
    pendingErrors: [],
  };
  const diagnostics: Diagnostic[] = [];
  for (const plan of plans) {
    const st = plan.statement;
    const conflict = (what: string, kept: string, other: string) =>
      diagnostics.push({
        code: "MODEL_CONFLICT",
        severity: "info",
        message: `${what}: this statement says ${other}, an earlier one ${kept}; ${kept} is kept (the first in document order)`,
        file: st.file,
        line: st.span.start.line,
        statement: st.id,
      });
    for (const c of plan.contributions) fold(draft, c, conflict);
  }
  return { draft, diagnostics };
}

type Conflict = (what: string, kept: string, other: string) => void;

function fold(draft: ModelDraft, c: Contribution, conflict: Conflict): void {
  switch (c.kind) {
    case "entity": {
      const e = entity(draft, c.name);
      trace(e, c);
      if (c.declared) e.declared = true;
      if (c.doc && e.doc === undefined) e.doc = c.doc;
      if (c.key) {
        if (e.key === undefined) e.key = c.key;
        else if (e.key !== c.key) conflict(`the identity of ${c.name}`, e.key, c.key);
      }
      return;
    }
    case "field": {
      const e = entity(draft, c.entity);
      trace(e, isDeclaration(c) ? c : { ...c, rule: "entities/named" });
      const existing = e.fields.get(c.field.name);
      if (!existing) {
        e.fields.set(c.field.name, { name: c.field.name, sources: [], why: [], type: c.field.type, optional: c.field.optional, ...strengthOf(c) });
      } else if (typeKey(existing.type) !== typeKey(c.field.type)) {
        const declared = isDeclaration(c);
        if (declared && !existing.declared) {
          existing.type = c.field.type;
          existing.declared = true;
        } else if (declared === Boolean(existing.declared) && !isGuess(c.field.type)) {
          if (!isGuess(existing.type)) conflict(`the type of ${c.entity}.${c.field.name}`, typeKey(existing.type), typeKey(c.field.type));
          else existing.type = c.field.type;
        }
      }
      trace(e.fields.get(c.field.name)!, c);
      return;
    }
    case "relation": {
      const e = entity(draft, c.entity);
      trace(e, isDeclaration(c) ? c : { ...c, rule: "entities/named" });
      const r = e.relations.get(c.name) ?? { name: c.name, sources: [], why: [], target: c.target, cardinality: c.cardinality };
      if (r.target !== c.target) conflict(`the target of ${c.entity}.${c.name}`, r.target, c.target);
      e.relations.set(c.name, r);
      trace(r, c);
      return;
    }
    case "enum": {
      const en = draft.enums.get(c.name) ?? { name: c.name, sources: [], why: [], values: [] };
      draft.enums.set(c.name, en);
      for (const v of c.values) if (!en.values.includes(v)) en.values.push(v);
      trace(en, c);
      return;
    }
    case "component": {
      const comp = component(draft, c.name);
      if (c.explicit) comp.explicit = true;
      if (c.doc && comp.doc === undefined) comp.doc = c.doc;
      if (c.interfaceName && comp.interfaceName === undefined) comp.interfaceName = c.interfaceName;
      trace(comp, c);
      return;
    }
    case "operation": {
      const comp = component(draft, c.component);
      trace(comp, c);
      let iface = comp.interfaces.get(c.role);
      if (!iface) comp.interfaces.set(c.role, (iface = new Map()));
      let op = iface.get(c.name);
      if (!op) {
        op = {
          name: c.name,
          sources: [],
          why: [],
          verb: c.verb,
          ...(c.crud ? { crud: c.crud } : {}),
          ...(c.entity ? { entity: c.entity } : {}),
          params: new Map(),
          returns: c.returns,
          async: c.async,
          actors: new Set(),
          errors: new Map(),
          effects: [],
          declared: c.declared === true,
          constraints: [],
        };
        iface.set(c.name, op);
      } else if (c.declared && !op.declared) {
        // A signature written in code by the author fixes the operation (docs/model.md "Declarations").
        op.declared = true;
        op.returns = c.returns;
        op.params = new Map();
        op.async = c.async;
      } else if (typeKey(op.returns) !== typeKey(c.returns) && !op.declared) {
        if (typeKey(op.returns) === "void") op.returns = c.returns;
        else if (typeKey(c.returns) !== "void") conflict(`the result of ${c.component}.${c.name}`, typeKey(op.returns), typeKey(c.returns));
      }
      trace(op, c);
      if (!op.declared || c.declared) {
        for (const p of c.params) {
          const existing = op.params.get(p.name);
          if (!existing) op.params.set(p.name, { name: p.name, sources: [], why: [], type: p.type, optional: p.optional });
          else if (typeKey(existing.type) !== typeKey(p.type)) {
            if (isGuess(existing.type) && !isGuess(p.type)) existing.type = p.type;
            else if (!isGuess(p.type)) conflict(`the type of parameter ${p.name} of ${c.component}.${c.name}`, typeKey(existing.type), typeKey(p.type));
          }
          trace(op.params.get(p.name)!, c);
        }
      }
      for (const a of c.actors) op.actors.add(a);
      if (c.handles) {
        if (op.handles === undefined) op.handles = c.handles;
        else if (op.handles !== c.handles) conflict(`the event ${c.component}.${c.name} handles`, op.handles, c.handles);
      }
      if (c.whileState && op.whileState === undefined) op.whileState = c.whileState;
      if (c.feature && op.feature === undefined) op.feature = c.feature;
      for (const e of c.errors) {
        const existing = op.errors.get(e.name) ?? { name: e.name, sources: [], why: [], when: e.when };
        op.errors.set(e.name, existing);
        trace(existing, e.origin);
      }
      for (const f of c.effects) if (!op.effects.includes(f)) op.effects.push(f);
      return;
    }
    case "event": {
      const ev = draft.events.get(c.name) ?? { name: c.name, sources: [], why: [], fields: new Map() };
      draft.events.set(c.name, ev);
      trace(ev, c);
      for (const f of c.fields) {
        const fd = ev.fields.get(f.name) ?? { name: f.name, sources: [], why: [], type: f.type, optional: f.optional };
        ev.fields.set(f.name, fd);
        trace(fd, c);
      }
      return;
    }
    case "constraint": {
      const d: ConstraintDraft = { name: c.constraint.metric, sources: [], why: [], constraint: c.constraint };
      trace(d, c);
      draft.pendingConstraints.push({ target: c.target, draft: d, origin: c });
      return;
    }
    case "actor": {
      const a = draft.actors.get(c.name) ?? { name: c.name, sources: [], why: [] };
      draft.actors.set(c.name, a);
      trace(a, c);
      return;
    }
    case "error": {
      draft.pendingErrors.push({ ...(c.component ? { component: c.component } : {}), topic: c.topic, errors: c.errors, origin: c });
      return;
    }
    case "dependency": {
      component(draft, c.from).dependsOn.add(c.to);
      return;
    }
  }
}

/** Adds a contribution's statement and reason to an element (once per statement). */
export function trace(t: Traced, o: Origin): void {
  if (!t.sources.includes(o.source)) t.sources.push(o.source);
  if (!t.why.some((w) => w.source === o.source && w.rule === o.rule)) t.why.push({ rule: o.rule, source: o.source, words: o.words });
}

function entity(draft: ModelDraft, name: string): EntityDraft {
  let e = draft.entities.get(name);
  if (!e) draft.entities.set(name, (e = { name, sources: [], why: [], declared: false, fields: new Map(), relations: new Map(), constraints: [] }));
  return e;
}

function component(draft: ModelDraft, name: string): ComponentDraft {
  let c = draft.components.get(name);
  if (!c) draft.components.set(name, (c = { name, sources: [], why: [], explicit: false, interfaces: new Map(), dependsOn: new Set(), constraints: [] }));
  return c;
}

function isDeclaration(o: Origin): boolean {
  return o.rule.startsWith("declarations/");
}

function strengthOf(o: Origin): { declared?: boolean } {
  return isDeclaration(o) ? { declared: true } : {};
}

/** A type read from a name alone ("string" for anything unknown) yields to any better-founded one. */
function isGuess(t: TypeSpec): boolean {
  return t.kind === "primitive" && t.name === "string";
}

export function typeKey(t: TypeSpec): string {
  switch (t.kind) {
    case "primitive":
      return t.name;
    case "list":
      return `${typeKey(t.of)}[]`;
    default:
      return `${t.kind}:${t.name}`;
  }
}

export type { OperationDraft };
