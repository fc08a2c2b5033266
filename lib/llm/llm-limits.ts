import type { LlmConfig } from "../config/types.js";
import { readEnvLimits, type LimitSpec } from "../limits/job-limits.js";

/**
 * What the App's operator lets one repository spend on the LLM engine. They come from the App's
 * environment (trusted); a repository's `llm:` settings may lower them, never raise them.
 */
export interface LlmLimits {
  requestsPerJob: number;
  tokensPerJob: number;
  /** Per installation, over the current UTC day. */
  requestsPerDay: number;
  tokensPerDay: number;
  concurrency: number;
  maxRetries: number;
  timeoutMs: number;
}

/** Every LLM limit, in the order docs/security.md lists them. */
export const LLM_LIMIT_SPECS: readonly LimitSpec<keyof LlmLimits>[] = [
  { key: "requestsPerJob", env: "PENULT_LLM_REQUESTS_PER_JOB", default: 200, unit: "requests", what: "LLM requests of one job" },
  { key: "tokensPerJob", env: "PENULT_LLM_TOKENS_PER_JOB", default: 400_000, unit: "tokens", what: "LLM tokens (prompt + completion) of one job" },
  { key: "requestsPerDay", env: "PENULT_LLM_REQUESTS_PER_DAY", default: 2_000, unit: "requests", what: "LLM requests of one installation per UTC day" },
  { key: "tokensPerDay", env: "PENULT_LLM_TOKENS_PER_DAY", default: 4_000_000, unit: "tokens", what: "LLM tokens of one installation per UTC day" },
  { key: "concurrency", env: "PENULT_LLM_CONCURRENCY", default: 4, unit: "requests", what: "LLM requests in flight for one job" },
  { key: "maxRetries", env: "PENULT_LLM_MAX_RETRIES", default: 2, unit: "requests", what: "retries of one LLM request on 429 and 5xx", min: 0 },
  { key: "timeoutMs", env: "PENULT_LLM_TIMEOUT_MS", default: 30_000, unit: "ms", what: "time one LLM request may take" },
];

/** The operator's LLM settings: limits, and the models a repository may pick (none listed: any). */
export interface LlmPolicy {
  limits: LlmLimits;
  /** `PENULT_LLM_MODELS`, comma-separated; undefined when unset. */
  models?: readonly string[];
}

/** Reads the operator's LLM policy from the environment (PENULT_LLM_*). */
export function readLlmPolicy(env: Readonly<Record<string, string | undefined>>): LlmPolicy {
  const limits = readEnvLimits(LLM_LIMIT_SPECS, env);
  const models = env.PENULT_LLM_MODELS?.split(",").map((m) => m.trim()).filter(Boolean);
  return { limits, ...(models?.length ? { models } : {}) };
}

/** One job's LLM settings after the operator's policy: what to run with, or why not to run. */
export interface AppliedLlmPolicy {
  /** The repository's `llm:` with concurrency, retries and timeout no higher than the operator's. */
  llm?: LlmConfig;
  /** Requests and tokens this job may spend. */
  perJob: { requests: number; tokens: number };
  /** Set when the repository's model is not allowed: the job compiles offline and says why. */
  refused?: string;
}

/**
 * Applies the operator's policy to a repository's `llm:` settings. Every number is the smaller of
 * the two; a model the operator did not list turns the engine off for the job.
 */
export function applyLlmPolicy(llm: LlmConfig | undefined, policy: LlmPolicy): AppliedLlmPolicy {
  const { limits } = policy;
  const perJob = { requests: Math.min(limits.requestsPerJob, llm?.maxRequests ?? Infinity), tokens: Math.min(limits.tokensPerJob, llm?.maxTokens ?? Infinity) };
  if (!llm) return { perJob };
  if (policy.models && !policy.models.includes(llm.model)) {
    return { perJob, refused: `the LLM model ${JSON.stringify(llm.model)} is not one this App's operator allows (${policy.models.join(", ")}); compiled offline` };
  }
  return {
    perJob,
    llm: {
      ...llm,
      concurrency: Math.min(llm.concurrency ?? limits.concurrency, limits.concurrency),
      maxRetries: Math.min(llm.maxRetries ?? limits.maxRetries, limits.maxRetries),
      timeoutMs: Math.min(llm.timeoutMs ?? limits.timeoutMs, limits.timeoutMs),
    },
  };
}
