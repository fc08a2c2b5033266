/** A sentence as a half-open range [start, end) into the text it was cut from. */
export interface SentenceRange {
  start: number;
  end: number;
}

/** Words after which a period does not end a sentence (compared lower-cased, without the dot). */
const ABBREVIATIONS = new Set([
  "e.g", "i.e", "etc", "vs", "cf", "approx", "incl", "excl", "esp", "resp", "viz", "al", "fig", "figs",
  "eq", "no", "nos", "nr", "vol", "p", "pp", "ch", "sec", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr",
  "inc", "ltd", "co", "corp", "dept", "min", "max", "avg", "est", "ref", "refs", "approx", "u.s", "a.m", "p.m",
]);

const CLOSERS = new Set(['"', "'", ")", "]", "\u201d", "\u2019", "*", "_"]);

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\n" || c === "\t";
}

/**
 * Splits prose into sentences in one linear pass. A sentence ends at `.`, `!` or `?` followed by
 * white space and then something that can start a sentence (capital, digit, quote, bracket). It
 * does not end after known abbreviations ("e.g.", "etc."), after a single capital ("J. Smith"), or
 * inside tokens with no space after the dot (versions "1.2.3", file names "tasks.md", URLs).
 * Hand-written rather than wink-nlp's `doc.sentences()` so that parsing needs no model load and
 * the result cannot change with a model upgrade.
 */
export function splitSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c !== "." && c !== "!" && c !== "?") continue;
    // Run of terminal punctuation and closing quotes/brackets ("...?!", 'done."').
    let j = i + 1;
    while (j < n && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    if (j < n && !isSpace(text[j])) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && isSpace(text[k])) k++;
    if (k >= n) break;
    const next = text[k]!;
    if (!/[A-Z0-9"'(\[\u201c\u2018*_`]/.test(next)) {
      i = j - 1;
      continue;
    }
    if (c === ".") {
      // The word before the dot decides whether it is an abbreviation.
      let w = i;
      while (w > start && !isSpace(text[w - 1]) && text[w - 1] !== "(") w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || /^(?:[a-z]\.)+[a-z]$/i.test(word)) {
        i = j - 1;
        continue;
      }
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(n);
  return out;
}
