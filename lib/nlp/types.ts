/**
 * Universal POS tags as the wink English model emits them. Kept as a string union so the
 * extractor can match on tags without importing wink's own types.
 */
export type Pos =
  | "ADJ"
  | "ADP"
  | "ADV"
  | "AUX"
  | "CCONJ"
  | "DET"
  | "INTJ"
  | "NOUN"
  | "NUM"
  | "PART"
  | "PRON"
  | "PROPN"
  | "PUNCT"
  | "SCONJ"
  | "SYM"
  | "VERB"
  | "X"
  | "SPACE";

/** One token of a tagged text. Offsets index the string that was tagged. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower-cased text. */
  lower: string;
  /** Lower-cased lemma ("adds" -> "add", "carts" -> "cart"). */
  lemma: string;
  pos: Pos;
  /** Character offset of the first character. */
  start: number;
  /** Character offset just past the last character. */
  end: number;
  /** 0-based index of the sentence holding the token. */
  sentence: number;
}

/** A tagged text: tokens in order, plus sentence boundaries as token index ranges. */
export interface TaggedText {
  text: string;
  tokens: Token[];
  /** [first token index, last token index + 1] of each sentence. */
  sentences: [number, number][];
}

/** A noun phrase found by {@link findNounChunks}: token range [start, end) and its head token index. */
export interface NounChunk {
  start: number;
  end: number;
  head: number;
}
