import type { PenultConfig } from "./config/types.js";
import { DEFAULT_CONFIG } from "./config/types.js";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { extractFacts } from "./extract/extract-facts.js";
import type { Facts } from "./extract/types.js";
import { buildModel } from "./model/build-model.js";
import type { Model } from "./model/types.js";
import { parseStatements } from "./statements/parse-statements.js";
import type { SourceFile, Statement } from "./statements/types.js";

export interface CompileOptions {
  files: readonly SourceFile[];
  config?: Partial<PenultConfig>;
  /** The previous model.json, to keep operation names across rewordings (docs/model.md "Stable names"). */
  lock?: Model;
}

export interface CompileResult {
  statements: Statement[];
  facts: Facts[];
  model: Model;
  diagnostics: Diagnostic[];
}

/**
 * The whole front half of penult, pure: statement files -> statements -> facts -> model.
 * No clock, randomness, environment or file system: the same files give the same result in any order.
 */
export function compile(options: CompileOptions): CompileResult {
  const config: PenultConfig = { ...DEFAULT_CONFIG, ...options.config };
  const parsed = parseStatements(options.files);
  const facts = extractFacts(parsed.statements);
  const built = buildModel({ statements: parsed.statements, facts, config, ...(options.lock ? { lock: options.lock } : {}) });
  return {
    statements: parsed.statements,
    facts,
    model: built.model,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...built.diagnostics]),
  };
}
