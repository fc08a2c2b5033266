import { cmp } from "../diagnostics.js";
import { escapeJsonHazards } from "../escape-json-hazards.js";
import { MODEL_VERSION } from "./types.js";
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
  StatementRef,
  Subsystem,
  TypeRef,
  Why,
} from "./types.js";

/*
 * Canonical form of the model (what contracts/model.json holds, docs/model.md "model.json"):
 * object keys in the order lib/model/types.ts declares them, optional keys left out when unset,
 * every array of elements sorted by id except operation parameters (their order is the call
 * signature), every `sources`, `actors` and `dependsOn` sorted and de-duplicated, enum values in
 * the order the statements list them.
 */

function uniqSorted(list: readonly string[]): string[] {
  return [...new Set(list)].sort(cmp);
}

function byId<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => cmp(a.id, b.id));
}

function typeRef(t: TypeRef): TypeRef {
  switch (t.kind) {
    case "primitive":
      return { kind: "primitive", name: t.name };
    case "ref":
      return { kind: "ref", target: t.target };
    case "list":
      return { kind: "list", of: typeRef(t.of) };
  }
}

function base<T extends { id: string; name: string; sources: string[]; doc?: string; why?: Why[] }>(e: T): { id: string; name: string; sources: string[]; doc?: string; why?: Why[] } {
  return {
    id: e.id,
    name: e.name,
    sources: uniqSorted(e.sources),
    ...(e.doc !== undefined ? { doc: e.doc } : {}),
    // Reasons stay in document order (the order they were read in), which is itself canonical.
    ...(e.why !== undefined && e.why.length > 0 ? { why: e.why.map((w) => ({ rule: w.rule, source: w.source, words: w.words })) } : {}),
  };
}

function constraint(c: QualityConstraint): QualityConstraint {
  return { ...base(c), metric: c.metric, op: c.op, value: c.value, unit: c.unit, attribute: c.attribute, text: c.text };
}

function field(f: Field): Field {
  return { ...base(f), type: typeRef(f.type), optional: f.optional };
}

function param(p: Param): Param {
  return { ...base(p), type: typeRef(p.type), optional: p.optional };
}

function errorCase(e: ErrorCase): ErrorCase {
  return { ...base(e), when: e.when };
}

function operation(o: Operation): Operation {
  return {
    ...base(o),
    params: o.params.map(param),
    returns: typeRef(o.returns),
    errors: byId(o.errors).map(errorCase),
    async: o.async,
    actors: uniqSorted(o.actors),
    ...(o.handles !== undefined ? { handles: o.handles } : {}),
    ...(o.whileState !== undefined ? { whileState: o.whileState } : {}),
    ...(o.feature !== undefined ? { feature: o.feature } : {}),
    constraints: byId(o.constraints).map(constraint),
  };
}

function iface(i: Interface): Interface {
  return { ...base(i), operations: byId(i.operations).map(operation), constraints: byId(i.constraints).map(constraint) };
}

function component(c: Component): Component {
  return { ...base(c), interfaces: byId(c.interfaces).map(iface), dependsOn: uniqSorted(c.dependsOn), constraints: byId(c.constraints).map(constraint) };
}

function relation(r: Relation): Relation {
  return { ...base(r), cardinality: r.cardinality, target: r.target };
}

function entity(e: Entity): Entity {
  return { ...base(e), fields: byId(e.fields).map(field), relations: byId(e.relations).map(relation), constraints: byId(e.constraints ?? []).map(constraint) };
}

function enumType(e: EnumType): EnumType {
  return { ...base(e), values: [...new Set(e.values)] };
}

function event(e: Event): Event {
  return { ...base(e), fields: byId(e.fields).map(field) };
}

function subsystem(s: Subsystem): Subsystem {
  return {
    ...base(s),
    path: [...s.path],
    components: byId(s.components).map(component),
    entities: byId(s.entities).map(entity),
    enums: byId(s.enums).map(enumType),
    events: byId(s.events).map(event),
    constraints: byId(s.constraints).map(constraint),
    subsystems: byId(s.subsystems).map(subsystem),
  };
}

function actor(a: Actor): Actor {
  return base(a);
}

function statementRef(s: StatementRef): StatementRef {
  return { id: s.id, file: s.file, line: s.line, kind: s.kind, text: s.text, ...(s.engine ? { engine: s.engine } : {}) };
}

/** Returns the model in canonical form (a deep copy); canonicalising twice changes nothing. */
export function canonicalizeModel(model: Model): Model {
  return {
    version: model.version,
    system: subsystem(model.system),
    actors: byId(model.actors).map(actor),
    statements: [...model.statements].sort((a, b) => cmp(a.id, b.id) || cmp(a.file, b.file) || a.line - b.line).map(statementRef),
  };
}

/**
 * The canonical text of `contracts/model.json`: canonical form, 2-space JSON, LF, trailing newline.
 * The same statements give the same bytes in any file order, on any machine.
 */
export function serializeModel(model: Model): string {
  // Statement text may hold bidi controls or U+2028: escaped, so model.json reads as it parses.
  return escapeJsonHazards(JSON.stringify(canonicalizeModel(model), null, 2)) + "\n";
}

/**
 * A `model.json` text read back: the model when it is one of this version (MODEL_VERSION), else
 * undefined (no file, not JSON, an older shape). The name lock and the impact report's previous side
 * both read the committed model through this.
 */
export function parseModelJson(text: string | undefined): Model | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Model;
    return parsed && parsed.version === MODEL_VERSION && Array.isArray(parsed.statements) && parsed.system ? parsed : undefined;
  } catch {
    return undefined;
  }
}
