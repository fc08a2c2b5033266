import type { Constraint } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import type { PrimitiveName, Why } from "./types.js";
import type { CrudClass } from "./vocabulary.js";

/**
 * The intermediate representation between the model passes (docs/model.md "Passes"). Passes that
 * read one statement return {@link Contribution}s; the merge pass folds them, in document order,
 * into one draft per element; later passes lay the drafts out, name them and assemble the model.
 * Elements are keyed by concept name inside their own namespace (entities, components, events, ...),
 * so an entity and a component may share a name without touching each other.
 */

/** A type as the passes see it: entities, enums and events by concept name (resolved to ids at assembly). */
export type TypeSpec =
  | { kind: "primitive"; name: PrimitiveName }
  | { kind: "entity"; name: string }
  | { kind: "enum"; name: string }
  | { kind: "event"; name: string }
  | { kind: "list"; of: TypeSpec };

/** What every contribution carries: the statement it came from, the rule that made it, and the words. */
export interface Origin {
  source: string;
  /** Rule id from docs/model.md, e.g. `operations/crud`. */
  rule: string;
  /** The words of the statement the element was read from. */
  words: string;
}

export interface ParamSpec {
  name: string;
  type: TypeSpec;
  optional: boolean;
}

export interface ErrorSpec {
  name: string;
  when: string;
  origin: Origin;
}

export interface FieldSpec {
  name: string;
  type: TypeSpec;
  optional: boolean;
}

export type InterfaceRole = "api" | "handlers";

/** Where a quality constraint goes: a named operation, one found by topic words, a component, an entity, or the system. */
export type ConstraintTarget =
  | { kind: "operation"; component: string; operation: string }
  | { kind: "topic"; words: string[]; component?: string }
  | { kind: "component"; component: string }
  | { kind: "entity"; entity: string }
  | { kind: "system" };

export type Contribution = Origin &
  (
    | { kind: "entity"; name: string; declared: boolean; doc?: string; key?: string }
    | { kind: "field"; entity: string; field: FieldSpec }
    | { kind: "relation"; entity: string; name: string; target: string; cardinality: "one" | "many" }
    | { kind: "enum"; name: string; values: string[] }
    | { kind: "component"; name: string; explicit: boolean; doc?: string; interfaceName?: string }
    | {
        kind: "operation";
        component: string;
        role: InterfaceRole;
        name: string;
        /** What the operation does to what: verb class (or the domain verb) and its entity, for linking. */
        verb: string;
        crud?: CrudClass;
        entity?: string;
        params: ParamSpec[];
        returns: TypeSpec;
        async: boolean;
        actors: string[];
        handles?: string;
        whileState?: string;
        feature?: string;
        errors: ErrorSpec[];
        /** Side effects the statement states for it ("and update the cart total"). */
        effects: string[];
        /** Declared in code by the author (`getBuildOrder()`, a Python ABC): its name and signature are fixed. */
        declared?: boolean;
      }
    | { kind: "event"; name: string; fields: FieldSpec[] }
    | { kind: "constraint"; target: ConstraintTarget; constraint: Constraint }
    | { kind: "actor"; name: string }
    /** Errors of a statement that makes no operation: the link pass puts them on the operations their words name. */
    | { kind: "error"; component?: string; topic: string[]; errors: ErrorSpec[] }
    | { kind: "dependency"; from: string; to: string }
  );

export type ContributionOf<K extends Contribution["kind"]> = Extract<Contribution, { kind: K }>;

/** What became of one requirement clause: an element, or a reason it was not modelled. */
export interface ClauseOutcome {
  text: string;
  modelled: boolean;
  /** Why it made no element (for the NOT_MODELLED diagnostic). */
  reason?: string;
}

/** Everything one statement contributes, decided from that statement alone (plus declarations and config). */
export interface StatementPlan {
  statement: Statement;
  /** The component its operations go to, when it has one. */
  component?: string;
  contributions: Contribution[];
  clauses: ClauseOutcome[];
  /** Things its operations act on that the declared data model does not name (reported once per name). */
  things?: { name: string; words: string }[];
}

// ---------------------------------------------------------------------------------------------
// Drafts (after merging)

/** An ordered set of statement ids plus the reasons, in document order. */
export interface Traced {
  name: string;
  sources: string[];
  why: Why[];
}

export interface FieldDraft extends Traced {
  type: TypeSpec;
  optional: boolean;
  /** Its type comes from a declaration, which no requirement's guess overrides. */
  declared?: boolean;
}

export interface RelationDraft extends Traced {
  target: string;
  cardinality: "one" | "many";
}

export interface ConstraintDraft extends Traced {
  constraint: Constraint;
}

export interface EntityDraft extends Traced {
  declared: boolean;
  doc?: string;
  key?: string;
  fields: Map<string, FieldDraft>;
  relations: Map<string, RelationDraft>;
  constraints: ConstraintDraft[];
}

export interface EnumDraft extends Traced {
  values: string[];
}

export interface EventDraft extends Traced {
  fields: Map<string, FieldDraft>;
}

export interface ErrorDraft extends Traced {
  when: string;
}

export interface ParamDraft extends Traced {
  type: TypeSpec;
  optional: boolean;
}

export interface OperationDraft extends Traced {
  verb: string;
  crud?: CrudClass;
  entity?: string;
  params: Map<string, ParamDraft>;
  returns: TypeSpec;
  async: boolean;
  actors: Set<string>;
  handles?: string;
  whileState?: string;
  feature?: string;
  errors: Map<string, ErrorDraft>;
  effects: string[];
  declared: boolean;
  constraints: ConstraintDraft[];
}

export interface ComponentDraft extends Traced {
  explicit: boolean;
  doc?: string;
  /** The name its author gave the component's interface in code ("StatementToRealitySystem"). */
  interfaceName?: string;
  interfaces: Map<InterfaceRole, Map<string, OperationDraft>>;
  dependsOn: Set<string>;
  constraints: ConstraintDraft[];
}

export interface ActorDraft extends Traced {}

/** All drafts after the merge pass, keyed by concept name per namespace. */
export interface ModelDraft {
  entities: Map<string, EntityDraft>;
  enums: Map<string, EnumDraft>;
  events: Map<string, EventDraft>;
  components: Map<string, ComponentDraft>;
  actors: Map<string, ActorDraft>;
  /** Constraints on the whole system, and those whose target is still to be found (by topic). */
  systemConstraints: ConstraintDraft[];
  pendingConstraints: { target: ConstraintTarget; draft: ConstraintDraft; origin: Origin }[];
  pendingErrors: { component?: string; topic: string[]; errors: ErrorSpec[]; origin: Origin }[];
}
