import type { PrimitiveName } from "./types.js";
import { applyPinnedName, isPluralWord, normalizePhrase, singularWord, splitWords, toMemberName, toTypeName } from "./naming.js";
import { MEDIA_NOUNS, NON_CONCEPTS, PARTITIVES, PERSON_NOUNS, UI_NOUNS, VALUE_NOUNS } from "./vocabulary.js";

/**
 * Entity resolution (docs/model.md "Resolving phrases"): what a noun phrase of a statement names.
 * The answer depends on the phrase, the declarations (glossary, Key Entities, code) and the
 * configured name pins only; never on other statements, so one statement's edit cannot change how
 * another statement is read.
 */

/** What the declarations pass knows, for resolving phrases. */
export interface KnownTerms {
  /** Concept key ("stock level", "book") -> declared entity name. */
  entityByKey: ReadonlyMap<string, string>;
  /** Concept key -> a declared value of an entity ("stock level" -> Book.stockLevel). */
  fieldByKey: ReadonlyMap<string, { entity: string; field: string }>;
  /** Normalised phrase -> pinned name (config `names`). */
  pins: ReadonlyMap<string, string>;
  /** Declared entity -> the field that identifies it ("identified by its ISBN"). */
  keys?: ReadonlyMap<string, { name: string; type: PrimitiveName }>;
  /** `<Entity>.<field>` -> enum name, for fields declared with a value list. */
  enums?: ReadonlyMap<string, string>;
  /** Declared entity -> the names of its declared fields and relations. */
  fieldsOf?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The statements declare a data model (a glossary, Key Entities, a data-model section): then it is
   * the data model, and a noun it does not declare is a `thing` the operations refer to, not an entity.
   */
  authoritative?: boolean;
}

export type Term =
  | { kind: "entity"; name: string; plural: boolean; declared: boolean }
  /** A thing the statements act on that the declared data model does not name: referred to, not modelled. */
  | { kind: "thing"; name: string; words: string[]; plural: boolean }
  | { kind: "field"; entity: string; field: string; plural: boolean; declared: boolean }
  | { kind: "actor"; name: string; plural: boolean }
  | { kind: "value"; name: string; words: string[]; plural: boolean }
  | { kind: "ui"; words: string[] }
  | { kind: "none" };

/** Words that open a noun phrase without naming anything (determiners, quantifiers, vague adjectives). */
const NOISE = new Set([
  "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
  "each", "every", "all", "any", "some", "several", "multiple", "many", "no", "both", "one", "another",
  "other", "such", "same", "given", "specific", "particular", "certain", "various", "new", "existing",
  "current", "own", "more", "most", "few", "whose", "which", "what", "selected", "relevant", "appropriate",
  "additional", "individual", "single", "entire", "whole", "full", "complete", "whatever", "only", "just",
  "also", "further", "further", "corresponding", "respective", "available", "applicable", "possible",
  "required", "optional", "necessary", "desired", "chosen", "previous", "following", "above", "below",
  "matching", "related", "associated", "saved", "stored", "underlying", "original", "actual", "valid",
  "invalid", "unique", "latest", "last", "first", "next", "uploaded", "submitted", "generated", "imported",
  "received", "requested", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
]);

const PLURAL_QUANTIFIERS = new Set(["all", "many", "multiple", "several", "some", "these", "those", "both", "any"]);

/** Trailing words that name a view of a concept rather than a concept ("order records" -> Order). */
const FACETS = new Set(["details", "detail", "info", "information", "data", "list", "record", "records", "entry", "entries", "history", "summary", "overview", "listing", "listings", "metadata"]);

/** Words that end the naming part of a phrase (prepositions, relative words). */
const BREAKS = new Set([
  "for", "to", "from", "in", "on", "with", "by", "at", "into", "onto", "via", "per", "across", "within", "about",
  "over", "under", "between", "through", "during", "after", "before", "and", "or", "but", "that", "which", "who",
  "whom", "whose", "where", "when", "while", "if", "as", "so", "than", "including", "like", "without", "near",
  "using", "based", "e.g", "i.e", "etc", "is", "are", "was", "were", "has", "have", "can", "will", "should",
]);

const PRONOUN_OWNERS = new Set(["its", "their", "his", "her", "my", "your", "our"]);

/** Resolves one noun phrase. `owner` is the entity "its"/"their" refers to, when the caller knows it. */
export function resolvePhrase(known: KnownTerms, phrase: string, options: { owner?: string } = {}): Term {
  const text = clean(phrase);
  if (!text) return { kind: "none" };
  // A pinned phrase is what the pin says, before any reading ("basket entry": LineItem).
  const pin = known.pins.get(normalizePhrase(text)) ?? known.pins.get(key(splitWords(text).filter((w) => !NOISE.has(w))));
  if (pin && /^[A-Z]/.test(applyPinnedName(pin, "type", "Entity"))) {
    return { kind: "entity", name: applyPinnedName(pin, "type", "Entity"), plural: isPluralWord(splitWords(text).pop() ?? ""), declared: true };
  }
  // "the customer's delivery address": the owner owns the rest.
  const poss = /^(.*?\S)(?:'s|’s|s'|s’)\s+(.+)$/.exec(text);
  if (poss) {
    const owner = resolvePhrase(known, poss[1]!);
    const member = memberOf(known, owner, poss[2]!);
    if (member) return member;
  }
  // "its ISBN": a pronoun owner is the caller's entity.
  // "title" or "its ISBN" next to a book whose declaration lists them: that book's fields.
  if (options.owner) {
    const words = contentWords(text);
    const fname = words.length > 0 ? fieldName(words) : "";
    if (fname && known.fieldsOf?.get(options.owner)?.has(fname) && !known.entityByKey.has(key(words))) {
      return { kind: "field", entity: options.owner, field: fname, plural: false, declared: true };
    }
  }
  const pron = /^(its|their|his|her|my|your|our)\s+(.+)$/i.exec(text);
  if (pron && options.owner) {
    const member = memberOf(known, { kind: "entity", name: options.owner, plural: false, declared: true }, pron[2]!);
    if (member) return member;
  }
  // "one copy of the book", "the price of a book", "the status of their orders".
  const of = /^(.*?)\s+of\s+(.+)$/i.exec(text);
  if (of) {
    const headWords = contentWords(of[1]!);
    const lead = splitWords(of[1]!);
    const head = headWords[headWords.length - 1];
    if (head === undefined || PARTITIVES.has(head) || PARTITIVES.has(singularWord(head))) {
      const inner = resolvePhrase(known, of[2]!, options);
      const many = lead.some((w) => PLURAL_QUANTIFIERS.has(w) || (PARTITIVES.has(w) && isPluralWord(w)) || ["list", "set", "collection", "number", "all"].includes(w));
      return many ? withPlural(inner, true) : inner;
    }
    const target = resolvePhrase(known, of[2]!, options);
    if (target.kind === "entity" && (VALUE_NOUNS.has(singularWord(head)) || known.fieldByKey.has(key(headWords)))) {
      return { kind: "field", entity: target.name, field: fieldName(headWords), plural: isPluralWord(head), declared: target.declared };
    }
    // "the owner of the project": the head is the thing.
    return resolveWords(known, headWords, isPluralWord(head));
  }
  const words = contentWords(text);
  const lead = splitWords(text);
  const plural = lead.some((w) => PLURAL_QUANTIFIERS.has(w)) || (words.length > 0 && isPluralWord(words[words.length - 1]!));
  return resolveWords(known, words, plural);
}

/** Splits a coordinated phrase ("a book's price, description and stock level") and resolves each item. */
export function resolvePhraseList(known: KnownTerms, phrase: string, options: { owner?: string } = {}): Term[] {
  const items = splitCoordination(phrase);
  if (items.length <= 1) return [resolvePhrase(known, phrase, options)];
  const out: Term[] = [];
  let owner: string | undefined;
  for (const item of items) {
    let t = resolvePhrase(known, item, options);
    // "a book's price, description": later bare values belong to the first item's owner.
    if (owner && (t.kind === "value" || (t.kind === "entity" && !t.declared && VALUE_NOUNS.has(lastWord(item))))) {
      const words = contentWords(item);
      t = { kind: "field", entity: owner, field: fieldName(words), plural: false, declared: false };
    }
    if (t.kind === "field" && owner === undefined) owner = t.entity;
    out.push(t);
  }
  return out;
}

/** The name an entity phrase gets when nothing is declared for it: PascalCase of at most three words. */
export function entityNameOf(words: readonly string[]): string {
  const w = words.slice(-3);
  return toTypeName([...w.slice(0, -1), singularWord(w[w.length - 1] ?? "")], "Entity");
}

/** The camelCase member name of field words ("stock level" -> stockLevel). */
export function fieldName(words: readonly string[]): string {
  const w = words.slice(-4);
  return toMemberName([...w.slice(0, -1), singularWord(w[w.length - 1] ?? "")], "value");
}

/** Concept key of words: lower case, last word singular. */
export function key(words: readonly string[]): string {
  if (words.length === 0) return "";
  return [...words.slice(0, -1), singularWord(words[words.length - 1]!)].join(" ");
}

/** The words of a phrase that name something: determiners, quantifiers and numbers dropped, cut at the first break word. */
export function contentWords(phrase: string): string[] {
  const all = splitWords(phrase.replace(/\([^)]*\)/g, " "));
  const out: string[] = [];
  for (const w of all) {
    if (BREAKS.has(w) && out.length > 0) break;
    if (NOISE.has(w) && out.length === 0) continue;
    if (/^[0-9]+$/.test(w) && out.length === 0) continue;
    // "the book the warehouse holds": a second determiner starts a relative clause.
    if (out.length > 0 && ["the", "a", "an", "this", "that", "its", "their", "each", "every", "whose"].includes(w)) break;
    if (NOISE.has(w) && ["all", "any", "some"].includes(w)) continue;
    out.push(w);
  }
  while (out.length > 1 && FACETS.has(out[out.length - 1]!)) out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------

function resolveWords(known: KnownTerms, words: string[], plural: boolean): Term {
  if (words.length === 0) return { kind: "none" };
  const k = key(words);
  const pinned = known.pins.get(k) ?? known.pins.get(words.join(" "));
  if (pinned) return { kind: "entity", name: applyPinnedName(pinned, "type", "Entity"), plural, declared: true };
  const declared = known.entityByKey.get(k);
  if (declared) return { kind: "entity", name: declared, plural, declared: true };
  const value = known.fieldByKey.get(k);
  if (value) return { kind: "field", entity: value.entity, field: value.field, plural, declared: true };
  // "the forecasted savings" where one declared entity has the field forecastedSavings: that field.
  const owner = ownerOfField(known, words);
  if (owner) return { kind: "field", entity: owner.entity, field: owner.field, plural, declared: true };
  const head = singularWord(words[words.length - 1]!);
  // "order total", "book price": a declared owner followed by value words.
  if (VALUE_NOUNS.has(head)) {
    for (let i = words.length - 1; i >= 1; i--) {
      const owner = known.entityByKey.get(key(words.slice(0, i)));
      if (owner) return { kind: "field", entity: owner, field: fieldName(words.slice(i)), plural, declared: true };
    }
  }
  // "upcoming events" where Event is declared: the longest declared tail.
  for (let i = 1; i < words.length; i++) {
    const tail = key(words.slice(i));
    const hit = known.entityByKey.get(tail);
    if (hit) return { kind: "entity", name: hit, plural, declared: true };
    const pin = known.pins.get(tail);
    if (pin) return { kind: "entity", name: applyPinnedName(pin, "type", "Entity"), plural, declared: true };
  }
  // "registered coaches" is the declared "Coach Registration": the same word stems in another order.
  if (words.length >= 2) {
    const hit = sameStems(known, words);
    if (hit) return { kind: "entity", name: hit, plural, declared: true };
  }
  // "a session" where only "Cash Session" is declared: a lone head noun names the one declared
  // entity it heads, when that entity's other words are classifiers ("cash"), not states ("abandoned").
  if (words.length === 1) {
    const hit = uniqueHead(known, head);
    if (hit) return { kind: "entity", name: hit, plural, declared: true };
  }
  if (PERSON_NOUNS.has(head) || PERSON_NOUNS.has(words[words.length - 1]!)) {
    return { kind: "actor", name: toTypeName(words.slice(-3).map((w, i, a) => (i === a.length - 1 ? singularWord(w) : w)), "Actor"), plural };
  }
  // "the recipe page", "audio interface input": a screen or input of a thing shows that thing.
  if ((UI_NOUNS.has(head) || FACETS.has(head)) && words.length >= 2) {
    const inner = resolveWords(known, words.slice(0, -1), plural);
    if (inner.kind === "entity" && inner.declared) return inner;
  }
  // "guitar effects" where the data model declares one effect, "Audio Effect": the same head names it.
  if (known.authoritative && words.length >= 2) {
    const hit = uniqueHead(known, head);
    if (hit && !known.entityByKey.has(key(words.slice(0, -1)))) return { kind: "entity", name: hit, plural, declared: true };
  }
  if (UI_NOUNS.has(head)) return { kind: "ui", words };
  if (NON_CONCEPTS.has(k) || words.every((w) => NON_CONCEPTS.has(singularWord(w)) || NOISE.has(w))) return { kind: "none" };
  if (NON_CONCEPTS.has(head) && words.length === 1) return { kind: "none" };
  // "an image passes validation", "upload images": media named alone, with no owner, are things with a
  // life of their own (uploaded, validated, deleted); "its image", "the book's cover image" stay values.
  if (MEDIA_NOUNS.has(head) && words.length === 1) {
    return known.authoritative ? { kind: "thing", name: entityNameOf(words), words, plural } : { kind: "entity", name: entityNameOf(words), plural, declared: false };
  }
  if (VALUE_NOUNS.has(head)) return { kind: "value", name: fieldName(words), words, plural };
  // A gerund or an adjective alone names an activity or a quality, not a thing.
  if (words.length === 1 && /(?:ing|ness|ity|ion)$/.test(head) && !/(?:thing|ring|ding|ling|king|ting)$/.test(head) && head.length > 6) {
    if (!/ion$/.test(head)) return { kind: "none" };
    return known.authoritative ? { kind: "thing", name: entityNameOf(words), words, plural } : { kind: "entity", name: entityNameOf(words), plural, declared: false };
  }
  if (NON_CONCEPTS.has(head)) {
    // "payment processing", "search results": a trailing abstract word names no thing.
    return { kind: "none" };
  }
  if (known.authoritative) return { kind: "thing", name: entityNameOf(words), words: words.slice(-3), plural };
  return { kind: "entity", name: entityNameOf(words), plural, declared: false };
}

/** The one declared entity that declares a field named by `words` (as written, or singular), if only one does. */
function ownerOfField(known: KnownTerms, words: readonly string[]): { entity: string; field: string } | undefined {
  if (!known.fieldsOf || words.length === 0) return undefined;
  const names = new Set([toMemberName([...words], "value"), fieldName(words)]);
  let found: { entity: string; field: string } | undefined;
  for (const [entity, fields] of known.fieldsOf) {
    for (const n of names) {
      if (!fields.has(n) || n === "id") continue;
      if (found && found.entity !== entity) return undefined;
      found = { entity, field: n };
    }
  }
  return found;
}

/** The only declared entity whose last word is `head` and whose modifiers are nouns, if there is exactly one. */
function uniqueHead(known: KnownTerms, head: string): string | undefined {
  let found: string | undefined;
  for (const [k, name] of known.entityByKey) {
    const w = k.split(" ");
    if (w.length < 2 || w[w.length - 1] !== head) continue;
    if (w.slice(0, -1).some((m) => /(?:ed|ing|able|ible|ful|ous|ive|al|less)$/.test(m))) continue;
    if (found !== undefined && found !== name) return undefined;
    found = name;
  }
  return found;
}

/** The declared entity whose words have the same stems as `words`, in any order, if exactly one has. */
function sameStems(known: KnownTerms, words: readonly string[]): string | undefined {
  const mine = words.map(stem);
  let found: string | undefined;
  for (const [k, name] of known.entityByKey) {
    const theirs = k.split(" ").map(stem);
    if (theirs.length !== mine.length) continue;
    const left = [...theirs];
    const all = mine.every((m) => {
      const i = left.findIndex((t) => t === m || sharesStem(t, m));
      if (i === -1) return false;
      left.splice(i, 1);
      return true;
    });
    if (!all) continue;
    if (found !== undefined && found !== name) return undefined;
    found = name;
  }
  return found;
}

/** "registr" and "register": one root (a common prefix of five letters, at most one letter short of the shorter). */
function sharesStem(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 5 && n >= Math.min(a.length, b.length) - 1;
}

function stem(word: string): string {
  return singularWord(word).replace(/(?:ations?|ions?|ments?|ings?|ed|er|e)$/, "");
}

function memberOf(known: KnownTerms, owner: Term, rest: string): Term | undefined {
  if (owner.kind !== "entity" && owner.kind !== "actor") return undefined;
  const words = contentWords(rest);
  if (words.length === 0) return undefined;
  const head = singularWord(words[words.length - 1]!);
  const entity = owner.name;
  const declaredField = known.fieldByKey.get(key(words));
  if (declaredField) return { kind: "field", entity: declaredField.entity, field: declaredField.field, plural: isPluralWord(words[words.length - 1]!), declared: true };
  const other = resolveWords(known, words, isPluralWord(words[words.length - 1]!));
  if (other.kind === "entity" && other.declared) return other;
  if (VALUE_NOUNS.has(head) || other.kind === "value" || other.kind === "none") {
    return { kind: "field", entity, field: fieldName(words), plural: isPluralWord(words[words.length - 1]!), declared: owner.kind === "entity" && owner.declared };
  }
  return other.kind === "entity" ? other : undefined;
}

function withPlural(t: Term, plural: boolean): Term {
  if (t.kind === "entity" || t.kind === "field" || t.kind === "actor" || t.kind === "value" || t.kind === "thing") return { ...t, plural: t.plural || plural };
  return t;
}

function clean(phrase: string): string {
  return phrase
    // `a "Push to Cloud" button`: a quoted label names the thing after it, which is what the phrase names.
    .replace(/["“][^"“”]{1,40}["”]\s+(?=[A-Za-z])/g, " ")
    .replace(/[`*"“”_]/g, " ")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[,.;:]+|[,.;:]+$/g, "")
    .trim();
}

function lastWord(phrase: string): string {
  const w = contentWords(phrase);
  return singularWord(w[w.length - 1] ?? "");
}

/** Splits "a, b and c" at commas and coordinators outside parentheses. */
export function splitCoordination(phrase: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  const flush = () => {
    const t = cur.trim();
    if (t) out.push(t);
    cur = "";
  };
  const tokens = phrase.split(/(\s+|,|;|\(|\))/);
  for (const tok of tokens) {
    if (tok === "(") depth++;
    if (tok === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (tok === "," || tok === ";")) {
      flush();
      continue;
    }
    if (depth === 0 && /^(?:and|or|and\/or|&)$/i.test(tok)) {
      flush();
      continue;
    }
    cur += tok;
  }
  flush();
  return out.filter((s) => splitWords(s).length > 0);
}

/** Normalised phrase for pin look-ups. */
export function pinKey(phrase: string): string {
  return normalizePhrase(phrase);
}
