/**
 * `npm run bench:quality`: extraction quality of the offline engine and, when an OpenAI-compatible
 * endpoint is configured (OPENAI_BASE_URL, optionally OPENAI_API_KEY and PENULT_LLM_MODEL), of the
 * LLM engine on the same rows, side by side. Without an endpoint the LLM columns say that they did
 * not run: no answer is ever written by hand and reported as a model's.
 *
 * Rows: PROMISE NFR held-out "test" split (functional vs non-functional), and the Dalpiaz user
 * stories (share with an actor and an action). Answers are cached in a temporary file for the run.
 */
import { extractFacts } from "../lib/extract/extract-facts.js";
import type { Facts } from "../lib/extract/types.js";
import { enrichFacts, type LlmStats } from "../lib/llm/enrich-facts.js";
import { createOpenAiAsk } from "../lib/llm/openai-ask.js";
import type { Statement } from "../lib/statements/types.js";
import { loadPromise, loadStories, promiseSplit, toStatement } from "./extract.bench.js";
import { formatTable, type BenchTable } from "./table.js";

interface Scores {
  nfrF1: number;
  fF1: number;
  accuracy: number;
  storiesWithActorAndAction: number;
}

function f1(tp: number, fp: number, fn: number): number {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function score(options: { promise: { gold: boolean; facts: Facts }[]; stories: Facts[] }): Scores {
  let nfr = { tp: 0, fp: 0, fn: 0 };
  let f = { tp: 0, fp: 0, fn: 0 };
  let correct = 0;
  for (const { gold, facts } of options.promise) {
    const pred = !facts.functional;
    if (pred === gold) correct++;
    nfr = pred && gold ? { ...nfr, tp: nfr.tp + 1 } : pred ? { ...nfr, fp: nfr.fp + 1 } : gold ? { ...nfr, fn: nfr.fn + 1 } : nfr;
    f = !pred && !gold ? { ...f, tp: f.tp + 1 } : !pred ? { ...f, fp: f.fp + 1 } : !gold ? { ...f, fn: f.fn + 1 } : f;
  }
  const both = options.stories.filter((s) => s.actors.length > 0 && s.actions.length > 0).length;
  return {
    nfrF1: f1(nfr.tp, nfr.fp, nfr.fn),
    fF1: f1(f.tp, f.fp, f.fn),
    accuracy: options.promise.length ? correct / options.promise.length : 0,
    storiesWithActorAndAction: options.stories.length ? both / options.stories.length : 0,
  };
}

async function main(): Promise<void> {
  const rows = loadPromise().filter((r) => promiseSplit(r) === "test");
  const promiseStatements: Statement[] = rows.map((r, i) => toStatement(r.text, "shall", `promise-${i}`));
  const stories = loadStories();
  const storyStatements: Statement[] = stories.map((s, i) => toStatement(s.text, "user-story", `story-${i}`));
  const offlinePromise = extractFacts(promiseStatements);
  const offlineStories = extractFacts(storyStatements);
  const offline = score({ promise: rows.map((r, i) => ({ gold: r.cls !== "F", facts: offlinePromise[i]! })), stories: offlineStories });

  const baseURL = process.env.OPENAI_BASE_URL;
  const model = process.env.PENULT_LLM_MODEL ?? "gpt-4o-mini";
  let llm: Scores | undefined;
  let stats: LlmStats | undefined;
  if (baseURL) {
    const ask = createOpenAiAsk({ model, baseURL, ...(process.env.OPENAI_API_KEY ? { apiKey: process.env.OPENAI_API_KEY } : {}), maxRetries: 3 });
    const p = await enrichFacts({ statements: promiseStatements, facts: offlinePromise, model, ask });
    const s = await enrichFacts({ statements: storyStatements, facts: offlineStories, model, ask });
    llm = score({ promise: rows.map((r, i) => ({ gold: r.cls !== "F", facts: p.facts[i]! })), stories: s.facts });
    stats = {
      requests: p.stats.requests + s.stats.requests,
      cacheHits: p.stats.cacheHits + s.stats.cacheHits,
      promptTokens: p.stats.promptTokens + s.stats.promptTokens,
      completionTokens: p.stats.completionTokens + s.stats.completionTokens,
      fallbacks: [...p.stats.fallbacks, ...s.stats.fallbacks],
      improved: p.stats.improved + s.stats.improved,
    };
  }
  const cell = (v: number | undefined) => (v === undefined ? "did not run" : v);
  const table: BenchTable = {
    title: "Extraction quality: offline engine vs LLM engine (same rows)",
    columns: ["measure", "rows", "offline", `LLM (${baseURL ? model : "no endpoint"})`],
    rows: [
      ["PROMISE test split: NFR F1", rows.length, offline.nfrF1, cell(llm?.nfrF1)],
      ["PROMISE test split: F F1", rows.length, offline.fF1, cell(llm?.fF1)],
      ["PROMISE test split: accuracy", rows.length, offline.accuracy, cell(llm?.accuracy)],
      ["user stories with actor + action", stories.length, offline.storiesWithActorAndAction, cell(llm?.storiesWithActorAndAction)],
    ],
    note: baseURL
      ? `LLM path: ${stats!.requests} requests, ${stats!.promptTokens + stats!.completionTokens} tokens, ${stats!.fallbacks.length} fallbacks to offline facts.`
      : "The LLM path did not run: set OPENAI_BASE_URL (and OPENAI_API_KEY, PENULT_LLM_MODEL) to an OpenAI-compatible endpoint to score it.",
  };
  process.stdout.write(formatTable(table));
}

await main();
