import type { LlmConfig } from "../config/types.js";
import { createOpenAiDecomposer, type AskDecomposition } from "./decompose.js";
import type { AskModel } from "./enrich-facts.js";
import { createOpenAiBodyWriter, type AskBody } from "./fill-bodies.js";
import { createOpenAiAsk } from "./openai-ask.js";

/** Where LLM answers are cached when the config does not say (committed with the contracts). */
export const DEFAULT_LLM_CACHE = "contracts/.penult-cache/llm.jsonl";

/**
 * The answer cache of a config: `llm.cache`, else `.penult-cache/llm.jsonl` in the output folder
 * (penult writes only inside its output folder, so the default follows `output`).
 */
export function llmCachePath(config: { output: string; llm?: { cache?: string } | undefined }): string {
  if (config.llm?.cache) return config.llm.cache;
  return config.output === "contracts" ? DEFAULT_LLM_CACHE : `${config.output === "." ? "" : `${config.output}/`}.penult-cache/llm.jsonl`;
}

/** The variables the LLM engine reads; the caller passes them in, so this module never touches `process.env`. */
export type LlmEnv = Readonly<Record<string, string | undefined>>;

/** The LLM engine's two entry points, bound to one endpoint and model. */
export interface LlmClients {
  ask: AskModel;
  decompose: AskDecomposition;
  /** Drafts one method body for `implement --llm`. */
  writeBody: AskBody;
}

/** Is an OpenAI-compatible endpoint named (OPENAI_BASE_URL or OPENAI_API_KEY)? */
export function hasLlmEndpoint(env: LlmEnv): boolean {
  return Boolean(env.OPENAI_BASE_URL || env.OPENAI_API_KEY);
}

/**
 * Clients for the configured model at the endpoint `env` names (OPENAI_BASE_URL, OPENAI_API_KEY).
 * Undefined when LLM is off or no endpoint is named: the offline extractor then runs alone. Shared
 * by the GitHub App and the CLI, which each pass their own environment.
 */
export function createLlmFromEnv(options: { llm: LlmConfig | undefined; env: LlmEnv }): LlmClients | undefined {
  const { llm, env } = options;
  if (!llm || !hasLlmEndpoint(env)) return undefined;
  const clientOptions = {
    model: llm.model,
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
    ...(llm.timeoutMs ? { timeoutMs: llm.timeoutMs } : {}),
    ...(llm.maxRetries !== undefined ? { maxRetries: llm.maxRetries } : {}),
  };
  return { ask: createOpenAiAsk(clientOptions), decompose: createOpenAiDecomposer(clientOptions), writeBody: createOpenAiBodyWriter(clientOptions) };
}
