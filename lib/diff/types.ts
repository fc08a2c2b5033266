import type { Span } from "../statements/types.js";

/**
 * What the statement diff needs of a statement. Both a parsed `Statement` and a `StatementRef`
 * from model.json (`contracts/model.json` keeps one row per statement) satisfy it, so a diff can be
 * computed from two model files alone.
 */
export interface StatementInput {
  id: string;
  text: string;
  file: string;
  line?: number;
  span?: Span;
  kind?: string;
  headingPath?: readonly string[];
  authored?: boolean;
  label?: string;
}

/** One side of a statement change, as shown in reports. */
export interface StatementSnapshot {
  id: string;
  file: string;
  line: number;
  kind: string;
  text: string;
  headingPath: string[];
  authored: boolean;
  label?: string;
}

export type StatementChangeKind = "added" | "removed" | "edited" | "moved";

export interface StatementChange {
  /**
   * added: only in current. removed: only in previous. edited: same statement, text changed
   * (possibly also moved: see `locationChanged`). moved: same text, another file or heading.
   */
  kind: StatementChangeKind;
  /** Current id, or the previous id for a removed statement. */
  id: string;
  previous?: StatementSnapshot;
  current?: StatementSnapshot;
  textChanged: boolean;
  /** File or heading path differs. */
  locationChanged: boolean;
  /** How the two sides were paired: the same id, the same normalised text, or similar text. */
  matchedBy?: "id" | "text" | "similarity";
  /** Dice similarity of the two texts, when matched by similarity. */
  similarity?: number;
  /** Moved only because its whole file was renamed (content otherwise unchanged). */
  fileRenamed?: boolean;
}

export interface FileRename {
  from: string;
  to: string;
  /** Statements of `from` found again in `to`. */
  statements: number;
}

export interface StatementDiff {
  /** Sorted by file, line, id of the current side (previous side for removed statements). */
  changes: StatementChange[];
  renamedFiles: FileRename[];
  /** Statements present on both sides with no change at all. */
  unchanged: number;
  /** Every matched pair whose ids differ (edits change derived ids): previous id -> current id. */
  idChanges: { previous: string; current: string }[];
}
