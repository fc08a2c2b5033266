/**
 * Requirement clauses, counted by the bench's own rule (not penult's extractor), as the
 * denominator of "share of requirement clauses modelled" (issue 11).
 *
 * Rule: the clause part of a requirement statement is its response (what follows the first modal
 * SHALL/MUST/SHOULD/WILL), a story's want (between "I want"/"I'd like"/"I need" and "so that"), or
 * a scenario's outcome (what follows THEN); otherwise the whole text. It holds one clause, plus one
 * for every "and", "or", "," or ";" that is followed (after an optional modal, "also", "then" or
 * "not") by a verb, as tagged by wink-nlp: "add one copy of the book and update the cart total" is
 * two clauses; "search books by title, author or ISBN" is one.
 */
import { tagTokens } from "../lib/tag-tokens.js";
import { REQUIREMENT_KINDS } from "./make-edits.js";

const MODAL = /\b(?:SHALL|MUST|SHOULD|WILL|shall|must|should|will)\b/;
const WANT = /\bI\s+(?:want|would like|'d like|need|wish)\b/i;
const BENEFIT = /,?\s+(?:so that|so I\b|in order to)/i;
const THEN = /\bthen\b/i;
const SKIP = new Set(["shall", "must", "should", "will", "also", "then", "not", "always"]);

/** The part of a requirement statement that says what must be done (see the module comment). */
export function clausePart(kind: string, text: string): string {
  if (kind === "user-story") {
    const want = WANT.exec(text);
    const from = want ? want.index + want[0].length : 0;
    const rest = text.slice(from);
    const benefit = BENEFIT.exec(rest);
    return benefit ? rest.slice(0, benefit.index) : rest;
  }
  if (kind === "scenario") {
    const then = THEN.exec(text);
    if (then) return text.slice(then.index + then[0].length);
  }
  const modal = MODAL.exec(text);
  return modal ? text.slice(modal.index + modal[0].length) : text;
}

/** Clauses of a statement: 0 for statements that are not requirements (glossary, prose, chat). */
export function countRequirementClauses(kind: string, text: string): number {
  if (!REQUIREMENT_KINDS.has(kind)) return 0;
  const tokens = tagTokens(clausePart(kind, text));
  let clauses = 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const joins = (t.pos === "CCONJ" && /^(?:and|or)$/i.test(t.value)) || (t.pos === "PUNCT" && /^[,;]$/.test(t.value));
    if (!joins) continue;
    let j = i + 1;
    while (j < tokens.length && SKIP.has(tokens[j]!.value.toLowerCase())) j++;
    if (tokens[j]?.pos === "VERB") clauses++;
  }
  return clauses;
}
