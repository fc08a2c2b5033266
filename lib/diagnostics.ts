/**
 * Problems found in content are positioned messages, never exceptions (as in unified's VFile
 * messages). Every stage returns the diagnostics it found next to its result, so one bad file
 * never stops the others from compiling.
 */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Stable code from the table in lib/diagnostic-codes.ts, e.g. `PARSE_BINARY_FILE`. */
  code: string;
  severity: Severity;
  message: string;
  /** Repository-relative POSIX path of the file the problem is in, when there is one. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Statement the problem is about, when there is one. */
  statement?: string;
}

/** Sorts diagnostics by file, line, column, code, message: output order never depends on input order. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      cmp(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

/** `file:line:column` for humans; parts that are unknown are left out. */
export function formatLocation(d: Pick<Diagnostic, "file" | "line" | "column">): string {
  if (!d.file) return "";
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/** Code-point order, independent of locale and ICU version (determinism across machines). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
