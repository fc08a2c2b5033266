import { status } from "../github/repo-client.js";

export interface RetryOptions {
  /** First back-off (ms); doubles per attempt. */
  baseMs: number;
  /** Longest wait between attempts (ms). */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { baseMs: 2_000, maxMs: 10 * 60_000 };

/**
 * How long to wait before retrying a job that failed with `err` on attempt `attempt` (1-based), or
 * undefined when the error is not worth a retry (a 404, a 422, a bug: retrying changes nothing).
 * GitHub's 5xx, 429 and rate-limit 403s are transient; GitHub's `retry-after` and, for an exhausted
 * primary limit, `x-ratelimit-reset` say how long to wait, and are obeyed. Network errors (no status)
 * are transient too.
 */
export function retryDelay(err: unknown, attempt: number, options: RetryOptions = DEFAULT_RETRY): number | undefined {
  const code = status(err);
  const headers = responseHeaders(err);
  const backoff = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headers["retry-after"] !== undefined) return Math.min(options.maxMs, Math.max(retryAfter * 1000, options.baseMs));
  if ((code === 403 || code === 429) && headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(headers["x-ratelimit-reset"]) * 1000;
    return Math.min(options.maxMs, Math.max(Number.isFinite(reset) ? reset - Date.now() : backoff, options.baseMs));
  }
  if (code === 429 || (code !== undefined && code >= 500)) return backoff;
  if (code === undefined && isNetworkError(err)) return backoff;
  return undefined;
}

function responseHeaders(err: unknown): Record<string, string | undefined> {
  const h = (err as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers ?? {};
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v === undefined ? undefined : String(v)]));
}

function isNetworkError(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown }; name?: unknown } | null;
  const code = String(e?.code ?? e?.cause?.code ?? "");
  return /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|UND_ERR_\w+)$/.test(code) || e?.name === "FetchError";
}
