/**
 * Text similarity used to pair an edited statement with its previous version when the id did not
 * carry over (derived ids include the normalised text, so an edit changes the id).
 */

/** Lower-case, punctuation to spaces, whitespace collapsed: re-wrapping and markup never matter. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Words every requirement repeats (EARS and RFC 2119 keywords, articles, common prepositions):
 * they made two unrelated criteria of one Kiro spec look 63% alike, so they do not count.
 */
const STOP_WORDS = new Set(
  "a an the shall must should will may can when then if while where and or not of to in on at by for with from as is are be that this it its system".split(" "),
);

/** The set of content words of a normalised text (all words when it has no content word). */
export function tokenSet(normalised: string): Set<string> {
  const words = normalised.split(" ").filter(Boolean);
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return new Set(content.length > 0 ? content : words);
}

/**
 * Sørensen–Dice coefficient of two token sets, 2|A∩B| / (|A|+|B|), in [0, 1]. Chosen over an edit
 * distance because it ignores word order (a reworded clause keeps most words) and costs O(|A|+|B|).
 */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Two statements are the same statement, edited, when their token sets have Dice >= 0.6.
 * Measured on the corpora: a one-word edit of any criterion of the ears-kiro excerpt stays paired
 * (test/diff/diff-statements.test.ts), a changed number in a 10-word requirement scores > 0.8;
 * among 155k pairs of *different* statements of the same file (ears-kiro + openspec), 1.1% reach
 * 0.6 (mostly OpenSpec scenario bullets written from one template). Pairing only runs on
 * statements left over by id and exact text, best pairs first, so such look-alikes only pair when
 * one was removed and the other added in the same change. Short statements (< 4 tokens) need
 * 0.75, where one word is a large share.
 */
export const SIMILARITY_THRESHOLD = 0.6;
export const SHORT_SIMILARITY_THRESHOLD = 0.75;
/**
 * A statement edited in place (same file, same line on both sides) needs only 0.5: "Used by the
 * LocationTree component." -> "... encrypted." (spec-kit data-model.md, 3 content words, one
 * changed) is one statement edited, which the position confirms.
 */
export const SAME_LINE_SIMILARITY_THRESHOLD = 0.5;
