import type { Pos, Token } from "./types.js";
import { ACTION_VERBS, toThirdPerson } from "./verb-lexicon.js";

/** Third-person verb forms wink often tags as plural nouns in "a user adds items" clauses. */
const THIRD_PERSON_VERBS = new Set([
  "adds", "accesses", "approaches", "browses", "cancels", "changes", "clicks", "closes", "completes", "contains",
  "creates", "deletes", "downloads", "edits", "enters", "exceeds", "fails", "finishes", "includes", "matches",
  "needs", "opens", "passes", "processes", "reaches", "receives", "removes", "requests", "requires", "returns",
  "runs", "saves", "searches", "selects", "sends", "shows", "starts", "submits", "updates", "uploads", "uses",
  "views", "visits", "displays", "joins", "leaves", "logs", "signs", "types", "drags", "drops", "scans", "pays",
  "books", "rates", "posts", "shares", "follows", "invites", "triggers", "loads", "queries", "calls", "sets",
  "increases", "decreases", "appears", "occurs", "exists", "expires", "reflects", "changes", "grows", "drops",
  "succeeds", "finishes", "times", "responds", "persists", "refreshes", "disappears", "becomes", "remains",
  ...[...ACTION_VERBS].map(toThirdPerson),
]);

/** Base forms of THIRD_PERSON_VERBS: "users access the platform". */
const BASE_VERBS = new Set([...ACTION_VERBS, ...[...THIRD_PERSON_VERBS].map((v) => v.replace(/(?:ches|shes|sses|xes)$/, (m) => m.slice(0, -2)).replace(/([^s])s$/, "$1"))]);
const CLAUSE_OPENERS = new Set(["when", "whenever", "if", "once", "after", "while", "unless", "before", "until"]);
const MODALS = new Set(["shall", "must", "should", "will", "can", "may"]);
const isNominal = (p: Pos) => p === "NOUN" || p === "PROPN";

/** Nouns that are nearly always the subject of the next word in requirement text: "a user taps ...". */
const AGENT_NOUNS = new Set(["user", "customer", "admin", "administrator", "player", "visitor", "member", "operator", "developer", "manager", "buyer", "seller", "shopper", "system", "student", "teacher"]);

/**
 * Repairs what wink's tokenizer and tagger get wrong on requirement text:
 * identifiers split at "_" or "." ("Kiro_Worker", "requirements.md", "Next.js") are joined into one
 * proper noun; a bare verb between a determiner or verb and a noun is a noun modifier ("show
 * upload progress", "all React components"); a plural-looking word between a noun and its object
 * is a verb ("a user searches circles"); a clause-initial "verb" before an auxiliary is a noun
 * ("when alarms are triggered").
 */
export function repairTokens(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  let codeStart = -1;
  // wink ends a sentence after "Next." in "Next.js"; joining such a name merges the two sentences.
  let merged = 0;
  for (const raw of tokens) {
    const t = merged ? { ...raw, sentence: raw.sentence - merged } : raw;
    // A `code span` is one name, whatever is inside it.
    if (codeStart >= 0) {
      const open = out[codeStart]!;
      const value = text.slice(open.start, t.end);
      if (t.sentence !== open.sentence) merged += t.sentence - open.sentence;
      out[codeStart] = { ...open, text: value, lower: value.toLowerCase(), lemma: value.toLowerCase(), pos: "PROPN", end: t.end };
      if (t.text === "`" || t.text.endsWith("`") || t.text === '"' || t.text === "”") codeStart = -1;
      continue;
    }
    // A "quoted label" is one name too ("click \"Add to Cart\"").
    const quote = t.text === "`" || t.text === '"' || t.text === "“";
    const closer = t.text === "“" ? "”" : t.text;
    if (quote && text.indexOf(closer, t.end) > 0 && text.indexOf(closer, t.end) - t.end < 80) {
      out.push({ ...t });
      codeStart = out.length - 1;
      continue;
    }
    const prev = out.at(-1);
    const joined =
      prev &&
      prev.end === t.start &&
      (t.text === "_" || prev.text.endsWith("_") || (t.text.startsWith("_") && t.text.length > 1) ||
        (prev.text === "." && out.length >= 2 && out.at(-2)!.end === prev.start && /^\w/.test(t.text) && /\w$/.test(out.at(-2)!.text)) ||
        (t.text === "." && /\w$/.test(prev.text) && /^\w/.test(text.slice(t.end, t.end + 1))) ||
        // "Next." + "js": a dotted name wink split at the dot
        (/[A-Za-z]\.$/.test(prev.text) && /^[A-Za-z]/.test(t.text)));
    if (joined) {
      const value = text.slice(prev.start, t.end);
      if (t.sentence !== prev.sentence) merged += t.sentence - prev.sentence;
      out[out.length - 1] = { ...prev, text: value, lower: value.toLowerCase(), lemma: value.toLowerCase(), pos: /^[A-Z]/.test(value) ? "PROPN" : "NOUN", end: t.end };
      continue;
    }
    out.push({ ...t });
  }
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    const prev = out[i - 1];
    const next = out[i + 1];
    const after = out[i + 2];
    if (t.pos === "VERB" && t.lemma === t.lower && !t.lower.endsWith("ing") && prev && next && isNominal(next.pos) && (prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "VERB" || (CLAUSE_OPENERS.has(prev.lower) && !!after && ["ADV", "VERB", "AUX"].includes(after.pos)))) {
      t.pos = /^[A-Z]/.test(t.text) && prev.pos === "DET" ? "PROPN" : "NOUN";
    } else if (t.pos === "VERB" && t.lemma === t.lower && !t.lower.endsWith("ing") && prev?.pos === "NOUN" && prev.lemma === prev.lower && next?.pos === "NOUN") {
      // "maximum image file size": a bare verb between two nouns is part of the compound.
      t.pos = "NOUN";
    } else if (t.pos === "VERB" && t.lemma === t.lower && !t.lower.endsWith("ing") && prev?.pos === "NOUN" && prev.lemma === prev.lower && out[i - 2] && (out[i - 2]!.pos === "DET" || out[i - 2]!.pos === "ADJ" || out[i - 2]!.pos === "PART" || /^(?:'s|’s|')$/.test(out[i - 2]!.lower)) && (!next || next.pos === "PUNCT" || next.pos === "CCONJ" || next.pos === "ADP")) {
      // "the customer's delivery address and ...": a bare verb ending a determined noun compound is its head.
      t.pos = "NOUN";
    } else if (t.pos === "VERB" && t.lower.endsWith("ing") && prev?.pos === "NOUN" && (!next || next.pos === "ADP" || next.pos === "PUNCT" || next.pos === "CCONJ")) {
      // "category filtering in the list": a gerund after a noun, with no object, heads the compound.
      t.pos = "NOUN";
    } else if (t.pos === "NOUN" && BASE_VERBS.has(t.lower) && prev && prev.pos === "NOUN" && prev.lower.endsWith("s") && prev.lower !== prev.lemma && (AGENT_NOUNS.has(prev.lemma) ? !!next && ["DET", "PRON", "ADP"].includes(next.pos) : !next || ["PUNCT", "ADV"].includes(next.pos))) {
      t.pos = "VERB";
      t.lemma = t.lower;
    } else if (t.pos === "NOUN" && (THIRD_PERSON_VERBS.has(t.lower) || (prev && AGENT_NOUNS.has(prev.lower) && /[^s]s$/.test(t.lower))) && prev && isNominal(prev.pos) && (!next || ["DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON", "ADP", "ADV", "PUNCT", "CCONJ"].includes(next.pos) || (next.pos === "VERB" && /ed$/.test(next.lower)))) {
      t.pos = "VERB";
      t.lemma = t.lower.replace(/(?:ches|shes|sses|xes)$/, (m) => m.slice(0, -2)).replace(/ies$/, "y").replace(/([^s])s$/, "$1");
    } else if (t.pos === "VERB" && next?.pos === "AUX" && (!prev || prev.pos === "ADV" || prev.pos === "SCONJ" || prev.pos === "DET" || prev.pos === "PUNCT" || (MODALS.has(next.lower) && (prev.pos === "ADJ" || isNominal(prev.pos))))) {
      t.pos = "NOUN";
      t.lemma = t.lower.replace(/s$/, "");
    }
  }
  return out;
}
