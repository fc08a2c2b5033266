/**
 * Statements of a markdown file, read by the real parser (lib/statements/parse-statements.ts), as
 * the lint tests and the CLI see them.
 */
import { parseStatements } from "../../../lib/statements/parse-statements.js";
import type { Statement } from "../../../lib/statements/types.js";

export function readStatements(options: { file: string; content: string }): Statement[] {
  return parseStatements([{ path: options.file, content: options.content }]).statements;
}
