import type { Diagnostic } from "../diagnostics.js";
import type { Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import { componentName } from "./assign-component.js";
import type { ConstraintDraft, ModelDraft, OperationDraft } from "./draft.js";
import { trace } from "./merge-plans.js";
import { singularWord, splitWords } from "./naming.js";

/** Words of quality statements that name no operation ("return search results within 300 ms": return). */
const TOPIC_STOP = new Set(["return", "be", "have", "get", "provide", "support", "system", "allow", "make", "ensure", "respond", "load", "work", "handle", "process", "use", "keep", "run", "show", "display"]);

/**
 * Pass "link" (docs/model.md "Links"): the only pass that reads across statements, and only to
 * connect elements that already exist: a quality constraint without operations of its own goes to
 * the operations its words name ("search results within 300 ms" -> every search operation); a
 * component that mentions another named component depends on it. It never creates or renames an
 * element, so an edit can change a link but no element's own attributes.
 */
export function linkReferences(options: {
  draft: ModelDraft;
  byId: ReadonlyMap<string, Statement>;
  factsById: ReadonlyMap<string, Facts>;
  pins: ReadonlyMap<string, string>;
  systemName?: string;
}): Diagnostic[] {
  const { draft } = options;
  const diagnostics: Diagnostic[] = [];
  const allOps: { component: string; op: OperationDraft }[] = [];
  for (const [name, c] of draft.components) for (const iface of c.interfaces.values()) for (const op of iface.values()) allOps.push({ component: name, op });

  for (const p of draft.pendingConstraints) {
    const t = p.target;
    const st = options.byId.get(p.origin.source);
    if (t.kind === "operation") {
      const op = findOp(draft, t.component, t.operation);
      if (op) addConstraint(op.constraints, p.draft);
      else draft.systemConstraints.push(p.draft);
    } else if (t.kind === "component") {
      const c = draft.components.get(t.component);
      if (c) addConstraint(c.constraints, p.draft);
      else draft.systemConstraints.push(p.draft);
    } else if (t.kind === "entity") {
      const e = draft.entities.get(t.entity);
      if (e) addConstraint(e.constraints, p.draft);
      else draft.systemConstraints.push(p.draft);
    } else if (t.kind === "system") {
      addConstraint(draft.systemConstraints, p.draft);
    } else {
      const words = new Set(t.words.map((w) => singularWord(w.toLowerCase())).filter((w) => !TOPIC_STOP.has(w)));
      const hits = allOps.filter(({ component, op }) => (t.component === undefined || t.component === component) && (words.has(op.verb) || (op.crud !== undefined && words.has(op.crud))));
      if (hits.length === 0) {
        addConstraint(draft.systemConstraints, p.draft);
        diagnostics.push({
          code: "MODEL_CONSTRAINT_ON_SYSTEM",
          severity: "info",
          message: `the bound "${p.draft.constraint.text}" names no operation (${[...words].join(", ") || "no topic words"}); it constrains the system`,
          ...(st ? { file: st.file, line: st.span.start.line, statement: st.id } : {}),
        });
      } else {
        for (const h of hits) addConstraint(h.op.constraints, { ...p.draft, sources: [...p.draft.sources], why: [...p.draft.why] });
        if (new Set(hits.map((h) => h.component)).size > 1 && st) {
          diagnostics.push({
            code: "MODEL_CONSTRAINT_AMBIGUOUS",
            severity: "info",
            message: `the bound "${p.draft.constraint.text}" applies to ${hits.length} operations in ${new Set(hits.map((h) => h.component)).size} components (${hits.map((h) => `${h.component}.${h.op.name}`).join(", ")})`,
            file: st.file,
            line: st.span.start.line,
            statement: st.id,
          });
        }
      }
    }
  }

  // Errors of statements without operations go on the operations of their component that act on
  // the things the condition names ("the branch ... does not exist" -> the branch operations).
  for (const p of draft.pendingErrors) {
    const words = new Set(p.topic.map((w) => singularWord(w.toLowerCase())));
    const hits = allOps.filter(({ component, op }) => (p.component === undefined || p.component === component) && op.entity !== undefined && splitWords(op.entity).some((w) => words.has(w)));
    const st = options.byId.get(p.origin.source);
    if (hits.length === 0) {
      diagnostics.push({
        code: "NOT_MODELLED",
        severity: "info",
        message: `"${p.errors.map((e) => e.when).join("; ")}" is not modelled: the condition names no operation${p.component ? ` of ${p.component}` : ""}`,
        ...(st ? { file: st.file, line: st.span.start.line, statement: st.id } : {}),
      });
      continue;
    }
    for (const { op } of hits) {
      for (const e of p.errors) {
        const d = op.errors.get(e.name) ?? { name: e.name, sources: [], why: [], when: e.when };
        op.errors.set(e.name, d);
        trace(d, e.origin);
      }
    }
  }

  // A component whose statements name another component (an EARS subject elsewhere) depends on it.
  const explicit = new Set([...draft.components.values()].filter((c) => c.explicit).map((c) => c.name));
  for (const [name, c] of draft.components) {
    for (const id of c.sources) {
      const f = options.factsById.get(id);
      if (!f) continue;
      const phrases = [...f.entities, ...f.actions.flatMap((a) => (a.complements ?? []).map((x) => x.phrase)), ...f.actions.map((a) => a.object ?? "")];
      for (const phrase of phrases) {
        if (!phrase) continue;
        const other = componentName(phrase, options.pins, options.systemName);
        if (other && other !== name && explicit.has(other)) c.dependsOn.add(other);
      }
    }
  }
  return diagnostics;
}

function findOp(draft: ModelDraft, component: string, name: string): OperationDraft | undefined {
  const c = draft.components.get(component);
  if (!c) return undefined;
  for (const iface of c.interfaces.values()) {
    const op = iface.get(name);
    if (op) return op;
  }
  return undefined;
}

/** Adds a bound, merging it with an equal one already there (sources accumulate). */
function addConstraint(list: ConstraintDraft[], d: ConstraintDraft): void {
  const k = (x: ConstraintDraft) => `${x.constraint.metric}|${x.constraint.op}|${x.constraint.value}|${x.constraint.unit}|${x.constraint.attribute}`;
  const same = list.find((x) => k(x) === k(d));
  if (!same) {
    list.push(d);
    return;
  }
  for (let i = 0; i < d.sources.length; i++) trace(same, { source: d.sources[i]!, rule: d.why[i]?.rule ?? "constraints/merged", words: d.why[i]?.words ?? d.constraint.text });
}

/** Splits an element name for topic matching. */
export function nameWords(name: string): string[] {
  return splitWords(name);
}
