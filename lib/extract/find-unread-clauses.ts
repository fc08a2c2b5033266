import type { TaggedText } from "../nlp/types.js";
import { ACTION_VERBS } from "./lexicon.js";
import { spanText } from "./normalise-phrase.js";

/** Words that open a subordinate clause: what follows is a condition, a trigger or a rationale, not a requirement clause. */
const SUBORDINATE = new Set(["when", "whenever", "if", "unless", "until", "while", "because", "before", "after", "where", "once", "so", "since", "whereas", "although", "though", "whether", "without", "upon", "during", "as"]);
const COORDINATORS = new Set([",", ";", "and", "or", "then", "also", "but"]);

/**
 * Requirement clauses in tokens[from, to) that the action reader did not read (docs/model.md
 * "Every clause"). `nothingRead` means the response as a whole yielded no action: then the whole
 * response is one unread clause when it has a verb. Otherwise every coordinated verb phrase after
 * the last one read ("... and tell the customer the limit") is one.
 */
export function findUnreadClauses(tagged: TaggedText, from: number, to: number, nothingRead: boolean): string[] {
  const { tokens, text } = tagged;
  const end = clauseEnd(tagged, from, to);
  if (end <= from) return [];
  const isVerb = (i: number) => {
    const t = tokens[i]!;
    return t.pos === "VERB" || ((t.pos === "NOUN" || t.pos === "ADJ") && ACTION_VERBS.has(t.lower) && t.lower === t.lemma);
  };
  if (nothingRead) {
    for (let i = from; i < end; i++) if (isVerb(i)) return [spanText(text, tokens, from, end).replace(/^[,;:\s]+|[,;:.\s]+$/g, "")].filter(Boolean);
    return [];
  }
  const out: string[] = [];
  let start = -1;
  let depth = 0;
  for (let i = from; i < end; i++) {
    const t = tokens[i]!;
    // "(placed, paid, shipped)": a parenthesis lists values, not clauses.
    if (t.lower === "(") depth++;
    else if (t.lower === ")") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (COORDINATORS.has(t.lower)) {
      let j = i + 1;
      while (j < end && (COORDINATORS.has(tokens[j]!.lower) || tokens[j]!.pos === "ADV" || tokens[j]!.pos === "AUX")) j++;
      if (j < end && isVerb(j)) {
        if (start >= 0) out.push(spanText(text, tokens, start, i));
        start = j;
        i = j;
      }
    }
  }
  if (start >= 0) out.push(spanText(text, tokens, start, end));
  return out.map((s) => s.replace(/^[,;:\s]+|[,;:.\s]+$/g, "")).filter((s) => s.split(/\s+/).length >= 2);
}

/** Index of the first subordinate clause word in [from, to) outside parentheses, or `to`. */
function clauseEnd(tagged: TaggedText, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const w = tagged.tokens[i]!.lower;
    if (w === "(") depth++;
    else if (w === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && SUBORDINATE.has(w) && i > from) return i;
  }
  return to;
}
