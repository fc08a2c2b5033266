import type { Diagnostic } from "../diagnostics.js";
import type { SourceFile, Statement } from "./types.js";

export interface ParseResult {
  /** Sorted by file, then line, then column. */
  statements: Statement[];
  diagnostics: Diagnostic[];
}

/** PLACEHOLDER (issue 3, statements helper replaces this): markdown files -> statements. */
export function parseStatements(_files: readonly SourceFile[]): ParseResult {
  throw new Error("parseStatements: not written yet");
}
