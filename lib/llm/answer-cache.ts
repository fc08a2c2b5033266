import { createHash } from "node:crypto";
import { escapeJsonHazards } from "../escape-json-hazards.js";
import { cmp } from "../diagnostics.js";
import type { Statement } from "../statements/types.js";
import { PROMPT_VERSION, renderQuestion } from "./answer-schema.js";

/** One cached answer. `answer` is the raw parsed JSON the model gave (validated again on every use). */
export interface CacheEntry {
  key: string;
  model: string;
  prompt: number;
  /** Statement id when the answer was stored (for people reading the file; not part of the key). */
  statement: string;
  answer: unknown;
}

/**
 * Cache key: a hash of what was asked (statement text and context), of whom (model) and how
 * (prompt version). Moving a statement to another file keeps its answer; rewording it asks again.
 */
export function cacheKey(options: { statement: Pick<Statement, "text" | "kind" | "headingPath">; model: string }): string {
  return createHash("sha256").update(`${PROMPT_VERSION}\0${options.model}\0${renderQuestion(options.statement)}`).digest("hex");
}

/** Reads the cache file (JSON lines). Unreadable lines are skipped and counted, never fatal. */
export function parseCache(text: string | undefined): { entries: Map<string, CacheEntry>; skipped: number } {
  const entries = new Map<string, CacheEntry>();
  let skipped = 0;
  for (const line of (text ?? "").split("\n")) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as CacheEntry;
      if (typeof e.key === "string" && typeof e.model === "string" && typeof e.prompt === "number") entries.set(e.key, e);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { entries, skipped };
}

/**
 * Writes the cache: one entry per line, sorted by key, keys of each entry in a fixed order, so
 * the file is byte-identical for the same statements and a changed statement changes one line.
 */
export function serializeCache(entries: Iterable<CacheEntry>): string {
  const sorted = [...entries].sort((a, b) => cmp(a.key, b.key));
  return sorted.map((e) => escapeJsonHazards(JSON.stringify({ key: e.key, model: e.model, prompt: e.prompt, statement: e.statement, answer: canonical(e.answer) }))).join("\n") + (sorted.length ? "\n" : "");
}

/** JSON value with object keys sorted (the model may order keys any way it likes). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort(cmp)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
