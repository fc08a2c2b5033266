import type { Statement } from "../statements/types.js";
import { wholeWordPattern } from "./text-utils.js";

/**
 * Maps a place in a statement's normalised text back to a line and column of its file.
 *
 * `Statement.text` has inline markdown removed and whitespace collapsed, so an offset into it is
 * not a column. With the raw file at hand we find the same word in the statement's lines (the k-th
 * occurrence in the file region when it is the k-th in the text), which survives emphasis,
 * links and re-wrapping. Without it, a one-line statement gets start column + offset (exact when
 * the statement has no inline markup before the word) and a longer one its start.
 */
export function locateOffset(options: {
  statement: Statement;
  offset: number;
  text: string;
  source?: string;
}): { line: number; column: number } {
  const { statement, offset, text, source } = options;
  const start = statement.span.start;
  const fallback =
    statement.span.end.line === start.line ? { line: start.line, column: start.column + offset } : { line: start.line, column: start.column };
  if (source === undefined || text.trim() === "") return fallback;

  const pattern = wholeWordPattern(text.trim());
  let nth = 0;
  for (const m of statement.text.matchAll(pattern)) {
    if ((m.index ?? 0) >= offset) break;
    nth++;
  }
  const lines = source.split(/\r?\n/);
  let seen = 0;
  for (let ln = start.line; ln <= Math.min(statement.span.end.line, lines.length); ln++) {
    const raw = lines[ln - 1] ?? "";
    const from = ln === start.line ? Math.max(0, start.column - 1) : 0;
    for (const m of raw.slice(from).matchAll(pattern)) {
      if (seen === nth) return { line: ln, column: from + (m.index ?? 0) + 1 };
      seen++;
    }
  }
  return fallback;
}
