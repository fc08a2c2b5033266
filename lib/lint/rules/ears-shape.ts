import type { LintRule, RuleReport } from "../types.js";
import type { Statement } from "../../statements/types.js";

/** Kinds the parser gives to things that are not EARS sentences even when they start with WHEN. */
const NOT_EARS = new Set(["user-story", "scenario", "glossary", "chat", "code"]);

/** Leading list numbers and labels the parser may leave in the text: "1.", "2.3)", "FR-001:", "R1 -". */
const LEADER = /^\s*(?:\d+(?:\.\d+)*[.)]\s+|[A-Z]{1,6}-?\d+[a-z]?\s*[:.)\-–]\s*|[-*+]\s+)?/;

const CLAUSE_RANK: Record<string, number> = { WHERE: 0, WHILE: 1, WHEN: 2, IF: 2 };

interface Word {
  text: string;
  offset: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}_'’-]+|[,;:]/gu)].map((m) => ({ text: m[0], offset: m.index ?? 0 }));
}

/**
 * Checks that a statement which opens like EARS (an upper-case WHEN/WHILE/IF/WHERE/THE, or a
 * capitalised When/While/If/Where together with "shall") completes the pattern:
 * `[WHERE f,] [WHILE s,] [WHEN t | IF c THEN] THE <system> SHALL <response>`.
 * Kiro's `WHEN t, THEN the X SHALL r` (THEN after WHEN) is accepted: it is common and unambiguous.
 */
function checkStatement(statement: Statement): RuleReport[] {
  const text = statement.text;
  const lead = LEADER.exec(text)?.[0].length ?? 0;
  const ws = words(text.slice(lead)).map((w) => ({ text: w.text, offset: w.offset + lead }));
  const first = ws[0];
  if (!first) return [];
  const upperKeyword = ["WHEN", "WHILE", "IF", "WHERE", "THE"].includes(first.text);
  const capKeyword = ["When", "While", "If", "Where"].includes(first.text);
  // MUST completes the pattern as well (Kiro and many teams write it); SHALL-only is missing-modal's `shallOnly`.
  const shallAt = ws.findIndex((w) => /^(shall|must)$/i.test(w.text));
  if (!upperKeyword && !(capKeyword && shallAt >= 0)) return [];
  // "THE" opening a plain sentence in all caps (a shouted heading) is not an EARS attempt.
  if (first.text === "THE" && shallAt < 0 && !ws.slice(1, 4).some((w) => /^[A-Z][a-z]/.test(w.text) || /_/.test(w.text))) {
    if (ws.every((w) => w.text === w.text.toUpperCase())) return [];
  }
  const out: RuleReport[] = [];
  const report = (messageId: string, at: Word, data: Record<string, string> = {}) =>
    out.push({ statement, messageId, data: { keyword: first.text, ...data }, at: { offset: at.offset, text: at.text } });

  if (shallAt < 0) {
    const other = ws.find((w) => /^(should|will|can|may|needs?|has)$/i.test(w.text));
    if (other) report("wrong-modal", other, { modal: other.text });
    else report("missing-shall", first);
    return out;
  }
  const shall = ws[shallAt]!;
  const after = ws.slice(shallAt + 1).filter((w) => !/^[,;:]$/.test(w.text));
  const response = after[0] && /^not$/i.test(after[0].text) ? after.slice(1) : after;
  if (response.length === 0) report("missing-response", shall);

  const before = ws.slice(0, shallAt);
  // IF needs THEN (upper-case notation only: in prose "If x, the system shall" is normal English).
  if (upperKeyword) {
    const ifAt = before.findIndex((w) => w.text === "IF");
    if (ifAt >= 0 && !before.slice(ifAt + 1).some((w) => /^then$/i.test(w.text))) report("if-without-then", before[ifAt]!);
    const clauses = before.filter((w) => w.text in CLAUSE_RANK);
    for (let i = 1; i < clauses.length; i++) {
      if (CLAUSE_RANK[clauses[i]!.text]! < CLAUSE_RANK[clauses[i - 1]!.text]!) {
        report("clause-order", clauses[i]!, { later: clauses[i]!.text, earlier: clauses[i - 1]!.text });
        break;
      }
    }
    // A clause keyword followed at once by a comma, THEN, THE or SHALL has no content.
    for (let i = 0; i < before.length; i++) {
      const w = before[i]!;
      if (!(w.text in CLAUSE_RANK)) continue;
      const next = ws[i + 1];
      if (!next || /^[,;:]$/.test(next.text) || /^(then|shall)$/i.test(next.text) || (next.text === "THE" && i + 2 <= shallAt && isSubjectOnly(ws.slice(i + 2, shallAt)))) {
        report("empty-clause", w, { keyword: w.text });
      }
    }
  }
  // The subject sits between the last clause boundary (comma or THEN) and SHALL.
  let boundary = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (/^[,;:]$/.test(before[i]!.text) || /^then$/i.test(before[i]!.text)) {
      boundary = i;
      break;
    }
  }
  const opensWithThe = /^the$/i.test(first.text);
  if (boundary >= 0 || opensWithThe) {
    const subject = before.slice(boundary + 1).filter((w) => !/^(the|a|an|then)$/i.test(w.text));
    if (subject.length === 0) report("missing-subject", shall);
  }
  return out;
}

/** True when the words are a short noun phrase (no verb-looking word): "system", "Kiro_Worker". */
function isSubjectOnly(ws: Word[]): boolean {
  return ws.length > 0 && ws.length <= 4 && !ws.some((w) => /^[,;:]$/.test(w.text));
}

export const earsShape: LintRule = {
  meta: {
    id: "ears-shape",
    description: "Reports statements that start like EARS (WHEN/WHILE/IF/WHERE/THE) but do not complete the pattern.",
    severity: "error",
    options: { type: "object", additionalProperties: false, properties: {} },
    defaults: {},
    messages: {
      "missing-shall": "{{keyword}} opens an EARS statement but there is no SHALL: write \"THE <system> SHALL <response>\".",
      "wrong-modal": "EARS statements use SHALL; found \"{{modal}}\", which does not oblige.",
      "missing-response": "The modal verb is not followed by a response: say what the system does.",
      "missing-subject": "No system named before the modal verb: write \"THE <system> SHALL\".",
      "if-without-then": "IF without THEN: write \"IF <condition>, THEN THE <system> SHALL <response>\".",
      "empty-clause": "{{keyword}} clause is empty.",
      "clause-order": "{{later}} comes after {{earlier}}; EARS orders clauses WHERE, WHILE, WHEN/IF.",
    },
  },
  check(context) {
    return context.statements.filter((s) => !NOT_EARS.has(s.kind)).flatMap(checkStatement);
  },
};
