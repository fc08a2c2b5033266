import pluralize from "pluralize";
import { cmp } from "../../diagnostics.js";
import type { Constraint } from "../../extract/types.js";
import type { Statement } from "../../statements/types.js";
import type { LintRule, RuleReport } from "../types.js";
import { normaliseTerm, tokenizeWords } from "../text-utils.js";

const STOPWORDS = new Set("a an the of to in on for and or by with from at as is are be this that it its all any each every".split(" "));

interface Claim {
  statement: Statement;
  /** Normalised subject ("cart", "system"). */
  subject: string;
  /** Normalised WHEN/IF/WHILE/WHERE text: statements under different conditions do not conflict. */
  condition: string;
  negated: boolean;
  /** Content words of the response with numbers and units removed, singular. */
  action: string[];
  /** The response as written, for the message. */
  response: string;
  bounds: Constraint[];
}

interface Options {
  /** Share of response words two statements must have in common to be "the same action". */
  actionSimilarity: number;
}

const MODAL = /\b(shall|must)\b(\s+(?:not|never)\b)?/i;

function contentWords(text: string): string[] {
  return [...new Set(tokenizeWords(text).filter((w) => !STOPWORDS.has(w) && !/^\d/.test(w)).map((w) => pluralize.singular(w)))].sort(cmp);
}

/** Splits "WHEN x, THE Cart SHALL NOT y" into condition, subject, polarity and response. */
function readClaim(statement: Statement, facts: Constraint[] | undefined): Claim | undefined {
  const text = statement.text;
  const m = MODAL.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  let response = text.slice(m.index + m[0].length);
  // A condition written after the response ("MUST be NULL when x = 'global'") is part of the
  // condition, kept verbatim: "= 'global'" and "!= 'global'" must not meet.
  const tailAt = response.search(/\s(?:when|whenever|if|unless|while|until|during|once)\b/i);
  const tail = tailAt >= 0 ? response.slice(tailAt).toLowerCase().replace(/\s+/g, " ").trim() : "";
  if (tailAt >= 0) response = response.slice(0, tailAt);
  const negated = Boolean(m[2]) || /^\s*(?:never|not)\b/i.test(response);
  let subject: string;
  let condition: string;
  if (statement.ears) {
    subject = statement.ears.subject;
    const e = statement.ears;
    condition = [e.feature, e.state, e.trigger, e.condition].filter(Boolean).join(" | ");
  } else {
    const cut = Math.max(before.lastIndexOf(","), before.search(/\bTHEN\b(?!.*\bTHEN\b)/i));
    subject = before.slice(cut + 1).replace(/^\s*then\b/i, "");
    condition = cut >= 0 ? before.slice(0, cut) : "";
  }
  subject = normaliseTerm(subject.replace(/^\s*(the|a|an)\s+/i, "")) || "system";
  const bounds = facts ?? readBounds(response);
  const boundText = bounds.map((b) => b.text).join(" ");
  const action = contentWords(response.replace(/^\s*(?:not|never)\b/i, "")).filter((w) => !tokenizeWords(boundText).includes(w));
  const said = response.replace(/^\s*(?:not|never)\b/i, "").trim().replace(/[.;]$/, "");
  return { statement, subject, condition: `${contentWords(condition).join(" ")}|${tail}`, negated, action, response: said, bounds };
}

const TIME_UNITS: Record<string, number> = { ms: 1, millisecond: 1, s: 1000, sec: 1000, second: 1000, min: 60000, minute: 60000, h: 3600000, hour: 3600000, day: 86400000 };

/**
 * Time bounds read from the response when no extractor facts are given: "within 2 seconds",
 * "in under 200 ms", "at least 30 minutes". Facts from lib/extract replace this when present.
 */
function readBounds(text: string): Constraint[] {
  const out: Constraint[] = [];
  const re = /\b(within|in under|in less than|under|less than|at most|no more than|no later than|at least|more than|no less than|after|every)\s+(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hours?|days?)\b/gi;
  for (const m of text.matchAll(re)) {
    const word = m[1]!.toLowerCase();
    const unit = unitKey(m[3]!);
    const op: Constraint["op"] = /least|more than|no less|after/.test(word) ? ">=" : word === "every" ? "=" : "<=";
    out.push({ metric: "time", op, value: Number(m[2]), unit, attribute: "performance", text: m[0] });
  }
  return out;
}

/** "seconds" -> "second", "ms" stays "ms" (pluralize would read it as a plural of "m"). */
function unitKey(unit: string): string {
  const u = unit.toLowerCase();
  return u in TIME_UNITS ? u : pluralize.singular(u);
}

/** Value in a base unit so "2 s" and "2000 ms" compare; unknown units compare only with themselves. */
function toBase(c: Constraint): { key: string; value: number } {
  const u = unitKey(c.unit);
  if (u in TIME_UNITS) return { key: `${c.metric}|time`, value: c.value * TIME_UNITS[u]! };
  return { key: `${c.metric}|${u}`, value: c.value };
}

/** True when no value satisfies both bounds. */
function conflicts(a: Constraint, b: Constraint): boolean {
  const x = toBase(a);
  const y = toBase(b);
  if (x.key !== y.key) return false;
  const lo = (c: Constraint, v: number) => (c.op === ">" || c.op === ">=" || c.op === "=" ? { v, strict: c.op === ">" } : undefined);
  const hi = (c: Constraint, v: number) => (c.op === "<" || c.op === "<=" || c.op === "=" ? { v, strict: c.op === "<" } : undefined);
  const lower = [lo(a, x.value), lo(b, y.value)].filter((q) => q !== undefined);
  const upper = [hi(a, x.value), hi(b, y.value)].filter((q) => q !== undefined);
  for (const l of lower) for (const h of upper) if (l.v > h.v || (l.v === h.v && (l.strict || h.strict))) return true;
  return false;
}

function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(b);
  const inter = a.filter((w) => set.has(w)).length;
  return inter / (a.length + b.length - inter);
}

/**
 * Reports pairs of statements about the same subject under the same condition that cannot both
 * hold: one says SHALL and the other SHALL NOT for the same action, or their numeric bounds on the
 * same metric leave no value (latency <= 200 ms vs latency >= 1 s).
 */
export const contradiction: LintRule<Options> = {
  meta: {
    id: "contradiction",
    description: "Reports statements that contradict each other: SHALL vs SHALL NOT for the same subject and action, or bounds on the same metric that exclude each other.",
    severity: "error",
    options: {
      type: "object",
      additionalProperties: false,
      properties: { actionSimilarity: { type: "number", exclusiveMinimum: 0, maximum: 1 } },
    },
    defaults: { actionSimilarity: 0.8 },
    messages: {
      polarity: "Contradicts {{other}}: one says {{subject}} SHALL, the other SHALL NOT \"{{action}}\".",
      bounds: "Contradicts {{other}}: \"{{mine}}\" and \"{{theirs}}\" cannot both hold.",
    },
  },
  check(context) {
    const groups = new Map<string, Claim[]>();
    const ordered = [...context.statements].sort(
      (a, b) => cmp(a.file, b.file) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || cmp(a.id, b.id),
    );
    for (const s of ordered) {
      if (s.kind === "chat" || s.kind === "glossary" || s.kind === "user-story" || s.kind === "code") continue;
      const claim = readClaim(s, context.facts.get(s.id)?.constraints);
      if (!claim) continue;
      const key = `${claim.subject}\u0000${claim.condition}`;
      const list = groups.get(key);
      if (list) list.push(claim);
      else groups.set(key, [claim]);
    }
    const out: RuleReport[] = [];
    const where = (s: Statement) => `${s.file}:${s.span.start.line}`;
    for (const claims of groups.values()) {
      for (let i = 1; i < claims.length; i++) {
        const b = claims[i]!;
        for (let j = 0; j < i; j++) {
          const a = claims[j]!;
          const sim = overlap(a.action, b.action);
          if (a.negated !== b.negated && sim >= context.options.actionSimilarity) {
            out.push({ statement: b.statement, messageId: "polarity", data: { other: where(a.statement), subject: b.subject, action: b.response } });
            break;
          }
          if (a.negated || b.negated || sim < 0.5) continue;
          const pair = b.bounds.flatMap((x) => a.bounds.filter((y) => conflicts(x, y)).map((y) => [x, y] as const))[0];
          if (pair) {
            out.push({ statement: b.statement, messageId: "bounds", data: { other: where(a.statement), mine: pair[0].text, theirs: pair[1].text }, at: { offset: Math.max(0, b.statement.text.indexOf(pair[0].text)), text: pair[0].text } });
            break;
          }
        }
      }
    }
    return out;
  },
};
