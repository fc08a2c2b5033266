import type { Constraint } from "../extract/types.js";

/**
 * The traced architecture model. It is a tree: the root subsystem is the system; every folder of
 * statements (and every outermost heading of a file that has several, see docs/model.md) is a
 * nested subsystem with its own components, entities and events. Every element names the
 * statements it came from in `sources`.
 *
 * Canonical form (what `contracts/model.json` holds): every array of elements sorted by `id`
 * (except operation parameters, whose order is the signature), every `sources` array sorted and
 * de-duplicated, object keys in the order declared here.
 * See lib/model/serialize-model.ts, schema/model.schema.json and docs/model.md.
 */

/** Bumped when the shape of model.json changes incompatibly (2: ids by namespace, `why`, entity constraints). */
export const MODEL_VERSION = 2 as const;

export type PrimitiveName =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "date"
  | "datetime"
  | "duration"
  | "uuid"
  | "binary"
  | "unknown"
  | "void";

export type TypeRef =
  | { kind: "primitive"; name: PrimitiveName }
  /** An entity, enum or event of the model, by element id. */
  | { kind: "ref"; target: string }
  | { kind: "list"; of: TypeRef };

/**
 * Why an element exists: the rule that made it (an id documented in docs/model.md, e.g.
 * `operations/crud`), the statement, and the words of that statement it was read from. An element
 * has one entry per statement that contributed to it, in document order.
 */
export interface Why {
  rule: string;
  source: string;
  words: string;
}

/** What every model element has. */
export interface Element {
  /**
   * Unique, stable id. Top-level elements live in one namespace per kind and do not carry their
   * subsystem, so moving one never changes its id or the references to it: `entity/Order`,
   * `enum/OrderStatus`, `event/OrderCancelled`, `component/Orders`, interfaces
   * `component/Orders/OrdersApi`, actors `actor:Customer`; members are `<parent id>#<member>`
   * (`component/Orders/OrdersApi#createOrder`, `entity/Order#total`). Subsystems are their path
   * (`checkout`, the root is `/`).
   */
  id: string;
  /** Idiomatic name: PascalCase for types, camelCase for members. Emitters re-case per language. */
  name: string;
  /** Ids of the statements this element came from: sorted, unique, never empty. */
  sources: string[];
  /** One-line description for doc comments (statement quotes are looked up via `sources`). */
  doc?: string;
  /** Why it exists: one entry per contributing statement (see {@link Why}). */
  why?: Why[];
}

export interface Actor extends Element {}

export interface QualityConstraint extends Element, Constraint {}

export interface Param extends Element {
  type: TypeRef;
  optional: boolean;
}

export interface ErrorCase extends Element {
  /** The unwanted condition, as written: "the payment provider times out". */
  when: string;
}

export interface Operation extends Element {
  params: Param[];
  returns: TypeRef;
  errors: ErrorCase[];
  /** True when the operation does I/O (emitters make it async / return a Promise / Future). */
  async: boolean;
  /** Actor ids that call it (from user stories). */
  actors: string[];
  /** Event id this operation handles (EARS WHEN trigger). */
  handles?: string;
  /** EARS WHILE state that must hold. */
  whileState?: string;
  /** EARS WHERE feature the operation depends on. */
  feature?: string;
  constraints: QualityConstraint[];
}

export interface Interface extends Element {
  operations: Operation[];
  constraints: QualityConstraint[];
}

export interface Component extends Element {
  interfaces: Interface[];
  /** Ids of components this one uses. */
  dependsOn: string[];
  constraints: QualityConstraint[];
}

export interface Field extends Element {
  type: TypeRef;
  optional: boolean;
}

export interface Relation extends Element {
  /** Cardinality seen from the owning entity. */
  cardinality: "one" | "many";
  /** Entity id. */
  target: string;
}

export interface Entity extends Element {
  fields: Field[];
  relations: Relation[];
  /** Quality constraints on the data itself (retention, size limits); always present in model.json. */
  constraints?: QualityConstraint[];
}

export interface EnumType extends Element {
  values: string[];
}

export interface Event extends Element {
  fields: Field[];
}

export interface Subsystem extends Element {
  /** Folder/heading path segments from the root; [] for the root system. */
  path: string[];
  components: Component[];
  entities: Entity[];
  enums: EnumType[];
  events: Event[];
  /** Constraints that apply to the subsystem as a whole. */
  constraints: QualityConstraint[];
  subsystems: Subsystem[];
}

/** One row per statement, so traces can be resolved and quoted without the markdown. */
export interface StatementRef {
  id: string;
  file: string;
  line: number;
  kind: string;
  text: string;
  /**
   * Set to "llm" when the optional LLM engine contributed to this statement's facts (absent: the
   * offline extractor alone). An element's engines are those of the statements in its `sources`.
   */
  engine?: "llm";
}

export interface Model {
  version: typeof MODEL_VERSION;
  system: Subsystem;
  actors: Actor[];
  statements: StatementRef[];
}
