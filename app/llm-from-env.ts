import type { ResolvedConfig } from "../lib/config/load-config.js";
import type { AskModel } from "../lib/llm/enrich-facts.js";
import { budgetAsk } from "../lib/llm/llm-budget.js";
import { createLlmFromEnv, type LlmClients } from "../lib/llm/llm-from-env.js";
import { applyLlmPolicy } from "../lib/llm/llm-limits.js";
import type { AppSettings } from "./app-settings.js";

/** The LLM engine of one job, within the operator's policy and budget. */
export interface JobLlm {
  /** The config with `llm:` capped by the operator's limits (or without it when refused). */
  config: ResolvedConfig;
  /** The budgeted engine; undefined when the LLM is off, refused, or no endpoint is set. */
  ask?: AskModel;
  clients?: LlmClients;
  /** Why the repository's LLM settings were not used, for the check run. */
  refused?: string;
}

/**
 * The LLM engine for a repository whose config turns it on (`llm.model`), reaching the endpoint
 * the App's environment names (OPENAI_BASE_URL, OPENAI_API_KEY), with concurrency, retries and
 * timeout no higher than the operator allows, and every request counted against the job's and the
 * installation's budget (`account`). The offline extractor runs alone when it is off.
 */
export function llmForJob(options: { config: ResolvedConfig; settings: AppSettings; account: string }): JobLlm {
  const { config, settings } = options;
  const applied = applyLlmPolicy(config.llm, settings.llm);
  const { llm: _repoLlm, ...rest } = config;
  const capped: ResolvedConfig = applied.llm ? { ...rest, llm: applied.llm } : rest;
  if (applied.refused) return { config: capped, refused: applied.refused };
  const clients = createLlmFromEnv({ llm: applied.llm, env: settings.llmEnv });
  if (!clients) return { config: capped };
  const ask = budgetAsk(clients.ask, { perJob: applied.perJob, ledger: settings.ledger, account: options.account });
  return { config: capped, ask, clients };
}
