import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** One token as the bench reads it: text, part of speech (UD tag) and lemma, lower-cased. */
export interface BenchToken {
  value: string;
  pos: string;
  lemma: string;
}

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * Tokens of `text` tagged by wink-nlp directly, not through penult's lib/nlp: the bench's own
 * readings (edit targets, want-clause objects) must not move when penult's extractor changes.
 */
export function tagTokens(text: string): BenchToken[] {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings declare its.lemma with a signature `out` does not accept; it works at runtime.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  return values.map((value, i) => ({ value, pos: pos[i] ?? "X", lemma: (lemmas[i] ?? value).toLowerCase() }));
}
