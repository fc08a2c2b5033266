import type { ResolvedConfig } from "../config/load-config.js";
import type { LlmStats } from "../llm/enrich-facts.js";
import { createLlmFromEnv, hasLlmEndpoint, llmCachePath, type LlmClients, type LlmEnv } from "../llm/llm-from-env.js";
import { OPENAI_MISSING, openAiInstalled } from "../llm/openai-client.js";
import type { PipelineLlm } from "../pipeline/index.js";

/** What the CLI decided about the LLM engine for one run. */
export interface CliLlmPlan {
  /** The config with `--llm <model>` applied over `llm.model`. */
  config: ResolvedConfig;
  /** Clients when the LLM is on and an endpoint is named. */
  clients?: LlmClients;
  /** Model asked for (flag or config), whether or not it can run. */
  model?: string;
  /** Where the answer cache lives (repository-relative). */
  cachePath: string;
  /** Set when the LLM was asked for but cannot run: say it, then compile offline. */
  warning?: string;
  /** Why the LLM cannot run, in one phrase (no endpoint named, or the `openai` package missing). */
  unavailable?: string;
  /**
   * The LLM was asked for without an endpoint: answers already in the cache are still used (no
   * request is made), so a machine without the key (CI, `check`) reproduces the committed bytes.
   */
  cacheOnly?: boolean;
}

/**
 * Applies `--llm <model>` over the config and reads the environment (the CLI's, passed in) for an
 * endpoint. Asking for the LLM without OPENAI_BASE_URL or OPENAI_API_KEY is not an error: the run
 * is offline and the warning says how to turn the LLM on.
 */
export function planCliLlm(options: { config: ResolvedConfig; flag?: string; env: LlmEnv }): CliLlmPlan {
  const model = options.flag ?? options.config.llm?.model;
  const config: ResolvedConfig = model ? { ...options.config, llm: { ...options.config.llm, model } } : options.config;
  const cachePath = llmCachePath(config);
  if (!model) return { config, cachePath };
  if (!hasLlmEndpoint(options.env)) {
    return {
      config,
      model,
      cachePath,
      cacheOnly: true,
      unavailable: "an LLM endpoint: set OPENAI_BASE_URL (any OpenAI-compatible server) or OPENAI_API_KEY",
      warning: `the LLM engine (${model}) is on but no endpoint is configured: set OPENAI_BASE_URL (any OpenAI-compatible server) or OPENAI_API_KEY; compiling offline (answers already in ${cachePath} are reused)`,
    };
  }
  if (!openAiInstalled()) {
    return { config, model, cachePath, cacheOnly: true, unavailable: OPENAI_MISSING.replace(/^the LLM engine needs /, ""), warning: `${OPENAI_MISSING}; compiling offline (answers already in ${cachePath} are reused)` };
  }
  const clients = createLlmFromEnv({ llm: config.llm, env: options.env });
  return { config, model, cachePath, ...(clients ? { clients } : {}) };
}

/** The pipeline's LLM option for a plan: ask when there are clients; otherwise only cached answers are used. */
export function pipelineLlm(plan: CliLlmPlan): PipelineLlm {
  return plan.clients ? { ask: plan.clients.ask } : {};
}

/** One line for people: "LLM gpt-x: 3 requests (360 tokens), 2 cache hits, 1 fallback (id: reason)". */
export function formatLlmStats(llm: { model: string; stats: LlmStats }): string {
  const s = llm.stats;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const tokens = s.promptTokens + s.completionTokens;
  const head = `LLM ${llm.model}: ${plural(s.requests, "request")} (${tokens} tokens: ${s.promptTokens} prompt, ${s.completionTokens} completion), ${plural(s.cacheHits, "cache hit")}, ${plural(s.improved, "statement")} refined, ${plural(s.fallbacks.length, "fallback")} to offline`;
  const shown = s.fallbacks.slice(0, 10).map((f) => `\n  offline kept for ${f.id}: ${f.reason}`);
  const more = s.fallbacks.length > 10 ? `\n  ... and ${s.fallbacks.length - 10} more` : "";
  return head + shown.join("") + more;
}

/** The `llm` and `llmWarning` fields of `--json` output (absent when the LLM was not asked for). */
export function llmJson(r: { compiled: { llm?: { model: string; stats: LlmStats } }; llmWarning?: string }): { llm?: { model: string } & LlmStats; llmWarning?: string } {
  return {
    ...(r.compiled.llm ? { llm: { model: r.compiled.llm.model, ...r.compiled.llm.stats } } : {}),
    ...(r.llmWarning ? { llmWarning: r.llmWarning } : {}),
  };
}
