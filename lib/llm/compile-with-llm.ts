import type { CompileOptions, CompileResult } from "../compile.js";
import type { PenultConfig } from "../config/types.js";
import { DEFAULT_CONFIG } from "../config/types.js";
import { sortDiagnostics } from "../diagnostics.js";
import { extractFacts } from "../extract/extract-facts.js";
import { buildModel } from "../model/build-model.js";
import { parseStatements } from "../statements/parse-statements.js";
import { enrichFacts, type AskModel, type LlmStats } from "./enrich-facts.js";

export interface CompileWithLlmOptions extends CompileOptions {
  model: string;
  ask: AskModel;
  /** Current text of the answer cache file. */
  cacheText?: string;
  concurrency?: number;
}

export interface CompileWithLlmResult extends CompileResult {
  llm: { stats: LlmStats; cacheText: string };
}

/**
 * {@link compile} with the LLM engine between the offline extractor and the model builder. The
 * offline facts are always computed; the model's answers only refine them (see mergeFacts), and
 * every statement the model helped with is marked `engine: "llm"` in model.json.
 */
export async function compileWithLlm(options: CompileWithLlmOptions): Promise<CompileWithLlmResult> {
  const config: PenultConfig = { ...DEFAULT_CONFIG, ...options.config };
  const parsed = parseStatements(options.files);
  const offline = extractFacts(parsed.statements);
  const enriched = await enrichFacts({
    statements: parsed.statements,
    facts: offline,
    model: options.model,
    ask: options.ask,
    ...(options.cacheText !== undefined ? { cacheText: options.cacheText } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  const built = buildModel({ statements: parsed.statements, facts: enriched.facts, config, ...(options.lock ? { lock: options.lock } : {}) });
  for (const row of built.model.statements) if (enriched.engines.get(row.id) === "llm") row.engine = "llm";
  return {
    statements: parsed.statements,
    facts: enriched.facts,
    model: built.model,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...built.diagnostics, ...enriched.diagnostics]),
    llm: { stats: enriched.stats, cacheText: enriched.cacheText },
  };
}
