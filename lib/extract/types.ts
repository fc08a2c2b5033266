/**
 * Facts are what the extractor read in ONE statement, as phrases from its text. The model builder
 * turns facts from all statements into named, merged, traced model elements. `penult extract --json`
 * prints facts so users can see what penult read.
 */

/** Quality attributes, following the PROMISE NFR classes. */
export type QualityAttribute =
  | "availability" // A
  | "fault-tolerance" // FT
  | "legal" // L
  | "look-and-feel" // LF
  | "maintainability" // MN
  | "operational" // O
  | "performance" // PE
  | "portability" // PO
  | "scalability" // SC
  | "security" // SE
  | "usability"; // US

/** A measurable bound found in text: "within 200 ms" -> { metric: "latency", op: "<=", value: 200, unit: "ms" }. */
export interface Constraint {
  /** What is measured: latency, throughput, availability, concurrent-users, size, retention, ... */
  metric: string;
  op: "<" | "<=" | "=" | ">=" | ">";
  value: number;
  unit: string;
  /** Quality attribute this bound belongs to. */
  attribute: QualityAttribute;
  /** The phrase it was read from, e.g. "within 200 ms". */
  text: string;
}

export interface Action {
  /** Lemma of the main verb: "add". */
  verb: string;
  /** Direct object noun phrase as written: "an item". */
  object?: string;
  /** Prepositional complements: [{ prep: "to", phrase: "the cart" }]. */
  complements?: { prep: string; phrase: string }[];
  /** The whole verb phrase as written: "add an item to the cart". */
  phrase: string;
  /** Negated ("SHALL NOT ..."). */
  negated?: boolean;
  /** Governed by a refusing verb: "refuse to add another copy" reads as `add`, refused. */
  refused?: boolean;
}

/**
 * A WHEN/IF clause read as a small sentence: who or what does something. A trigger whose subject
 * is a person ("a customer adds a book") is a request; one whose subject is a thing ("the order is
 * confirmed") is a domain event (docs/model.md "Events").
 */
export interface ClauseFact {
  /** The clause as written, without its keyword: "a customer adds a book to the cart". */
  text: string;
  /** Persona that acts in it, when its subject is one. */
  actor?: string;
  /** Its subject when that is not a persona: "the order", "the payment provider". */
  subject?: string;
  /** Its verb, object and complements. */
  action?: Action;
  /** Event name words read from it ("book added"), for triggers. */
  event?: string;
}

export interface Facts {
  /** Statement id. */
  id: string;
  /** Personas and roles: "user", "administrator". */
  actors: string[];
  /** The component the statement is about, when it names one ("THE Cart SHALL" -> "Cart"). */
  subject?: string;
  actions: Action[];
  /** Noun phrases that name things the system keeps: "item", "shopping cart". */
  entities: string[];
  /** Attribute phrases: [{ entity: "order", field: "total amount" }]. */
  fields: {
    entity: string;
    field: string;
    /** Type hint from the field's words: string, integer, number, boolean, date, datetime, duration, uuid, binary. */
    type?: string;
    /** Written as optional ("optional notes"). */
    optional?: boolean;
    /** Allowed values listed in the text: "status (pending/approved/rejected)" -> ["pending", "approved", "rejected"]. */
    values?: string[];
  }[];
  /** Event phrases (EARS triggers, "when X happens"): "item added". */
  events: string[];
  /** Error / unwanted conditions (EARS IF ... THEN): "payment fails". */
  errors: string[];
  /** The WHEN clauses, read as small sentences (same order as `events`, one per clause). */
  triggers?: ClauseFact[];
  /** The IF clauses and failure conditions, read as small sentences. */
  conditions?: ClauseFact[];
  /**
   * Requirement clauses the extractor could not read as an action: "and tell the customer the
   * limit" when only "refuse" was read. The model reports each one that no element covers.
   */
  unread?: string[];
  constraints: Constraint[];
  /** True when the statement describes behaviour (PROMISE class F), false when only a quality. */
  functional: boolean;
  /** Quality attributes the statement speaks to (empty for purely functional statements). */
  qualities: QualityAttribute[];
}
