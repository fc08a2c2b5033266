import type { NounChunk, Token } from "./types.js";

const POSSESSIVE_PRONOUNS = new Set(["my", "your", "his", "her", "its", "our", "their"]);
const QUANTIFIERS = new Set(["all", "each", "every", "any", "some", "several", "multiple", "many", "no", "both"]);

function isDeterminer(t: Token): boolean {
  return t.pos === "DET" || POSSESSIVE_PRONOUNS.has(t.lower) || QUANTIFIERS.has(t.lower);
}

function isNominal(t: Token): boolean {
  return t.pos === "NOUN" || t.pos === "PROPN";
}

/** Tokens that may stand before the head noun: "registered", "shopping", "10", "user 's". */
function isModifier(t: Token, next: Token | undefined): boolean {
  if (t.pos === "ADJ" || t.pos === "NUM" || isNominal(t)) return true;
  // A participle only modifies when a noun or adjective follows: "registered user", not "including X".
  return t.pos === "VERB" && /(?:ed|ing)$/.test(t.lower) && !NON_MODIFYING.has(t.lower) && !!next && (next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "ADJ");
}

const NON_MODIFYING = new Set(["including", "containing", "using", "regarding", "concerning", "following", "excluding", "according", "during", "based", "given", "provided"]);
/** Adjectives that end a phrase as its head after a noun: "line total", "order subtotal". */
const NOMINAL_ADJECTIVES = new Set(["total", "subtotal", "maximum", "minimum", "average", "median", "balance"]);

/**
 * Reads the noun phrase that starts at token `i` (determiner, modifiers, head noun), or returns
 * undefined. wink-eng-lite has no chunker, so this is a small POS pattern:
 * `DET? (ADJ|NUM|NOUN|PROPN|V-ed|V-ing|'s)* (NOUN|PROPN)`; a lone adjective after a determiner
 * ("the total") also counts, as in requirement text it is nearly always a noun.
 */
export function readNounPhrase(tokens: readonly Token[], i: number, end = tokens.length): NounChunk | undefined {
  let j = i;
  while (j < end && isDeterminer(tokens[j]!)) j++;
  const hadDeterminer = j > i;
  let head = -1;
  let k = j;
  while (k < end) {
    const t = tokens[k]!;
    // "culturally relevant information", "the previously saved preference"
    // wink tags "new" in "a new site" as an adverb.
    if (t.pos === "ADV" && k === j && j > i && tokens[k + 1] && ["ADJ", "NOUN", "PROPN"].includes(tokens[k + 1]!.pos)) {
      k++;
      continue;
    }
    if (t.pos === "ADV" && /ly$/.test(t.lower) && t.lower !== "only" && tokens[k + 1] && (tokens[k + 1]!.pos === "ADJ" || (tokens[k + 1]!.pos === "VERB" && /ed$/.test(tokens[k + 1]!.lower)))) {
      k++;
      continue;
    }
    // "a clear, readable table": a comma between adjectives stays inside the phrase.
    if (t.text === "," && k > j && tokens[k - 1]!.pos === "ADJ" && tokens[k + 1]?.pos === "ADJ") {
      k++;
      continue;
    }
    if (isNominal(t)) head = k;
    else if (t.lower === "'s" || t.lower === "'" || t.lower === "’s" || t.lower === "’") {
      if (head !== k - 1) break;
    } else if (t.text === "-" && k > j && k + 1 < end && tokens[k + 1]!.start === t.end && tokens[k - 1]!.end === t.start) {
      // joined hyphen: "e-mail", "low-stock threshold"
    } else if (!isModifier(t, tokens[k + 1])) break;
    else if (head === k - 1 && t.pos === "ADJ" && NOMINAL_ADJECTIVES.has(t.lower) && !(tokens[k + 1] && isNominal(tokens[k + 1]!))) head = k;
    k++;
  }
  // A trailing run of adjectives/verbs after the last noun is not part of the phrase.
  if (head >= 0) return { start: i, end: head + 1, head };
  if (hadDeterminer && j < end && tokens[j]!.pos === "ADJ" && (j + 1 >= end || !isModifier(tokens[j + 1]!, tokens[j + 2]))) {
    return { start: i, end: j + 1, head: j };
  }
  if (j < end && tokens[j]!.pos === "PRON" && !hadDeterminer) return { start: i, end: j + 1, head: j };
  return undefined;
}

/** All maximal noun phrases in tokens[from, to), left to right. */
export function findNounChunks(tokens: readonly Token[], from = 0, to = tokens.length): NounChunk[] {
  const out: NounChunk[] = [];
  let i = from;
  while (i < to) {
    const np = tokens[i]!.pos === "PRON" ? undefined : readNounPhrase(tokens, i, to);
    if (np) {
      out.push(np);
      i = np.end;
    } else i++;
  }
  return out;
}
