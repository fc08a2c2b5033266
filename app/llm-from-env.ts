import type { ResolvedConfig } from "../lib/config/load-config.js";
import { createLlmFromEnv, type LlmClients } from "../lib/llm/llm-from-env.js";

/**
 * The LLM engine for a repository whose config turns it on (`llm.model`), reaching the endpoint
 * the App's environment names (OPENAI_BASE_URL, OPENAI_API_KEY). Undefined when either is missing:
 * the offline extractor then runs alone.
 */
export function llmFromEnv(config: ResolvedConfig, env: NodeJS.ProcessEnv = process.env): LlmClients | undefined {
  return createLlmFromEnv({ llm: config.llm, env });
}
