/**
 * The thing a user story acts on, read by the bench's own rule: the Dalpiaz backlogs have no gold
 * for it, and penult's extractor must not grade itself. Tokens and tags come from wink-nlp directly
 * (bench/lib/tag-tokens.ts), not from penult's lib/nlp or lib/extract.
 *
 * Rule:
 * 1. The want clause is the text after "I want" / "I'd like" / "I would like" / "I need" / "I wish"
 *    / "I'm able to" / "I would be able to" / "I can" up to "so that" / "so I" / "in order to" (or
 *    the end).
 * 2. Its first content verb is the first VERB that is not a frame verb (be, have, want, need, able,
 *    allow, let, can, ...): "I want to be able to *edit* a dataset".
 * 3. The object is the first noun phrase after that verb, or the clause's first noun phrase when a
 *    noun comes before any content verb ("I want to have a *view* on all datasets published by
 *    users"): the first run of NOUN/PROPN tokens
 *    (ADJ and compound words between them allowed); its head is the run's last noun, lower-cased
 *    and singular ("dataset", "consent form" -> "form", "camper's records" -> "camper"). When that
 *    head only measures or groups ("a list of sponsors", "what kind of data"), the noun run after
 *    its "of" is the object instead.
 */
import pluralize from "pluralize";
import { tagTokens, type BenchToken } from "./tag-tokens.js";

const WANT = /\bI\s*(?:want|'d like|would like|need|wish|'m able to|am able to|would be able to|should be able to|can)\b/i;
const BENEFIT = /,?\s*\b(?:so that|so I\b|in order to)/i;
const FRAME = new Set(["be", "have", "do", "want", "need", "like", "wish", "able", "can", "could", "would", "should", "will", "may", "might", "must", "allow", "enable", "let", "try"]);

/** Words that only measure or group what follows their "of" ("a list of sponsors"). */
const PARTITIVE = new Set(["kind", "kinds", "type", "types", "sort", "list", "number", "amount", "variety", "lot", "range", "series", "set", "collection", "overview", "summary", "total", "count"]);

/** Lower-case singular of a noun; "data" and "metadata" stay as they are (pluralize would say "datum"). */
export function singularNoun(word: string): string {
  const lower = word.toLowerCase();
  return /data$/.test(lower) ? lower : pluralize.singular(lower);
}

const isNoun = (t: BenchToken) => (t.pos === "NOUN" || t.pos === "PROPN") && /[A-Za-z]/.test(t.value);

/** The first run of nouns after token `after` (adjectives and hyphens may sit between them): [first, last]. */
function readNounRun(tokens: readonly BenchToken[], after: number): [number, number] | undefined {
  const first = tokens.findIndex((t, i) => i > after && isNoun(t));
  if (first < 0) return undefined;
  let last = first;
  for (let i = first + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isNoun(t)) last = i;
    else if (!(t.pos === "ADJ" || t.value === "-")) break;
  }
  return [first, last];
}

export interface WantObject {
  /** The want clause as read. */
  want: string;
  /** The content verb's lemma, when there is one. */
  verb?: string;
  /** The object noun phrase as written ("consent forms"). */
  phrase: string;
  /** Its head noun, lower-case, singular ("form"). */
  head: string;
}

/** The want clause's object of a user story, or undefined when the rule finds no noun. */
export function readWantObject(story: string): WantObject | undefined {
  // The want is looked for outside the benefit, so "so that I can ..." is never read as the want;
  // a benefit written first ("so that X, I want Y") ends at its comma.
  let text = story;
  const benefit = BENEFIT.exec(story);
  if (benefit) {
    if (WANT.test(story.slice(0, benefit.index))) text = story.slice(0, benefit.index);
    else {
      const comma = story.indexOf(",", benefit.index + benefit[0].length);
      text = comma >= 0 ? story.slice(comma + 1) : "";
    }
  }
  const want = WANT.exec(text);
  if (!want) return undefined;
  const clause = text.slice(want.index + want[0].length).trim();
  // "I'm able to report repairs": tagged as "to report repairs", where the tagger reads the verb.
  const infinitive = /able to$|can$/i.test(want[0]) && !/^to\b/i.test(clause);
  const tokens = tagTokens(infinitive ? `to ${clause}` : clause);
  // The object follows the first content verb, unless a noun comes first ("I want a view on ...").
  const v = tokens.findIndex((t) => (t.pos === "VERB" && !FRAME.has(t.lemma)) || isNoun(t));
  const verbFirst = v >= 0 && tokens[v]!.pos === "VERB";
  const run = readNounRun(tokens, verbFirst ? v : v - 1);
  if (!run) return undefined;
  let [first, last] = run;
  // "a list of sponsors", "what kind of data": the thing acted on follows the partitive's "of".
  if (PARTITIVE.has(tokens[last]!.value.toLowerCase()) && tokens[last + 1]?.value.toLowerCase() === "of") {
    const inner = readNounRun(tokens, last + 1);
    if (inner) [first, last] = inner;
  }
  const words = tokens.slice(first, last + 1).map((t) => t.value);
  return { want: clause, ...(verbFirst ? { verb: tokens[v]!.lemma } : {}), phrase: words.join(" "), head: singularNoun(tokens[last]!.value) };
}
