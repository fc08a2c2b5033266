import { editDistance } from "../../edit-distance.js";
import type { Statement } from "../../statements/types.js";
import type { LintRule, RuleReport } from "../types.js";
import { normaliseTerm } from "../text-utils.js";

/** Subjects that name the system in general and need no definition. */
const GENERIC = new Set(["system", "application", "app", "service", "software", "platform", "product", "user", "it"]);

/** Kiro-style glossary references: Capitalised words joined by underscores (Kiro_Worker, SNS_Topic). */
const JOINED_TERM = /(?<![\p{L}\p{N}_])\p{Lu}[\p{L}\p{N}]*(?:_[\p{L}\p{N}]+)+(?![\p{L}\p{N}_])/gu;

/** "THE Cart SHALL", "the Payment Service shall": the subject of an EARS-like statement. */
const SUBJECT = /\b(?:the|THE)\s+([\p{L}\p{N}_][\p{L}\p{N}_ -]{0,60}?)\s+(?:shall|SHALL|must|MUST)\b/u;


/** `**term**` in the statement's own lines of the raw file: bold marks a defined term in Kiro and spec-kit. */
function boldTerms(statement: Statement, source: string | undefined): string[] {
  if (source === undefined || !(statement.kind.startsWith("ears-") || statement.kind === "shall")) return [];
  const lines = source.split(/\r?\n/).slice(statement.span.start.line - 1, statement.span.end.line);
  const out: string[] = [];
  for (const m of lines.join("\n").matchAll(/\*\*([^*\n]{2,60})\*\*/g)) {
    const term = m[1]!.trim().replace(/:$/, "");
    // "**User Story:**", "**WHEN**", "**Priority**": labels and keywords, not terms.
    if (/^(user story|acceptance criteria|priority|type|rationale|note|as|i want|so that|given|when|then|and|but|if|while|where|shall|must|not)$/i.test(term) || /[.:!?]/.test(term)) continue;
    if (statement.text.includes(term)) out.push(term);
  }
  return out;
}

function rawLines(statement: Statement, source: string | undefined): string {
  if (source === undefined) return "";
  return source.split(/\r?\n/).slice(statement.span.start.line - 1, statement.span.end.line).join("\n");
}

function termsOf(statement: Statement, source: string | undefined): { term: string; offset: number }[] {
  const out: { term: string; offset: number }[] = [];
  const subjectText = statement.ears?.subject ?? SUBJECT.exec(statement.text)?.[1] ?? "";
  // Bold is also plain emphasis; only a bold subject ("THE **payment gateway** SHALL") names a term.
  for (const term of boldTerms(statement, source)) if (subjectText.includes(term)) out.push({ term, offset: statement.text.indexOf(term) });
  const subject = statement.ears?.subject ?? SUBJECT.exec(statement.text)?.[1];
  // A term is named, not described: it starts with a capital ("Kiro_Worker", "Notification
  // Service"), has at most four words and no quotes ("required IAM permissions", "ALL tests" and
  // 'existing "X" workflow' are descriptions).
  const at = subject ? statement.text.indexOf(subject) : -1;
  // At the start of a sentence every word is capitalised; there only Joined_Terms and
  // multi-word Capitalised Names count ("Forms MUST ..." is not a term, "Payment Service MUST" is).
  const sentenceInitial = at >= 0 && !/\b(the|THE|The)\s*$/.test(statement.text.slice(0, at));
  const named = subject && /^\p{Lu}/u.test(subject) && (!sentenceInitial || /_/.test(subject) || /^\p{Lu}\S*\s+\p{Lu}/u.test(subject));
  if (subject && named && !/^(ALL|EACH|EVERY|ANY|NO|SOME)\b/.test(subject) && subject.split(/\s+/).length <= 4 && !/["“”'\/]/.test(subject)) {
    out.push({ term: subject.trim(), offset: Math.max(0, at) });
  }
  const raw = rawLines(statement, source);
  for (const m of statement.text.matchAll(JOINED_TERM)) {
    // `NODE_ENV` in a code span is an identifier of the code, not a glossary term.
    if (new RegExp("`[^`]*" + m[0] + "[^`]*`").test(raw)) continue;
    out.push({ term: m[0], offset: m.index ?? 0 });
  }
  return out;
}

/**
 * Reports a capitalised term used as an EARS subject, a Kiro-style Joined_Term anywhere, or a
 * `**bold term**` (when the raw file is passed), that the repository's glossary does not define.
 * Silent in repositories without a glossary.
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
      if (statement.kind === "glossary" || statement.kind === "chat" || statement.kind === "code") continue;
      const seen = new Set<string>();
      for (const { term, offset } of termsOf(statement, context.sources?.[statement.file])) {
        const key = normaliseTerm(term);
        if (!key || GENERIC.has(key) || context.glossary.has(key) || seen.has(key)) continue;
        seen.add(key);
        let best: string | undefined;
        let bestD = Infinity;
        for (const k of known) {
          const d = editDistance(k, key);
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
