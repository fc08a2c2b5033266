import type { Element, Model } from "../../lib/model/types.js";
import { walkModel } from "../../lib/model/walk-model.js";

/** Every element of the model with a label for messages: subsystems, components, members, actors. */
export function listElements(model: Model): { kind: string; element: Element }[] {
  const out: { kind: string; element: Element }[] = [];
  const add = (kind: string, element: Element) => out.push({ kind, element });
  walkModel(model, {
    subsystem: (s) => {
      add("subsystem", s);
      for (const k of s.constraints) add("constraint", k);
    },
    component: (c) => {
      add("component", c);
      for (const k of c.constraints) add("constraint", k);
    },
    interface: (i) => {
      add("interface", i);
      for (const k of i.constraints) add("constraint", k);
    },
    operation: (o) => {
      add("operation", o);
      for (const p of o.params) add("param", p);
      for (const e of o.errors) add("error", e);
      for (const k of o.constraints) add("constraint", k);
    },
    entity: (e) => {
      add("entity", e);
      for (const f of e.fields) add("field", f);
      for (const r of e.relations) add("relation", r);
    },
    enum: (e) => add("enum", e),
    event: (e) => {
      add("event", e);
      for (const f of e.fields) add("field", f);
    },
  });
  for (const a of model.actors) add("actor", a);
  return out;
}

/** Problems with traces, ids and names; empty when the model keeps every invariant of docs/model.md. */
export function findInvariantViolations(model: Model): string[] {
  const problems: string[] = [];
  const statementIds = new Set(model.statements.map((s) => s.id));
  const ids = new Set<string>();
  const all = listElements(model);
  for (const { kind, element } of all) {
    const isEmptyRoot = kind === "subsystem" && element.id === "/" && model.statements.length === 0;
    if (element.sources.length === 0 && !isEmptyRoot) problems.push(`${kind} ${element.id}: no sources`);
    const sorted = [...new Set(element.sources)].sort();
    if (sorted.join("\n") !== element.sources.join("\n")) problems.push(`${kind} ${element.id}: sources not sorted/unique`);
    for (const s of element.sources) if (!statementIds.has(s)) problems.push(`${kind} ${element.id}: source ${s} is not in model.statements`);
    if (ids.has(element.id)) problems.push(`${kind} ${element.id}: duplicate id`);
    ids.add(element.id);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(element.name)) problems.push(`${kind} ${element.id}: bad name "${element.name}"`);
  }
  // Every reference resolves.
  const typeTargets = new Set<string>();
  walkModel(model, {
    entity: (e) => typeTargets.add(e.id),
    enum: (e) => typeTargets.add(e.id),
    event: (e) => typeTargets.add(e.id),
  });
  const componentIds = new Set<string>();
  walkModel(model, { component: (c) => componentIds.add(c.id) });
  const checkType = (where: string, t: import("../../lib/model/types.js").TypeRef): void => {
    if (t.kind === "ref" && !typeTargets.has(t.target)) problems.push(`${where}: ref to missing ${t.target}`);
    if (t.kind === "list") checkType(where, t.of);
  };
  walkModel(model, {
    component: (c) => {
      for (const d of c.dependsOn) if (!componentIds.has(d)) problems.push(`${c.id}: depends on missing ${d}`);
    },
    operation: (o) => {
      checkType(o.id, o.returns);
      for (const p of o.params) checkType(p.id, p.type);
      if (o.handles && !typeTargets.has(o.handles)) problems.push(`${o.id}: handles missing ${o.handles}`);
      for (const a of o.actors) if (!model.actors.some((x) => x.id === a)) problems.push(`${o.id}: missing actor ${a}`);
    },
    entity: (e) => {
      for (const f of e.fields) checkType(f.id, f.type);
      for (const r of e.relations) if (!typeTargets.has(r.target)) problems.push(`${r.id}: relation to missing ${r.target}`);
    },
  });
  const sortedStatements = [...model.statements].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sortedStatements.map((s) => s.id).join("\n") !== model.statements.map((s) => s.id).join("\n")) problems.push("model.statements not sorted by id");
  return problems;
}
