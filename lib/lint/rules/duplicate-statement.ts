import { cmp } from "../../diagnostics.js";
import type { Statement } from "../../statements/types.js";
import type { LintRule, RuleReport } from "../types.js";
import { normaliseText, tokenizeWords } from "../text-utils.js";

/** Words that carry no content: two statements differing only in these are the same statement. */
const STOPWORDS = new Set("a an the of to in on for and or by with from at as is are be this that it its".split(" "));

interface Options {
  /** Jaccard similarity of content-word sets at or above which two statements are near-duplicates. */
  threshold: number;
  /** Statements with fewer content words are only compared exactly (short lines match by chance). */
  minWords: number;
}

function byPosition(a: Statement, b: Statement): number {
  return cmp(a.file, b.file) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || cmp(a.id, b.id);
}

function jaccard(a: readonly string[], b: ReadonlySet<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.length + b.size - inter);
}

/**
 * Reports a statement that repeats an earlier one (file, then line order): the same text after
 * case, punctuation and whitespace are ignored, or a near-duplicate whose content-word sets have
 * Jaccard similarity >= `threshold`. Candidate pairs come from prefix filtering (sets ordered by
 * rarest word first can only reach the threshold if their first |s| - ceil(t*|s|) + 1 words
 * meet), so large repositories are not compared pairwise.
 */
export const duplicateStatement: LintRule<Options> = {
  meta: {
    id: "duplicate-statement",
    description: "Reports statements that repeat another one exactly or nearly (token-set Jaccard similarity >= 0.85).",
    severity: "warning",
    options: {
      type: "object",
      additionalProperties: false,
      properties: {
        threshold: { type: "number", exclusiveMinimum: 0, maximum: 1 },
        minWords: { type: "integer", minimum: 1 },
      },
    },
    defaults: { threshold: 0.85, minWords: 5 },
    messages: {
      exact: "Same statement as {{other}}: keep one.",
      near: "Nearly the same statement as {{other}} (similarity {{similarity}}): merge them or make the difference explicit.",
    },
  },
  check(context) {
    const { threshold, minWords } = context.options;
    const list = context.statements.filter((s) => s.kind !== "chat" && s.kind !== "code").sort(byPosition);
    const where = (s: Statement) => `${s.file}:${s.span.start.line}`;
    const out: RuleReport[] = [];
    const firstByText = new Map<string, Statement>();
    const duplicated = new Set<Statement>();
    for (const s of list) {
      const key = normaliseText(s.text);
      // "Priority: High" repeated under every requirement is metadata, not a repeated statement.
      if (key.split(" ").length < 4) continue;
      const first = firstByText.get(key);
      if (first) {
        out.push({ statement: s, messageId: "exact", data: { other: where(first) } });
        duplicated.add(s);
      } else firstByText.set(key, s);
    }

    const sets = list
      .filter((s) => !duplicated.has(s))
      .map((s) => ({ s, words: [...new Set(tokenizeWords(s.text).filter((w) => !STOPWORDS.has(w)))] }))
      .filter((e) => e.words.length >= minWords);
    const freq = new Map<string, number>();
    for (const e of sets) for (const w of e.words) freq.set(w, (freq.get(w) ?? 0) + 1);
    for (const e of sets) e.words.sort((a, b) => freq.get(a)! - freq.get(b)! || cmp(a, b));
    const index = new Map<string, number[]>();
    const reported = new Set<number>();
    sets.forEach((e, i) => {
      const prefix = e.words.length - Math.ceil(threshold * e.words.length) + 1;
      const mine = new Set(e.words);
      const seen = new Set<number>();
      let best: { j: number; sim: number } | undefined;
      for (const w of e.words.slice(0, prefix)) {
        for (const j of index.get(w) ?? []) {
          if (seen.has(j)) continue;
          seen.add(j);
          const sim = jaccard(sets[j]!.words, mine);
          if (sim >= threshold && (!best || sim > best.sim || (sim === best.sim && j < best.j))) best = { j, sim };
        }
        const postings = index.get(w);
        if (postings) postings.push(i);
        else index.set(w, [i]);
      }
      if (best && !reported.has(i)) {
        reported.add(i);
        out.push({ statement: e.s, messageId: "near", data: { other: where(sets[best.j]!.s), similarity: best.sim.toFixed(2) } });
      }
    });
    return out;
  },
};
