import type { Statement } from "../../statements/types.js";
import type { LintRule, RuleReport } from "../types.js";
import { normaliseTerm } from "../text-utils.js";

/** Subjects that name the system in general and need no definition. */
const GENERIC = new Set(["system", "application", "app", "service", "software", "platform", "product", "user", "it"]);

/** Kiro-style glossary references: Capitalised words joined by underscores (Kiro_Worker, SNS_Topic). */
const JOINED_TERM = /(?<![\p{L}\p{N}_])\p{Lu}[\p{L}\p{N}]*(?:_[\p{L}\p{N}]+)+(?![\p{L}\p{N}_])/gu;

/** "THE Cart SHALL", "the Payment Service shall": the subject of an EARS-like statement. */
const SUBJECT = /\b(?:the|THE)\s+([\p{L}\p{N}_][\p{L}\p{N}_ -]{0,60}?)\s+(?:shall|SHALL|must|MUST)\b/u;

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function termsOf(statement: Statement): { term: string; offset: number }[] {
  const out: { term: string; offset: number }[] = [];
  const subject = statement.ears?.subject ?? SUBJECT.exec(statement.text)?.[1];
  if (subject && /\p{Lu}|_/u.test(subject)) {
    const at = statement.text.indexOf(subject);
    out.push({ term: subject.trim(), offset: Math.max(0, at) });
  }
  for (const m of statement.text.matchAll(JOINED_TERM)) out.push({ term: m[0], offset: m.index ?? 0 });
  return out;
}

/**
 * Reports a capitalised term used as an EARS subject, or a Kiro-style Joined_Term anywhere, that
 * the repository's glossary does not define. Silent in repositories without a glossary.
 */
export const undefinedTerm: LintRule = {
  meta: {
    id: "undefined-term",
    description: "Reports terms used as EARS subjects (or written as Joined_Terms) that the glossary does not define; only when the repository has a glossary.",
    severity: "warning",
    options: { type: "object", additionalProperties: false, properties: {} },
    defaults: {},
    messages: {
      undefined: "\"{{term}}\" is not in the glossary: add \"**{{term}}**: <definition>\".",
      "did-you-mean": "\"{{term}}\" is not in the glossary; did you mean \"{{suggestion}}\"?",
    },
  },
  check(context) {
    if (context.glossary.size === 0) return [];
    const known = [...context.glossary.keys()].sort();
    const out: RuleReport[] = [];
    for (const statement of context.statements) {
      if (statement.kind === "glossary" || statement.kind === "chat") continue;
      const seen = new Set<string>();
      for (const { term, offset } of termsOf(statement)) {
        const key = normaliseTerm(term);
        if (!key || GENERIC.has(key) || context.glossary.has(key) || seen.has(key)) continue;
        seen.add(key);
        let best: string | undefined;
        let bestD = Infinity;
        for (const k of known) {
          const d = distance(k, key);
          if (d < bestD) [best, bestD] = [k, d];
        }
        const close = best !== undefined && bestD <= Math.max(1, Math.floor(key.length / 5));
        out.push({
          statement,
          messageId: close ? "did-you-mean" : "undefined",
          data: close ? { term, suggestion: context.glossary.get(best!)! } : { term },
          at: { offset, text: term },
        });
      }
    }
    return out;
  },
};
