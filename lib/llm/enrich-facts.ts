import type { Diagnostic } from "../diagnostics.js";
import type { Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import { checkAnswer, PROMPT_VERSION, type LlmAnswer } from "./answer-schema.js";
import { cacheKey, parseCache, serializeCache, type CacheEntry } from "./answer-cache.js";
import { mergeFacts } from "./merge-facts.js";

/** What one request returned. `content` is the raw text of the answer. */
export interface AskResult {
  content: string | null;
  refusal?: string | null;
  promptTokens?: number;
  completionTokens?: number;
}

/** Sends one statement to the model. Throws on transport errors (timeouts, 429/5xx after retries). */
export type AskModel = (statement: Statement) => Promise<AskResult>;

export interface LlmStats {
  /** Statements sent to the model (cache misses). */
  requests: number;
  cacheHits: number;
  promptTokens: number;
  completionTokens: number;
  /** Statements the model's answer was not used for, and why; they keep the offline facts. */
  fallbacks: { id: string; reason: string }[];
  /** Statements where the model added to the offline facts. */
  improved: number;
}

export interface EnrichFactsOptions {
  statements: readonly Statement[];
  /** Offline facts, one per statement, same order. */
  facts: readonly Facts[];
  model: string;
  /** Current text of the cache file, if any. */
  cacheText?: string;
  ask: AskModel;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

export interface EnrichFactsResult {
  facts: Facts[];
  /** Per statement id: which engine its facts come from. */
  engines: Map<string, "llm" | "offline">;
  /** New text of the cache file: answers for exactly the current statements, sorted. */
  cacheText: string;
  stats: LlmStats;
  diagnostics: Diagnostic[];
}

/**
 * The LLM engine: asks the model about each statement whose answer is not cached, validates every
 * answer against the schema, and merges it into the offline facts under the rules of
 * {@link mergeFacts}. Any failure (timeout, rate limit, server error, malformed or refused
 * answer) leaves that statement on its offline facts and is reported. Deterministic given the
 * cache: the same statements and cache give the same facts, and the rewritten cache holds only
 * the answers for the current statements.
 */
export async function enrichFacts(options: EnrichFactsOptions): Promise<EnrichFactsResult> {
  const { statements, model } = options;
  const { entries, skipped } = parseCache(options.cacheText);
  const stats: LlmStats = { requests: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, fallbacks: [], improved: 0 };
  const diagnostics: Diagnostic[] = [];
  if (skipped) diagnostics.push({ code: "LLM_CACHE_LINE_SKIPPED", severity: "warning", message: `${skipped} unreadable line(s) in the LLM cache were ignored; those statements are asked again` });
  // Statements with the same text and context share one key: one request, one cache line.
  const keys = statements.map((statement) => cacheKey({ statement, model }));
  const keep = new Map<string, CacheEntry>();
  const toAsk = new Map<string, Statement>();
  statements.forEach((statement, i) => {
    const key = keys[i] as string;
    if (keep.has(key) || toAsk.has(key)) return;
    const hit = entries.get(key);
    if (hit && hit.model === model && hit.prompt === PROMPT_VERSION) {
      stats.cacheHits++;
      keep.set(key, { ...hit, statement: statement.id });
    } else {
      toAsk.set(key, statement);
    }
  });

  const failures = new Map<string, string>();
  await runPool([...toAsk], options.concurrency ?? 4, async ([key, statement]) => {
    stats.requests++;
    let result: AskResult;
    try {
      result = await options.ask(statement);
    } catch (err) {
      // A request the budget refused was never sent: it is a fallback, not a request.
      if (err instanceof Error && err.name === "LlmBudgetError") {
        stats.requests--;
        failures.set(key, oneLine(err.message));
        return;
      }
      failures.set(key, describeError(err));
      return;
    }
    stats.promptTokens += result.promptTokens ?? 0;
    stats.completionTokens += result.completionTokens ?? 0;
    if (result.refusal) {
      failures.set(key, `the model refused: ${oneLine(result.refusal)}`);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(result.content ?? "");
    } catch {
      failures.set(key, "the answer is not JSON");
      return;
    }
    const problem = checkAnswer(parsed);
    if (problem) {
      failures.set(key, problem);
      return;
    }
    // Only valid answers are cached: a bad one is asked again next time.
    keep.set(key, { key, model, prompt: PROMPT_VERSION, statement: statement.id, answer: parsed });
  });

  const engines = new Map<string, "llm" | "offline">();
  const facts = statements.map((statement, i) => {
    const offline = options.facts[i] as Facts;
    const key = keys[i] as string;
    const answer = keep.get(key)?.answer;
    if (answer === undefined || checkAnswer(answer)) {
      if (answer !== undefined) keep.delete(key);
      const reason = failures.get(key) ?? (answer !== undefined ? "the cached answer no longer matches the schema" : undefined);
      if (reason) {
        stats.fallbacks.push({ id: statement.id, reason });
        diagnostics.push({
          code: "LLM_FALLBACK",
          severity: "info",
          message: `LLM answer not used (${reason}); offline facts kept`,
          file: statement.file,
          line: statement.span.start.line,
          statement: statement.id,
        });
      }
      engines.set(statement.id, "offline");
      return offline;
    }
    const merged = mergeFacts({ text: statement.text, offline, answer: answer as LlmAnswer });
    if (merged.contributed) stats.improved++;
    engines.set(statement.id, merged.contributed ? "llm" : "offline");
    return merged.facts;
  });
  return { facts, engines, cacheText: serializeCache(keep.values()), stats, diagnostics };
}

function describeError(err: unknown): string {
  const name = err instanceof Error ? err.constructor.name : "";
  const status = typeof err === "object" && err !== null && "status" in err ? (err as { status?: number }).status : undefined;
  const message = err instanceof Error ? err.message : String(err);
  if (/Timeout/i.test(name) || /timed? ?out/i.test(message)) return "the request timed out";
  if (status === 429) return "rate limited (429) after retries";
  if (status !== undefined && status >= 500) return `server error (${status}) after retries`;
  if (status !== undefined) return `the endpoint answered ${status}`;
  if (/Connection/i.test(name)) return "the endpoint could not be reached";
  return `request failed: ${oneLine(message)}`;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? flat.slice(0, 157) + "..." : flat;
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
