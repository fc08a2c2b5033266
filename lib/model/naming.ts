import { camelCase, kebabCase, pascalCase } from "change-case";
import pluralize from "pluralize";

/**
 * Naming rules of the model (docs/model.md "Names"): phrases from statements become concept words
 * (determiners and trailing qualifiers dropped, last word singular), and concept words become
 * PascalCase type names or camelCase member names that are never empty and never start with a digit.
 */

/** Words that open a noun phrase without naming anything. */
const LEADING_NOISE = new Set([
  "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
  "each", "every", "all", "any", "some", "several", "multiple", "many", "no", "both", "one", "another",
  "other", "such", "same", "given", "specific", "particular", "certain", "various", "new", "existing",
  "current", "own", "more", "most", "few", "its", "whose", "which", "what", "selected", "relevant",
]);

/** Words that end the naming part of a noun phrase: prepositions, conjunctions, relative words. */
const PHRASE_BREAK = new Set([
  "of", "for", "to", "from", "in", "on", "with", "by", "at", "into", "onto", "via", "per", "across", "within",
  "about", "over", "under", "between", "through", "during", "after", "before", "and", "or", "but", "that",
  "which", "who", "whom", "whose", "where", "when", "while", "if", "as", "so", "than", "including", "like",
  "without", "near", "using", "based", "e.g", "i.e", "etc",
]);

/** "list of events" names the events: container words whose "of" complement is the concept. */
const CONTAINERS = new Set([
  "list", "set", "collection", "number", "group", "series", "array", "batch", "catalog", "catalogue",
  "summary", "details", "detail", "history", "page", "pages", "kind", "type", "types", "kinds", "subset",
  "sequence", "queue", "stream", "feed", "table", "map", "count", "total", "amount", "range", "selection",
]);

/** Trailing words that name a view of a concept rather than a concept. */
const TRAILING_FACETS = new Set([
  "details", "detail", "info", "information", "data", "list", "page", "screen", "view", "summary", "overview",
  "listing", "listings", "record", "records", "entry", "entries", "section", "tab", "panel", "form",
]);

/** Words pluralize gets wrong for naming purposes (it turns "data" into "datum"). */
const KEEP_AS_IS = new Set([
  "data", "metadata", "media", "criteria", "news", "series", "status", "analytics", "settings", "canvas",
  "us", "bus", "alias", "gas", "lens", "bias", "corpus", "campus", "virus", "census", "process", "access",
  "address", "class", "business", "progress", "success", "sms", "os", "ios", "macos", "api",
  "dns", "aws", "gps", "https", "css", "its", "this", "is", "was", "has", "his", "yes", "plus", "minus",
  "basis", "axis", "tennis", "iris", "chassis", "thesis", "crisis", "analysis", "synopsis", "emphasis",
]);

/** Lower-case word tokens of a phrase: letters and digits, inner hyphens and apostrophes split. */
export function splitWords(phrase: string): string[] {
  const hit = wordCache.get(phrase);
  if (hit) return [...hit];
  const words = splitWordsUncached(phrase);
  // Phrases repeat across statements; a bounded cache keeps memory flat in long-lived processes.
  if (wordCache.size > 50_000) wordCache.clear();
  wordCache.set(phrase, words);
  return [...words];
}

const wordCache = new Map<string, string[]>();

function splitWordsUncached(phrase: string): string[] {
  // Possessives name their owner's thing: "teacher's profile" -> teacher profile.
  const ascii = phrase
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s?['’]s\b/g, "")
    // Plural acronyms are one word: "URLs" -> urls, not "UR Ls".
    .replace(/\b([A-Z]{2,})s\b/g, (_m, a: string) => a.toLowerCase() + "s");
  // Break camelCase and snake_case identifiers too: "KiroWorker", "user_profiles".
  const spaced = ascii.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  const words = spaced.toLowerCase().match(/[a-z0-9]+/g);
  return words ?? [];
}

/** Singular form of one lower-case word, conservative where pluralize is known to overreach. */
export function singularWord(word: string): string {
  if (word.length <= 3 || KEEP_AS_IS.has(word) || /(?:ss|us|ics)$/.test(word)) return word;
  const hit = singularCache.get(word);
  if (hit !== undefined) return hit;
  // pluralize runs dozens of rule regexes per call; the answer depends on the word alone (no rules
  // are added at run time), so a bounded memo is invisible in the output.
  if (singularCache.size > 50_000) singularCache.clear();
  const out = singularWordUncached(word);
  singularCache.set(word, out);
  return out;
}

const singularCache = new Map<string, string>();

function singularWordUncached(word: string): string {
  if (!pluralize.isPlural(word)) return word;
  const s = pluralize.singular(word);
  return s.length > 0 ? s : word;
}

/** True when a lower-case word looks plural ("items", "rsvps"). */
export function isPluralWord(word: string): boolean {
  return singularWord(word) !== word;
}

export interface ConceptWords {
  /** Concept words, last one singular: ["shopping", "cart"]. */
  words: string[];
  /** The phrase spoke of many ("items", "a list of items"). */
  plural: boolean;
}

/**
 * Reads the naming part of a noun phrase: drops leading determiners, stops at the first
 * preposition or relative word ("events near me" -> event), follows container words ("a list of
 * events" -> event, plural), keeps at most `maxWords` trailing words and singularises the last.
 */
export function readConcept(phrase: string, maxWords = 3, options: { keepFacets?: boolean; keepNumber?: boolean } = {}): ConceptWords {
  const key = `${maxWords}|${options.keepFacets ? 1 : 0}|${options.keepNumber ? 1 : 0}|${phrase}`;
  const hit = conceptCache.get(key);
  if (hit) return { words: [...hit.words], plural: hit.plural };
  const out = readConceptUncached(phrase, maxWords, options);
  if (conceptCache.size > 50_000) conceptCache.clear();
  conceptCache.set(key, out);
  return { words: [...out.words], plural: out.plural };
}

const conceptCache = new Map<string, ConceptWords>();

function readConceptUncached(phrase: string, maxWords: number, options: { keepFacets?: boolean; keepNumber?: boolean }): ConceptWords {
  let words = splitWords(phrase);
  let plural = false;
  for (;;) {
    let i = 0;
    while (i < words.length && LEADING_NOISE.has(words[i]!)) i++;
    words = words.slice(i);
    const j = words.findIndex((w) => PHRASE_BREAK.has(w));
    if (j === -1) break;
    const head = words.slice(0, j);
    const last = head[head.length - 1];
    // "list of events": the container names nothing, its complement does.
    if (words[j] === "of" && head.length >= 1 && head.every((w) => CONTAINERS.has(w) || LEADING_NOISE.has(w)) && last !== undefined) {
      plural = true;
      words = words.slice(j + 1);
      continue;
    }
    words = head;
    break;
  }
  words = words.filter((w) => !LEADING_NOISE.has(w) || words.length === 1);
  // "event details", "user data": a trailing facet word names a view of the concept before it.
  while (!options.keepFacets && words.length > 1 && TRAILING_FACETS.has(words[words.length - 1]!)) {
    plural ||= words[words.length - 1] === "list";
    words = words.slice(0, -1);
  }
  if (words.length > maxWords) words = words.slice(words.length - maxWords);
  const last = words[words.length - 1];
  if (last !== undefined && !options.keepNumber) {
    const single = singularWord(last);
    if (single !== last) plural = true;
    words = [...words.slice(0, -1), single];
  }
  return { words, plural };
}

/** The key two phrases share when they name the same concept: "the Shopping Carts" -> "shopping cart". */
export function conceptKey(phrase: string, maxWords = 3): string {
  return readConcept(phrase, maxWords).words.join(" ");
}

/** Normalised form of a phrase for pin and glossary look-up: lower case, single spaces, no determiners. */
export function normalizePhrase(phrase: string): string {
  const words = splitWords(phrase);
  let i = 0;
  while (i < words.length - 1 && LEADING_NOISE.has(words[i]!)) i++;
  return words.slice(i).join(" ");
}

/** Moves leading numbers behind the words ("3d model" -> "model 3d") so names never start with a digit. */
function moveLeadingNumbers(words: string[], fallback: string): string[] {
  const lead: string[] = [];
  let i = 0;
  while (i < words.length && /^[0-9]/.test(words[i]!)) lead.push(words[i++]!);
  const rest = words.slice(i);
  if (rest.length === 0) return [fallback.toLowerCase(), ...lead];
  return [...rest, ...lead];
}

/** PascalCase type name from words; `fallback` (e.g. "Entity") when nothing usable is left. */
export function toTypeName(words: readonly string[], fallback: string): string {
  const cleaned = moveLeadingNumbers(words.flatMap(splitWords), fallback);
  const name = pascalCase(cleaned.join(" ")).replace(/[^A-Za-z0-9]/g, "");
  return name.length > 0 && !/^[0-9]/.test(name) ? name : fallback;
}

/** camelCase member name from words; `fallback` (e.g. "param") when nothing usable is left. */
export function toMemberName(words: readonly string[], fallback: string): string {
  const cleaned = moveLeadingNumbers(words.flatMap(splitWords), fallback);
  const name = camelCase(cleaned.join(" ")).replace(/[^A-Za-z0-9]/g, "");
  return name.length > 0 && !/^[0-9]/.test(name) ? name : fallback;
}

/** kebab-case path segment for a folder or heading ("User Directory" -> "user-directory"). */
export function toPathSegment(title: string): string {
  const seg = kebabCase(splitWords(title).join(" "));
  return seg.length > 0 ? seg : "part";
}

/**
 * A pinned name as the user wrote it, made safe: kept verbatim when it already is a valid name of
 * the wanted case, re-cased otherwise ("shopping cart" pinned for a type -> "ShoppingCart").
 */
export function applyPinnedName(pin: string, kind: "type" | "member", fallback: string): string {
  const valid = kind === "type" ? /^[A-Z][A-Za-z0-9]*$/ : /^[a-z][A-Za-z0-9]*$/;
  if (valid.test(pin)) return pin;
  return kind === "type" ? toTypeName(splitWords(pin), fallback) : toMemberName(splitWords(pin), fallback);
}

/** Plural form of one lower-case word ("book" -> "books", "category" -> "categories"); mass nouns stay. */
export function pluralWord(word: string): string {
  if (KEEP_AS_IS.has(word) || isPluralWord(word) || /(?:data|media|information|news|metadata|analytics|settings)$/.test(word)) return word;
  return pluralize.plural(word);
}
