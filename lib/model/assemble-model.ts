import { cmp } from "../diagnostics.js";
import type { Statement } from "../statements/types.js";
import type { ConstraintDraft, InterfaceRole, ModelDraft, Traced, TypeSpec } from "./draft.js";
import { homesOf, stripOrdinal, type Layout } from "./lay-out.js";
import type { FinalNames } from "./name-elements.js";
import { splitWords, toTypeName } from "./naming.js";
import { canonicalizeModel } from "./serialize-model.js";
import {
  MODEL_VERSION,
  type Component,
  type Entity,
  type Field,
  type Interface,
  type Model,
  type Operation,
  type QualityConstraint,
  type StatementRef,
  type Subsystem,
  type TypeRef,
  type Why,
} from "./types.js";

/**
 * Pass "assemble" (docs/model.md "Ids"): turns the named, placed drafts into the model: ids by
 * namespace (`entity/Order`, `component/Orders/OrdersApi#createOrder`), type references to ids,
 * every element with its sources and reasons, in canonical form. Every entity has an identity: its
 * declared key ("identified by its ISBN"), else an `id` (rule `entities/identity`).
 */
export function assembleModel(options: {
  draft: ModelDraft;
  names: FinalNames;
  layout: Layout;
  statements: readonly Statement[];
  systemName: string;
}): Model {
  const { draft, names, layout } = options;
  const entityId = (n: string) => `entity/${names.entity.get(n) ?? n}`;
  const resolve = (t: TypeSpec): TypeRef => {
    switch (t.kind) {
      case "primitive":
        return { kind: "primitive", name: t.name };
      case "list":
        return { kind: "list", of: resolve(t.of) };
      case "entity":
        return draft.entities.has(t.name) ? { kind: "ref", target: entityId(t.name) } : { kind: "primitive", name: "string" };
      case "enum":
        return draft.enums.has(t.name) ? { kind: "ref", target: `enum/${names.enum.get(t.name) ?? t.name}` } : { kind: "primitive", name: "string" };
      case "event":
        return draft.events.has(t.name) ? { kind: "ref", target: `event/${names.event.get(t.name) ?? t.name}` } : { kind: "primitive", name: "unknown" };
    }
  };
  const traced = (t: Traced) => ({ sources: [...t.sources], why: t.why.map((w): Why => ({ ...w })) });

  // Subsystems.
  const nodes = new Map<string, Subsystem>();
  const depth = (k: string) => (k === "" ? 0 : k.split("/").length);
  const keys = [...layout.subsystems.keys()].sort((a, b) => depth(b) - depth(a) || cmp(a, b));
  for (const k of keys) {
    const s = layout.subsystems.get(k)!;
    const title = s.path.length === 0 ? options.systemName : stripOrdinal(s.title);
    nodes.set(k, {
      id: k === "" ? "/" : k,
      name: toTypeName(splitWords(title), s.path.length === 0 ? "System" : "Subsystem"),
      sources: [...s.sources],
      path: [...s.path],
      components: [],
      entities: [],
      enums: [],
      events: [],
      constraints: [],
      subsystems: [],
    });
  }
  for (const k of keys) {
    if (k === "") continue;
    nodes.get(k.split("/").slice(0, -1).join("/"))!.subsystems.push(nodes.get(k)!);
  }
  for (const k of keys) {
    const n = nodes.get(k)!;
    if (n.sources.length === 0) n.sources = [...new Set(n.subsystems.flatMap((s) => s.sources))];
  }
  const at = (homes: readonly string[]) => nodes.get(layout.place(homes)) ?? nodes.get("")!;

  // Enums go where the entity that uses them is, else where they were stated.
  const enumHome = new Map<string, string[]>();
  for (const e of draft.entities.values()) for (const f of e.fields.values()) if (f.type.kind === "enum" && !enumHome.has(f.type.name)) enumHome.set(f.type.name, homesOf(e, /^declarations\//));

  for (const e of draft.entities.values()) {
    const id = entityId(e.name);
    const members = new Set<string>();
    const fields: Field[] = [];
    const hasKey = (e.key !== undefined && e.fields.has(e.key)) || e.fields.has("id");
    // A type an author declared in code is opaque: its identity is not ours to invent.
    const codeOnly = e.why.every((w) => w.rule === "declarations/code-type");
    if (!hasKey && !codeOnly) {
      const first = e.sources[0]!;
      const name = unique("id", members);
      fields.push({ id: `${id}#${name}`, name, sources: [first], why: [{ rule: "entities/identity", source: first, words: e.why[0]?.words ?? e.name }], type: { kind: "primitive", name: "uuid" }, optional: false });
    }
    for (const f of e.fields.values()) {
      const name = unique(f.name, members);
      fields.push({ id: `${id}#${name}`, name, ...traced(f), type: resolve(f.type), optional: f.optional });
    }
    // "cityId" next to an entity City: the id stays a field and is also a relation to City.
    for (const f of e.fields.values()) {
      const w = splitWords(f.name);
      if (w.length < 2 || w[w.length - 1] !== "id") continue;
      const target = toTypeName(w.slice(0, -1), "Entity");
      const rname = f.name.slice(0, -2);
      if (target === e.name || !draft.entities.has(target) || e.relations.has(rname) || e.fields.has(rname)) continue;
      e.relations.set(rname, { name: rname, sources: [...f.sources], why: f.why.map((x) => ({ ...x })), target, cardinality: "one" });
    }
    const relations = [...e.relations.values()]
      .filter((r) => draft.entities.has(r.target))
      .map((r) => {
        const name = unique(r.name, members);
        // A relation exists because its target is declared too: it traces to that declaration as well.
        const t = traced(r);
        for (const w of draft.entities.get(r.target)!.why) {
          if (w.rule !== "declarations/entity" || t.sources.includes(w.source)) continue;
          t.sources.push(w.source);
          t.why.push({ ...w, rule: "declarations/relation" });
        }
        return { id: `${id}#${name}`, name, ...t, cardinality: r.cardinality, target: entityId(r.target) };
      });
    const entity: Entity = { id, name: names.entity.get(e.name) ?? e.name, ...traced(e), ...(e.doc ? { doc: e.doc } : {}), fields, relations, constraints: constraints(id, e.constraints, members) };
    at(homesOf(e, /^declarations\//)).entities.push(entity);
  }
  for (const en of draft.enums.values()) {
    const name = names.enum.get(en.name) ?? en.name;
    at(enumHome.get(en.name) ?? en.sources).enums.push({ id: `enum/${name}`, name, ...traced(en), values: [...en.values] });
  }
  for (const ev of draft.events.values()) {
    const name = names.event.get(ev.name) ?? ev.name;
    const id = `event/${name}`;
    const members = new Set<string>();
    const fields = [...ev.fields.values()].map((f) => {
      const n = unique(f.name, members);
      return { id: `${id}#${n}`, name: n, ...traced(f), type: resolve(f.type), optional: f.optional };
    });
    at(ev.sources).events.push({ id, name, ...traced(ev), fields });
  }
  const explicitComponents = new Set([...draft.components.values()].filter((c) => c.explicit).map((c) => c.name));
  for (const c of draft.components.values()) {
    const id = `component/${c.name}`;
    const interfaces: Interface[] = [];
    for (const role of ["api", "handlers"] as InterfaceRole[]) {
      const ops = c.interfaces.get(role);
      if (!ops || ops.size === 0) continue;
      const iname = names.interface.get(`${c.name}/${role}`)!;
      const iid = `${id}/${iname}`;
      const operations: Operation[] = [...ops.values()].map((op) => {
        const oid = `${iid}#${op.name}`;
        const m = new Set<string>();
        const params = [...op.params.values()].map((p) => {
          const n = unique(p.name, m);
          return { id: `${oid}#${n}`, name: n, ...traced(p), type: resolve(p.type), optional: p.optional };
        });
        const errors = [...op.errors.values()].map((e) => {
          const n = unique(e.name, m);
          return { id: `${oid}#${n}`, name: n, ...traced(e), when: e.when };
        });
        const doc = op.effects.length > 0 ? `Also: ${op.effects.join("; ")}` : undefined;
        return {
          id: oid,
          name: op.name,
          ...traced(op),
          ...(doc ? { doc } : {}),
          params,
          returns: resolve(op.returns),
          errors,
          async: op.async,
          actors: [...op.actors].filter((a) => !explicitComponents.has(a)).map((a) => `actor:${a}`),
          ...(op.handles && draft.events.has(op.handles) ? { handles: `event/${names.event.get(op.handles) ?? op.handles}` } : {}),
          ...(op.whileState ? { whileState: op.whileState } : {}),
          ...(op.feature ? { feature: op.feature } : {}),
          constraints: constraints(oid, op.constraints, m),
        };
      });
      interfaces.push({ id: iid, name: iname, sources: [...new Set(operations.flatMap((o) => o.sources))], operations, constraints: [] });
    }
    if (interfaces.length === 0 && c.constraints.length === 0 && !c.explicit) continue;
    const members = new Set<string>();
    const comp: Component = {
      id,
      name: c.name,
      ...traced(c),
      ...(c.doc ? { doc: c.doc } : {}),
      interfaces,
      dependsOn: [...c.dependsOn].filter((d) => draft.components.has(d) && d !== c.name).map((d) => `component/${d}`),
      constraints: constraints(id, c.constraints, members),
    };
    at(homesOf(c, /^components\/(?:ears|modal)-subject$/)).components.push(comp);
  }
  // System constraints go to the subsystem of the statement that states them.
  for (const d of draft.systemConstraints) {
    const node = at(d.sources);
    node.constraints.push(...constraints(node.id, [d], new Set(node.constraints.map((c) => c.name))));
  }
  const actors = [...draft.actors.values()]
    .filter((a) => !explicitComponents.has(a.name))
    .map((a) => ({ id: `actor:${a.name}`, name: a.name, ...traced(a) }));
  const statements: StatementRef[] = options.statements.map((s) => ({ id: s.id, file: s.file, line: s.span.start.line, kind: s.kind, text: s.text }));
  return canonicalizeModel({ version: MODEL_VERSION, system: nodes.get("")!, actors, statements });
}

function constraints(owner: string, list: readonly ConstraintDraft[], members: Set<string>): QualityConstraint[] {
  const sorted = [...list].sort(
    (a, b) => cmp(a.constraint.metric, b.constraint.metric) || cmp(a.constraint.op, b.constraint.op) || a.constraint.value - b.constraint.value || cmp(a.constraint.unit, b.constraint.unit),
  );
  return sorted.map((d) => {
    const name = unique(metricName(d.constraint.metric), members);
    const c = d.constraint;
    return { id: `${owner}#${name}`, name, sources: [...d.sources], why: d.why.map((w) => ({ ...w })), metric: c.metric, op: c.op, value: c.value, unit: c.unit, attribute: c.attribute, text: c.text };
  });
}

function metricName(metric: string): string {
  const words = splitWords(metric);
  return words.length === 0 ? "constraint" : words[0]! + words.slice(1).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function unique(name: string, taken: Set<string>): string {
  let out = name;
  let n = 2;
  while (taken.has(out)) out = `${name}${n++}`;
  taken.add(out);
  return out;
}
