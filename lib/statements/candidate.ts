import type { Diagnostic } from "../diagnostics.js";
import type { Classification } from "./classify-statement.js";
import type { Position } from "./types.js";

/**
 * A statement before it has an id: what the readers (markdown, chat, plain text) hand to the id
 * stage. Offsets are into the decoded file text.
 */
export interface Candidate {
  text: string;
  start: number;
  end: number;
  headingPath: string[];
  /** Lead-in labels of the list the statement is in ("**BudgetConfig**", "Fields:"), outermost first. */
  labels?: string[];
  cls: Classification;
  label?: string;
  /** Use the label (scoped to the file) as the id: OpenSpec names, FR-001 codes. */
  labelId?: string;
  authoredId?: string;
  /** Chat turns only. */
  speaker?: string;
  scenarioName?: string;
  /** Index (into the same file's candidate list) of the statement this one refines. */
  parent?: number;
}

/** What a reader returns for one file. */
export interface ReadResult {
  candidates: Candidate[];
  diagnostics: Diagnostic[];
}

/** Maps offsets to 1-based line/column in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  /** The index of a text whose line starts are known (a cached read): no scan of the text. */
  static fromLineStarts(starts: readonly number[]): LineIndex {
    const index = new LineIndex("");
    index.starts.length = 0;
    for (const start of starts) index.starts.push(start);
    return index;
  }
  /** Offsets where lines start (the first is 0): what {@link LineIndex.fromLineStarts} takes back. */
  get lineStarts(): readonly number[] {
    return this.starts;
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineStart(line: number): number {
    return this.starts[line - 1] ?? 0;
  }
}

const AUTHORED_ID_RE = /\s*\{#([^{}\n]{0,100})\}\s*$/;
const VALID_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/**
 * Splits a trailing `{#id}` off a statement text. An id with characters outside the allowed set
 * is reported and left in the text, so nothing the author wrote disappears.
 */
export function takeAuthoredId(text: string): { text: string; id?: string; invalid?: string } {
  const m = AUTHORED_ID_RE.exec(text);
  if (!m) return { text };
  const id = m[1]!;
  if (!VALID_ID_RE.test(id)) return { text, invalid: id };
  return { text: text.slice(0, m.index), id };
}
