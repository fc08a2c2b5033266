import type { Diagnostic, Severity } from "../diagnostics.js";

/**
 * Every diagnostic code the statement parser emits, with its severity. One table so the docs
 * (docs/statements.md) and the tests can check the list, and so a code never changes severity
 * from one call site to another.
 */
export const STATEMENT_DIAGNOSTICS = {
  /** The file holds no text at all (or only whitespace). */
  PARSE_EMPTY_FILE: "warning",
  /** NUL bytes: the file is binary, not text. Nothing is read from it. */
  PARSE_BINARY_FILE: "error",
  /** Bytes that are not UTF-8. Nothing is read from the file. */
  PARSE_INVALID_UTF8: "warning",
  /** A UTF-8 byte-order mark was dropped. */
  PARSE_BOM: "info",
  /** CRLF or CR line endings were read as LF. */
  PARSE_LINE_ENDINGS: "info",
  /** A file over the size limit was read by the line reader instead of remark. */
  PARSE_LARGE_FILE: "info",
  /** Markup that would make remark take quadratic time (thousands of emphasis markers or brackets in one block, huge tables); the file was read by the line reader. */
  PARSE_PATHOLOGICAL_MARKUP: "warning",
  /** Lists or block quotes nested deeper than the parser follows; the excess nesting was flattened. */
  PARSE_DEEP_NESTING: "warning",
  /** A fenced code block is never closed, so the rest of the file is read as code. */
  PARSE_UNCLOSED_FENCE: "warning",
  /** Front matter that is not valid YAML; it is ignored. */
  PARSE_FRONT_MATTER: "warning",
  /** A statement so long that pattern recognition was skipped; it is kept as prose. */
  PARSE_LONG_STATEMENT: "warning",
  /** The same statement text twice in one file; the later one gets a numbered id. */
  PARSE_DUPLICATE_STATEMENT: "warning",
  /** The same source label (FR-001, Requirement: X) twice in one file; the later one gets a derived id. */
  PARSE_DUPLICATE_LABEL: "warning",
  /** An author-written id used twice; the first place keeps it, the other gets a derived id. */
  PARSE_DUPLICATE_ID: "error",
  /** A `{#...}` id with characters outside [A-Za-z0-9._-]; it is kept as text. */
  PARSE_INVALID_ID: "warning",
  /** The same path given twice; one copy is read. */
  PARSE_DUPLICATE_FILE: "error",
  /** Content skipped on purpose (chat code, search residue, filler, bare questions), with counts. */
  PARSE_SKIPPED: "info",
  /** A non-empty file in which no statement was found. */
  PARSE_NO_STATEMENTS: "info",
  /** The parser failed on this file; the other files are still read. */
  PARSE_INTERNAL_ERROR: "error",
} as const satisfies Record<string, Severity>;

export type StatementDiagnosticCode = keyof typeof STATEMENT_DIAGNOSTICS;

/** Builds a diagnostic whose severity comes from the table above. */
export function makeDiagnostic(options: {
  code: StatementDiagnosticCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  statement?: string;
}): Diagnostic {
  const d: Diagnostic = { code: options.code, severity: STATEMENT_DIAGNOSTICS[options.code], message: options.message };
  if (options.file !== undefined) d.file = options.file;
  if (options.line !== undefined) d.line = options.line;
  if (options.column !== undefined) d.column = options.column;
  if (options.statement !== undefined) d.statement = options.statement;
  return d;
}
