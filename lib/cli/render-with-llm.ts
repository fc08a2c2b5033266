import type { ResolvedConfig } from "../config/load-config.js";
import { sortDiagnostics } from "../diagnostics.js";
import { compileWithLlm } from "../llm/compile-with-llm.js";
import type { LlmStats } from "../llm/enrich-facts.js";
import { createLlmFromEnv, hasLlmEndpoint, llmCachePath, type LlmClients, type LlmEnv } from "../llm/llm-from-env.js";
import type { SourceFile } from "../statements/types.js";
import { renderProject, type RenderProjectResult } from "./render-project.js";
import type { TemplateSource } from "./stages.js";

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
      warning: `the LLM engine (${model}) is on but no endpoint is configured: set OPENAI_BASE_URL (any OpenAI-compatible server) or OPENAI_API_KEY; compiling offline (answers already in ${cachePath} are reused)`,
    };
  }
  const clients = createLlmFromEnv({ llm: config.llm, env: options.env });
  return { config, model, cachePath, ...(clients ? { clients } : {}) };
}

export interface RenderWithLlmResult extends RenderProjectResult {
  /** Requests, tokens, cache hits and fallbacks when the LLM ran. */
  llm?: { model: string; stats: LlmStats };
}

/**
 * {@link renderProject} with the LLM engine when the plan has clients: the answer cache is read
 * through `readCache` (working tree or a git revision) and its new text becomes one more generated
 * file. When the LLM does not run, an existing cache file is carried through unchanged, so an
 * offline run never throws away answers someone paid for.
 */
export async function renderWithLlm(options: {
  files: readonly SourceFile[];
  plan: CliLlmPlan;
  templates?: TemplateSource;
  readCache: (path: string) => Promise<string | undefined>;
}): Promise<RenderWithLlmResult> {
  const { plan } = options;
  const { config } = plan;
  const cacheText = await options.readCache(plan.cachePath);
  const templates = options.templates ? { templates: options.templates } : {};
  if (!config.llm || (!plan.clients && !(plan.cacheOnly && cacheText !== undefined))) {
    const rendered = renderProject({ files: options.files, config, ...templates });
    if (cacheText !== undefined) rendered.outputs.push({ path: plan.cachePath, content: cacheText });
    return rendered;
  }
  const compiled = await compileWithLlm({
    files: options.files,
    config,
    model: config.llm.model,
    ask: plan.clients?.ask ?? askNothing,
    ...(cacheText !== undefined ? { cacheText } : {}),
    ...(config.llm.concurrency ? { concurrency: config.llm.concurrency } : {}),
  });
  const rendered = renderProject({ files: options.files, config, compiled, ...templates });
  // No answer at all (endpoint down) and no cache yet: no empty file.
  if (compiled.llm.cacheText !== "" || cacheText !== undefined) rendered.outputs.push({ path: plan.cachePath, content: compiled.llm.cacheText });
  return { ...rendered, diagnostics: sortDiagnostics(rendered.diagnostics), llm: { model: config.llm.model, stats: compiled.llm.stats } };
}

async function askNothing(): Promise<never> {
  throw new Error("not in the answer cache, and no LLM endpoint is configured");
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
export function llmJson(r: { rendered: RenderWithLlmResult; llmWarning?: string }): { llm?: { model: string } & LlmStats; llmWarning?: string } {
  return {
    ...(r.rendered.llm ? { llm: { model: r.rendered.llm.model, ...r.rendered.llm.stats } } : {}),
    ...(r.llmWarning ? { llmWarning: r.llmWarning } : {}),
  };
}
