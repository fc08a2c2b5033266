import type { LintRule, RuleReport } from "../types.js";
import { wholeWordPattern } from "../text-utils.js";

/**
 * Words that make a requirement unverifiable: a tester cannot say pass or fail. Grouped by what
 * the author should write instead; the group decides the hint in the message. Lists follow the
 * usual requirements-smell catalogues (ISO/IEC/IEEE 29148 §5.2.7 "unbounded or ambiguous terms").
 */
const GROUPS: Record<string, { hint: string; terms: string[] }> = {
  quality: {
    hint: "state a measurable criterion",
    terms: [
      "user-friendly", "user friendly", "easy", "easily", "easy to use", "simple", "simply", "intuitive", "seamless",
      "seamlessly", "flexible", "robust", "efficient", "efficiently", "effective", "reliable", "scalable", "secure",
      "modern", "state-of-the-art", "best", "optimal", "optimised", "optimized", "high-quality", "high quality",
      "good", "nice", "clean", "smooth", "elegant", "powerful",
    ],
  },
  speed: {
    hint: "give a number with a unit, e.g. \"within 200 ms\"",
    terms: ["fast", "faster", "quick", "quickly", "rapid", "rapidly", "responsive", "real-time", "in real time", "instantly", "immediately", "promptly", "timely", "as soon as possible", "asap", "slow"],
  },
  quantity: {
    hint: "give the number or bound",
    terms: ["approximately", "about", "roughly", "around", "sufficient", "adequate", "enough", "large", "small", "many", "few", "several", "minimal", "maximal", "as much as possible", "as little as possible", "significant", "significantly", "high", "low"],
  },
  escape: {
    hint: "say exactly when or what, or drop it",
    terms: ["etc.", "etc", "and so on", "and/or", "as appropriate", "if appropriate", "where appropriate", "as needed", "if needed", "when needed", "as necessary", "if necessary", "where possible", "if possible", "if practical", "as applicable", "where applicable", "appropriate", "normally", "typically", "usually", "generally", "ideally", "various", "some", "similar", "such as", "including but not limited to", "may", "might", "could"],
  },
  placeholder: {
    hint: "resolve the placeholder before the requirement is baselined",
    terms: ["tbd", "tbc", "tba", "to be determined", "to be decided", "to be confirmed", "todo", "fixme", "xxx"],
  },
};

/**
 * Terms that are only vague as adjectives and very common otherwise; they are off by default and
 * can be turned on with `terms`. ("about" is a preposition far more often than "approximately";
 * "may" is the EARS-free permission verb; "some"/"high"/"low"/"large"/"small" flood real specs.)
 */
const OFF_BY_DEFAULT = new Set(["effective", "about", "around", "may", "might", "could", "some", "high", "low", "large", "small", "good", "best", "clean", "secure", "reliable", "such as", "similar", "generally", "appropriate", "xxx", "todo"]);

interface Options {
  /** Extra terms to report. */
  terms: string[];
  /** Terms never to report (any case). */
  allow: string[];
}

interface Entry {
  term: string;
  hint: string;
}

/** One regexp for all terms (longest first, each with its own word edges): one scan per statement. */
function buildMatcher(entries: readonly Entry[]): { pattern: RegExp; byTerm: Map<string, Entry> } {
  const byTerm = new Map(entries.map((e) => [e.term.toLowerCase(), e]));
  const alternatives = entries.map((e) => wholeWordPattern(e.term).source);
  return { pattern: new RegExp(alternatives.join("|"), "giu"), byTerm };
}

function buildEntries(options: Options): Entry[] {
  const allow = new Set(options.allow.map((t) => t.toLowerCase()));
  const extra = new Set(options.terms.map((t) => t.toLowerCase()));
  const out: Entry[] = [];
  for (const { hint, terms } of Object.values(GROUPS)) {
    for (const term of terms) {
      if (allow.has(term) || (OFF_BY_DEFAULT.has(term) && !extra.has(term))) continue;
      out.push({ term, hint });
    }
  }
  for (const term of extra) {
    if (!allow.has(term) && !out.some((e) => e.term === term)) out.push({ term, hint: "make it measurable" });
  }
  // Longest first so "as soon as possible" wins over "possible"-like shorter overlaps.
  return out.sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
}

/** Established technical terms that contain a vague word but are not vague ("responsive design"). */
const TERMS_OF_ART = /\b(?:responsive (?:design|layout|web|ui|images?|breakpoints?)|real-time (?:clock|database|operating system)|simple (?:mail|object|queue|storage|notification) (?:\w+ )?(?:protocol|service|access)|best practices?|quick start|fast[- ]forward|fast[- ]path|large language models?|small business(?:es)?)\b/gi;

/** Text inside backticks or quotes names something (a label, a value): not the author's wording. */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/`[^`]*`|"[^"]*"|“[^”]*”/g)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return out;
}

export const vagueTerms: LintRule<Options> = {
  meta: {
    id: "vague-terms",
    description: "Reports words that cannot be verified (\"fast\", \"user-friendly\", \"etc.\", \"as appropriate\", \"TBD\").",
    severity: "warning",
    options: {
      type: "object",
      additionalProperties: false,
      properties: {
        terms: { type: "array", items: { type: "string", minLength: 1 } },
        allow: { type: "array", items: { type: "string", minLength: 1 } },
      },
    },
    defaults: { terms: [], allow: [] },
    messages: { vague: "Vague term \"{{term}}\": {{hint}}." },
  },
  check(context) {
    const { pattern, byTerm } = buildMatcher(buildEntries(context.options));
    const reports: RuleReport[] = [];
    for (const statement of context.statements) {
      if (statement.kind === "glossary" || statement.kind === "chat" || statement.kind === "code") continue;
      const text = statement.text;
      const quoted = quotedRanges(text);
      for (const m of text.matchAll(TERMS_OF_ART)) quoted.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      for (const m of text.matchAll(pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (quoted.some(([a, b]) => start < b && end > a)) continue;
        const entry = byTerm.get(m[0].toLowerCase().replace(/\s+/g, " "));
        if (!entry) continue;
        reports.push({ statement, messageId: "vague", data: { term: m[0], hint: entry.hint }, at: { offset: start, text: m[0] } });
      }
    }
    return reports;
  },
};
