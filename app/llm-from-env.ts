import type { ResolvedConfig } from "../lib/config/load-config.js";
import type { AskModel } from "../lib/llm/enrich-facts.js";
import { createOpenAiAsk } from "../lib/llm/openai-ask.js";
import { createOpenAiDecomposer, type AskDecomposition } from "../lib/llm/decompose.js";

/**
 * The LLM engine for a repository whose config turns it on (`llm.model`), reaching the endpoint
 * the App's environment names (OPENAI_BASE_URL, OPENAI_API_KEY). Undefined when either is missing:
 * the offline extractor then runs alone.
 */
export function llmFromEnv(config: ResolvedConfig, env: NodeJS.ProcessEnv = process.env): { ask: AskModel; decompose: AskDecomposition } | undefined {
  if (!config.llm || (!env.OPENAI_BASE_URL && !env.OPENAI_API_KEY)) return undefined;
  const options = {
    model: config.llm.model,
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
    ...(config.llm.timeoutMs ? { timeoutMs: config.llm.timeoutMs } : {}),
    ...(config.llm.maxRetries !== undefined ? { maxRetries: config.llm.maxRetries } : {}),
  };
  return { ask: createOpenAiAsk(options), decompose: createOpenAiDecomposer(options) };
}
