/** A position in a statements file: 1-based line and column, as remark reports them. */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  start: Position;
  end: Position;
}

/**
 * What shape of requirement a statement is. EARS patterns are split out because each maps to a
 * different model construct (an event-driven statement yields an event and its handler, a state-driven
 * one a guarded operation, an unwanted-behaviour one an error).
 */
export type StatementKind =
  | "user-story" // As a <role>, I want <goal>[, so that <benefit>]
  | "ears-ubiquitous" // THE <component> SHALL <response>
  | "ears-event" // WHEN <trigger>[,] THE <component> SHALL <response>
  | "ears-state" // WHILE <state>[,] THE <component> SHALL <response>
  | "ears-unwanted" // IF <condition>[,] THEN THE <component> SHALL <response>
  | "ears-optional" // WHERE <feature>[,] THE <component> SHALL <response>
  | "ears-complex" // a combination of the above
  | "shall" // "The system SHALL/MUST ...", FR-001 lines, OpenSpec requirement bodies
  | "scenario" // Given/When/Then or OpenSpec #### Scenario: WHEN/THEN/AND bullets
  | "glossary" // **Term**: definition
  | "prose" // any other sentence that says something about the system
  | "chat" // one turn of a chat transcript
  | "code"; // a block of code the statements carry (a fenced block, or code pasted into a transcript)

export type EarsPattern = "ubiquitous" | "event" | "state" | "unwanted" | "optional" | "complex";

/** The clauses of an EARS statement, as written (trimmed, without the keywords). */
export interface EarsParts {
  pattern: EarsPattern;
  /** WHERE clause. */
  feature?: string;
  /** WHILE clause. */
  state?: string;
  /** WHEN clause. */
  trigger?: string;
  /** IF clause. */
  condition?: string;
  /** The <component> after THE, e.g. "Cart" or "Kiro_Worker"; "system" when generic. */
  subject: string;
  /** SHALL or MUST etc., upper-cased. */
  modal: string;
  /** Everything after the modal verb. */
  response: string;
}

export interface UserStoryParts {
  role: string;
  want: string;
  benefit?: string;
}

export type StepKeyword = "given" | "when" | "then" | "and" | "but";

export interface ScenarioStep {
  keyword: StepKeyword;
  text: string;
}

export interface ScenarioParts {
  /** "#### Scenario: <name>" or the acceptance-scenario number. */
  name?: string;
  steps: ScenarioStep[];
}

export interface GlossaryParts {
  term: string;
  definition: string;
}

/** One statement read from a markdown file. */
export interface Statement {
  /**
   * Stable identity. An id the author writes (see README "Statement ids") wins; otherwise it is
   * derived from the file and the normalised text, so reordering, re-wrapping and whitespace
   * never change it.
   */
  id: string;
  /** True when the author wrote the id. */
  authored: boolean;
  kind: StatementKind;
  /** Normalised text: inline markdown removed, whitespace collapsed to single spaces. */
  text: string;
  /** Repository-relative POSIX path. */
  file: string;
  span: Span;
  /** Titles of the enclosing headings, outermost first. */
  headingPath: string[];
  /**
   * Lead-in labels of the list the statement sits in, outermost first: a bold-only paragraph before
   * the list ("**BudgetConfig**") and parent items that end in a colon ("Fields:").
   */
  labels?: string[];
  /** A label the source gives the statement: `FR-001`, `Requirement: Change Selection`, `US-3`, `1.2`. */
  label?: string;
  /** Id of the statement this one refines (a scenario under its requirement, an acceptance criterion under its story). */
  parent?: string;
  /** Speaker of a chat turn ("user", "assistant"), when kind is "chat". */
  speaker?: string;
  ears?: EarsParts;
  story?: UserStoryParts;
  scenario?: ScenarioParts;
  glossary?: GlossaryParts;
  /** For kind "code": the language the block names (`python`, `ts`, ...) and its text as written. */
  code?: CodeParts;
}

export interface CodeParts {
  language?: string;
  text: string;
}

/** A statements file handed to the parser: its path and raw bytes (or text). */
export interface SourceFile {
  /** Repository-relative POSIX path, e.g. `statements/cart/checkout.md`. */
  path: string;
  content: string | Uint8Array;
}
