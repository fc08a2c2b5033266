import pluralize from "pluralize";
import type { NounChunk, Token } from "../nlp/types.js";
import { COLLECTIVE_HEADS, GENERIC_SUBJECTS, NON_ENTITY_HEADS, NON_ENTITY_NOUNS, PERSONA_HEADS, VAGUE_ADJECTIVES } from "./lexicon.js";

const DETERMINERS = new Set([
  "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
  "each", "every", "all", "any", "some", "both", "either", "neither",
]);

/** Possessive markers as wink tokenizes them: "user's", "users'", "users’". */
export const POSSESSIVE_MARKS = new Set(["'s", "’s", "'", "’"]);

/** Words that stay plural-looking in their singular form (pluralize would strip the "s"). */
const KEEP_AS_IS = new Set(["data", "status", "analytics", "settings", "news", "series", "species", "metadata", "access", "address", "process", "class", "business", "canvas", "alias", "bus", "gps", "sms", "os", "ios"]);

/** Singular of a lower-case word, leaving mass nouns and "-ss/-us/-is" words alone. */
export function singularise(word: string): string {
  if (KEEP_AS_IS.has(word) || word.length <= 3 || /(?:ss|us|is)$/.test(word) || !/^[a-z]/.test(word)) return word;
  const hit = singularCache.get(word);
  if (hit !== undefined) return hit;
  // pluralize's answer depends on the word alone (no rules are added at run time): a bounded memo
  // saves its dozens of rule regexes per call without changing any output.
  if (singularCache.size > 50_000) singularCache.clear();
  const out = pluralize.singular(word);
  singularCache.set(word, out);
  return out;
}

const singularCache = new Map<string, string>();

/** Text of tokens[from, to) as written (original spacing). */
export function spanText(text: string, tokens: readonly Token[], from: number, to: number): string {
  if (to <= from) return "";
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/** Strips a leading determiner and surrounding punctuation from a phrase: "the Cart" -> "Cart". */
export function stripDeterminer(phrase: string): string {
  const words = phrase.trim().replace(/^[`"'*_([]+|[`"'*_)\].,;:]+$/g, "").split(/\s+/);
  while (words.length > 1 && DETERMINERS.has(words[0]!.toLowerCase())) words.shift();
  return words.join(" ");
}

/** Lower case, determiner dropped, last word singular: "the Shopping Carts" -> "shopping cart". */
export function normaliseName(phrase: string): string {
  const words = stripDeterminer(phrase).toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  words[words.length - 1] = singularise(words[words.length - 1]!);
  return words.join(" ");
}

/** True when a normalised noun phrase names a person ("registered user", "tenant admin"). */
export function isPersona(name: string): boolean {
  const head = name.split(" ").at(-1) ?? "";
  return PERSONA_HEADS.has(head) || PERSONA_HEADS.has(singularise(head));
}

/** True when a normalised subject means the whole system ("system", "the application"). */
export function isGenericSubject(name: string): boolean {
  const n = name.toLowerCase();
  return GENERIC_SUBJECTS.has(n) || GENERIC_SUBJECTS.has(n.split(" ").at(-1) ?? "");
}

/**
 * The entity a noun chunk names: determiners, numbers and vague adjectives dropped, head
 * singular, lower case; `undefined` for pronouns and nouns in NON_ENTITY_NOUNS.
 * "the shopping carts" -> "shopping cart"; "3 new events" -> "event".
 */
export function normaliseEntity(tokens: readonly Token[], chunk: NounChunk, options: { allowPersona?: boolean } = {}): string | undefined {
  // "each product's name": the owner is the entity, the rest a field of it.
  for (let p = chunk.start + 1; p < chunk.end; p++) {
    if (POSSESSIVE_MARKS.has(tokens[p]!.lower)) return normaliseEntity(tokens, { start: chunk.start, end: p, head: p - 1 }, options);
  }
  // A quoted label or code span names a button or a command, not a kept thing.
  if (tokens.slice(chunk.start, chunk.end).some((t) => /^["“`]/.test(t.text))) return undefined;
  const words: string[] = [];
  for (let i = chunk.start; i < chunk.end; i++) {
    const t = tokens[i]!;
    if (t.pos === "DET" || t.pos === "NUM" || t.pos === "PRON" || t.pos === "PUNCT") continue;
    if (DETERMINERS.has(t.lower) || VAGUE_ADJECTIVES.has(t.lower)) continue;
    // Vague adjectives go ("new event" is an event); telling ones stay ("clinical site", "streaming movie").
    if (t.pos === "ADV") continue;
    words.push(i === chunk.head ? singularise(t.lower) : t.lower);
  }
  const name = words.join(" ").replace(/[`"*]/g, "").trim();
  // Paths, placeholders and code are names of files or commands, not kept things.
  if (!name || !/[a-z]/.test(name) || /[<>/\\{}()[\]=]/.test(name) || /^(?:i|we|you|they|he|she|it)['’]/.test(name)) return undefined;
  const head = name.split(" ").at(-1)!;
  if (NON_ENTITY_NOUNS.has(name) || NON_ENTITY_HEADS.has(head) || words.length > 4) return undefined;
  if (!options.allowPersona && isPersona(name)) return undefined;
  return name;
}

/** True when the chunk's head is a word like "list" or "set" that defers to an "of" phrase. */
export function isCollective(tokens: readonly Token[], chunk: NounChunk): boolean {
  return COLLECTIVE_HEADS.has(tokens[chunk.head]!.lower);
}

/** An actor name: lower case, determiners dropped, last word singular: "Registered Users" -> "registered user". */
export function normaliseActor(phrase: string): string {
  return normaliseName(phrase.replace(/^(?:as\s+)?(?:only\s+)?(?:an?|the)\s+/i, "").replace(/^only\s+/i, ""));
}
