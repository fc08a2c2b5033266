import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { repairTokens } from "./repair-tokens.js";
import type { Pos, TaggedText, Token } from "./types.js";

type Nlp = ReturnType<typeof winkNLP>;

// The model is ~3 MB of tables; building it once per process keeps per-statement cost near 0.1 ms.
let cached: Nlp | undefined;

/**
 * Annotations penult reads: sentence breaks, then POS (which also gives lemmas). wink's default
 * pipe also runs NER, negation and sentiment: about a third of `readDoc`'s time, and none of them
 * feeds the POS tagger (they write other slots of wink's token array), so tokens, tags, lemmas and
 * sentence spans are the same with or without them (checked on every sentence of the corpora).
 */
const PIPE = ["sbd", "pos"];

/** Loads the wink English model on first use and returns the shared instance. */
export function loadNlp(): Nlp {
  cached ??= winkNLP(model, PIPE);
  return cached;
}

/**
 * Most entries a tagging memo holds before it starts afresh: ~20k sentences of tokens is tens of
 * megabytes at most, and a compile of 10k statements tags fewer distinct texts than that.
 */
const MEMO_LIMIT = 20_000;

// Memo of tagged texts, keyed by the exact text. Safe to share between compile calls: tagging is
// a pure function of the text (the wink model is fixed), so a hit returns exactly what a fresh
// tagging would. Results are shared, so callers must treat them as read-only (they do; the tests
// ran with frozen results). Repeated sentences are common: boilerplate acceptance criteria,
// "when <trigger>" re-readings of EARS clauses, copies of a spec.
const memo = new Map<string, TaggedText>();

/**
 * Longest run of non-space characters the tagger reads. wink's tokenizer takes time growing with
 * the square of a word's length (100,000 characters took 20 s), and no word of a requirement is
 * this long; a URL or an identifier still fits.
 */
export const MAX_TAGGED_WORD = 256;

/** Most characters of one text the tagger reads (tagging is linear, but what follows need not be). */
export const MAX_TAGGED_TEXT = 20_000;

const LONG_WORD = new RegExp(`\\S{${MAX_TAGGED_WORD + 1},}`, "g");

/**
 * `text` as the tagger may read it: the tail of every overlong word and everything past
 * {@link MAX_TAGGED_TEXT} blanked out with spaces. Blanking keeps the length, so offsets into the
 * result are offsets into `text`, and a cut never splits a surrogate pair.
 */
export function boundForTagger(text: string): string {
  if (text.length <= MAX_TAGGED_WORD) return text;
  let out = text;
  if (out.length > MAX_TAGGED_TEXT) {
    const cut = pairSafeCut(out, MAX_TAGGED_TEXT);
    out = out.slice(0, cut) + " ".repeat(out.length - cut);
  }
  LONG_WORD.lastIndex = 0;
  if (!LONG_WORD.test(out)) return out;
  return out.replace(LONG_WORD, (word) => {
    const cut = pairSafeCut(word, MAX_TAGGED_WORD);
    return word.slice(0, cut) + " ".repeat(word.length - cut);
  });
}

function pairSafeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/**
 * Tags `text` with wink-nlp: tokens with POS, lemma and character offsets, and sentence ranges.
 * Pure and deterministic: the same text always gives the same tokens. The result is shared with
 * later calls on the same text: do not mutate it. Overlong words and texts are cut first
 * ({@link boundForTagger}); `result.text` is what was tagged, of the same length as `text`.
 */
export function tagText(text: string): TaggedText {
  const hit = memo.get(text);
  if (hit) return hit;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const tagged = tagFresh(boundForTagger(text));
  memo.set(text, tagged);
  return tagged;
}

function tagFresh(text: string): TaggedText {
  const nlp = loadNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  // Bulk reads are about twice as fast as reading token by token.
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as string[];
  // wink's typings declare its.lemma with a different signature than `out` accepts; it works at runtime.
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const raw: Token[] = [];
  let cursor = 0;
  let sentence = 0;
  for (let i = 0; i < values.length; i++) {
    while (sentence < spans.length - 1 && i > spans[sentence]![1]) sentence++;
    const value = values[i]!;
    // wink keeps the original characters, so a forward search recovers offsets; if it ever does
    // not (a normalised token), fall back to the cursor so offsets stay monotonic.
    const at = text.indexOf(value, cursor);
    const start = at >= 0 ? at : cursor;
    const end = at >= 0 ? at + value.length : cursor;
    cursor = end;
    raw.push({ text: value, lower: value.toLowerCase(), lemma: String(lemmas[i] ?? value).toLowerCase(), pos: tags[i] as Pos, start, end, sentence });
  }
  const tokens = repairTokens(text, raw);
  const sentences: [number, number][] = [];
  tokens.forEach((t, i) => {
    const last = sentences.at(-1);
    if (last && tokens[i - 1]!.sentence === t.sentence) last[1] = i + 1;
    else sentences.push([i, i + 1]);
  });
  return { text, tokens, sentences };
}
