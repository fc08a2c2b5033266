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

/** The set of word tokens of a normalised text. */
export function tokenSet(normalised: string): Set<string> {
  return new Set(normalised.split(" ").filter(Boolean));
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
 * Measured on corpus edits (test/diff/diff-statements.test.ts): changing a number, a verb or a
 * clause of a 10+ word requirement stays above 0.7; two different requirements of the same
 * template ("The system SHALL allow users to ...") in one spec stay below 0.6 in the corpus
 * excerpts. Short statements (< 4 tokens) need 0.75, where one word is a large share.
 */
export const SIMILARITY_THRESHOLD = 0.6;
export const SHORT_SIMILARITY_THRESHOLD = 0.75;
