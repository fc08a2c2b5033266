import type {
  Actor,
  Component,
  Entity,
  EnumType,
  ErrorCase,
  Event,
  Field,
  Interface,
  Model,
  Operation,
  Param,
  QualityConstraint,
  Relation,
  Subsystem,
  TypeRef,
} from "../model/types.js";

export type ElementKind =
  | "subsystem"
  | "component"
  | "interface"
  | "operation"
  | "entity"
  | "field"
  | "relation"
  | "enum"
  | "event"
  | "actor"
  | "constraint";

/**
 * One model element reduced to what is its own: children that are elements themselves (an
 * interface's operations, an entity's fields) are left out and compared on their own, so a new
 * operation is one change, not also a change of its interface. Parameters and errors stay inside
 * their operation: they are its signature.
 */
export interface FlatElement {
  id: string;
  kind: ElementKind;
  name: string;
  /** Id of the enclosing element; absent for the root system and actors. */
  parent?: string;
  sources: string[];
  doc?: string;
  /** The element's own attributes (kind-specific), used to tell what changed. */
  own: Record<string, unknown>;
}

/** Every element of a model, by id. */
export function flattenModel(model: Model): Map<string, FlatElement> {
  const out = new Map<string, FlatElement>();
  const names = typeNames(model);
  const type = (t: TypeRef | undefined) => typeText(t, names);
  const add = (kind: ElementKind, el: { id: string; name: string; sources: string[]; doc?: string }, parent: string | undefined, own: Record<string, unknown>) => {
    const flat: FlatElement = { id: el.id, kind, name: el.name, sources: [...el.sources], own };
    if (parent !== undefined) flat.parent = parent;
    if (el.doc !== undefined) flat.doc = el.doc;
    out.set(el.id, flat);
  };
  const constraints = (list: readonly QualityConstraint[] | undefined, parent: string) => {
    for (const c of list ?? []) add("constraint", c, parent, constraintOwn(c));
  };
  const fields = (list: readonly Field[] | undefined, parent: string) => {
    for (const f of list ?? []) add("field", f, parent, { type: type(f.type), optional: f.optional });
  };
  const walk = (s: Subsystem, parent: string | undefined) => {
    add("subsystem", s, parent, { path: s.path.join("/") });
    for (const c of s.components ?? []) walkComponent(c, s.id);
    for (const e of s.entities ?? []) walkEntity(e, s.id);
    for (const e of s.enums ?? []) add("enum", e, s.id, { values: [...e.values] } satisfies Pick<EnumType, "values">);
    for (const e of s.events ?? []) walkEvent(e, s.id);
    constraints(s.constraints, s.id);
    for (const sub of s.subsystems ?? []) walk(sub, s.id);
  };
  const walkComponent = (c: Component, parent: string) => {
    add("component", c, parent, { dependsOn: [...(c.dependsOn ?? [])].sort() });
    for (const i of c.interfaces ?? []) walkInterface(i, c.id);
    constraints(c.constraints, c.id);
  };
  const walkInterface = (i: Interface, parent: string) => {
    add("interface", i, parent, {});
    for (const op of i.operations ?? []) {
      add("operation", op, i.id, operationOwn(op, type));
      constraints(op.constraints, op.id);
    }
    constraints(i.constraints, i.id);
  };
  const walkEntity = (e: Entity, parent: string) => {
    add("entity", e, parent, {});
    fields(e.fields, e.id);
    for (const r of e.relations ?? []) add("relation", r, e.id, relationOwn(r));
  };
  const walkEvent = (e: Event, parent: string) => {
    add("event", e, parent, {});
    fields(e.fields, e.id);
  };
  walk(model.system, undefined);
  for (const a of model.actors ?? []) add("actor", a as Actor, undefined, {});
  return out;
}

/** A parameter as part of a signature. */
export interface ParamSig {
  name: string;
  type: string;
  optional: boolean;
}

/** An error case as part of a signature. */
export interface ErrorSig {
  name: string;
  when: string;
}

function operationOwn(op: Operation, type: (t: TypeRef | undefined) => string): Record<string, unknown> {
  return {
    params: (op.params ?? []).map((p: Param): ParamSig => ({ name: p.name, type: type(p.type), optional: p.optional })),
    returns: type(op.returns),
    errors: (op.errors ?? []).map((e: ErrorCase): ErrorSig => ({ name: e.name, when: e.when })),
    async: op.async,
    actors: [...(op.actors ?? [])].sort(),
    handles: op.handles ?? null,
    whileState: op.whileState ?? null,
    feature: op.feature ?? null,
  };
}

function relationOwn(r: Relation): Record<string, unknown> {
  return { cardinality: r.cardinality, target: r.target };
}

function constraintOwn(c: QualityConstraint): Record<string, unknown> {
  return { metric: c.metric, op: c.op, value: c.value, unit: c.unit, attribute: c.attribute, text: c.text };
}

/**
 * A type as one short string: `string`, `Order`, `Order[]`. A reference is written with the name of
 * the element it points at (looked up in `names`, by id), so the text never depends on how ids are
 * spelled; an id the model does not hold is written as is.
 */
export function typeText(t: TypeRef | undefined, names: ReadonlyMap<string, string> = new Map()): string {
  if (!t) return "unknown";
  switch (t.kind) {
    case "primitive":
      return t.name;
    case "ref":
      return names.get(t.target) ?? t.target;
    case "list":
      return `${typeText(t.of, names)}[]`;
  }
}

/** Names of the elements a type can refer to (entities, enums, events), by id. */
function typeNames(model: Model): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (s: Subsystem | undefined) => {
    if (!s) return;
    for (const list of [s.entities, s.enums, s.events]) for (const e of list ?? []) names.set(e.id, e.name);
    for (const sub of s.subsystems ?? []) walk(sub);
  };
  walk(model.system);
  return names;
}
