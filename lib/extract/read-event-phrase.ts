import { readNounPhrase } from "../nlp/read-noun-phrase.js";
import type { NounChunk, Token } from "../nlp/types.js";
import { ACTION_VERBS } from "./lexicon.js";
import { singularise } from "./normalise-phrase.js";
import { toPastParticiple } from "./to-past-participle.js";

const KEEP_DETERMINERS = new Set(["no", "any"]);
const DROP = new Set(["a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "each", "every", "all", "some"]);

/** "the shopping carts" -> "shopping cart"; "no change-name" stays. */
function chunkName(tokens: readonly Token[], chunk: NounChunk): string {
  const words: string[] = [];
  for (let i = chunk.start; i < chunk.end; i++) {
    const t = tokens[i]!;
    if (DROP.has(t.lower) && !KEEP_DETERMINERS.has(t.lower)) continue;
    if (t.pos === "PUNCT" && t.text !== "-" && t.text !== "_") continue;
    words.push(i === chunk.head ? singularise(t.lower) : t.lower);
  }
  return words.join(" ").replace(/ - /g, "-").trim();
}

function isVerbish(t: Token): boolean {
  return t.pos === "VERB" || ((t.pos === "NOUN" || t.pos === "ADJ") && ACTION_VERBS.has(t.lower));
}

/**
 * Turns a trigger clause into a past-tense noun phrase, the shape event names take:
 * "a user adds an item to the cart" -> "item added", "the order is created" -> "order created",
 * "payment fails" -> "payment failed", "archiving a change" -> "change archived". Falls back to
 * the clause itself, lower case without a leading article, when it has no verb.
 */
export function readEventPhrase(text: string, tokens: readonly Token[], from: number, to: number): string {
  let i = from;
  while (i < to && (tokens[i]!.pos === "PUNCT" || tokens[i]!.pos === "SCONJ" || tokens[i]!.pos === "ADV" || ["when", "whenever", "once", "after", "upon", "on", "if"].includes(tokens[i]!.lower))) i++;
  if (i >= to) return "";
  const fallback = (): string =>
    text
      .slice(tokens[i]!.start, tokens[to - 1]!.end)
      .replace(/^(?:a|an|the)\s+/i, "")
      .replace(/[.,;:]+$/, "")
      .toLowerCase();
  // Gerund clause with no subject: "archiving a change", "generating code".
  let subject: NounChunk | undefined;
  let v = i;
  const gerundNp = tokens[i]!.pos === "VERB" && tokens[i]!.lower.endsWith("ing") ? readNounPhrase(tokens, i + 1, to) : undefined;
  // "scheduling errors occur": the gerund modifies the subject when a finite verb follows.
  const gerundIsModifier = !!gerundNp && (tokens[gerundNp.end]?.pos === "VERB" || tokens[gerundNp.end]?.pos === "AUX");
  if (gerundIsModifier) {
    subject = { start: i, end: gerundNp!.end, head: gerundNp!.head };
    v = subject.end;
  } else if (!(tokens[i]!.pos === "VERB" && tokens[i]!.lower.endsWith("ing"))) {
    subject = readNounPhrase(tokens, i, to);
    if (!subject) return fallback();
    v = subject.end;
    // "the user's order" etc. already inside the chunk; skip adverbs.
    while (v < to && tokens[v]!.pos === "ADV") v++;
  }
  if (v >= to) return subject ? chunkName(tokens, subject) : fallback();
  let verb = tokens[v]!;
  let passive = false;
  let negated = false;
  // Auxiliaries: "is created", "has been deleted", "does not exist", "cannot be reached".
  while (v < to && tokens[v]!.pos === "AUX") {
    if (tokens[v + 1]?.lower === "not" || tokens[v + 1]?.lower === "n't") negated = true;
    if (tokens[v]!.lemma === "be") passive = true;
    v++;
    while (v < to && (tokens[v]!.pos === "ADV" || tokens[v]!.lower === "not" || tokens[v]!.lower === "n't" || tokens[v]!.lemma === "be")) {
      if (tokens[v]!.lemma === "be") passive = true;
      v++;
    }
  }
  if (v >= to) return subject ? chunkName(tokens, subject) : fallback();
  verb = tokens[v]!;
  if (!isVerbish(verb) && !(passive && verb.pos === "ADJ")) {
    // "the cart is empty" -> "cart empty"
    if (subject && passive && (verb.pos === "ADJ" || verb.pos === "NOUN")) return `${chunkName(tokens, subject)} ${verb.lower}`;
    return fallback();
  }
  const lemma = verb.pos === "VERB" ? verb.lemma : verb.lower;
  if (negated) return fallback();
  if (passive) return subject ? `${chunkName(tokens, subject)} ${verb.pos === "VERB" ? toPastParticiple(lemma) : verb.lower}` : fallback();
  let objStart = v + 1;
  while (objStart < to && tokens[objStart]!.pos === "ADV") objStart++;
  // "setting up dashboards" -> "dashboard set up"
  const particle = tokens[objStart] && /^(?:up|out|down|off|back)$/.test(tokens[objStart]!.lower) ? tokens[objStart]!.lower : "";
  if (particle) {
    const obj = readNounPhrase(tokens, objStart + 1, to);
    if (obj && tokens[obj.head]!.pos !== "PRON") return `${chunkName(tokens, obj)} ${toPastParticiple(lemma)} ${particle}`;
  }
  // "I click \"Add to Cart\"" -> "add to cart clicked"
  if (tokens[objStart] && /^["“`]/.test(tokens[objStart]!.text)) return `${tokens[objStart]!.text.replace(/["“”`]/g, "").toLowerCase()} ${toPastParticiple(lemma)}`;
  const object = readNounPhrase(tokens, objStart, to);
  if (object && tokens[object.head]!.pos !== "PRON") return `${chunkName(tokens, object)} ${toPastParticiple(lemma)}`;
  if (subject && tokens[subject.head]!.pos !== "PRON") return `${chunkName(tokens, subject)} ${toPastParticiple(lemma)}`;
  return fallback();
}
