import { findNounChunks, readNounPhrase } from "../nlp/read-noun-phrase.js";
import type { NounChunk, Token } from "../nlp/types.js";
import type { Facts } from "./types.js";
import { guessFieldType } from "./guess-field-type.js";
import { isGenericSubject, POSSESSIVE_MARKS, singularise } from "./normalise-phrase.js";

export type FieldFact = Facts["fields"][number];

/** Verbs and prepositions after which a list names the owner's attributes. */
const HAVE_LEMMAS = new Set(["have", "contain", "include", "hold", "store", "capture", "carry", "comprise"]);
/** Verbs that list attributes only after "each/every X": "each order shows its date, total and status". */
const SHOW_LEMMAS = new Set(["list", "show", "display", "record", "track"]);
const WITH_WORDS = new Set(["with", "including", "includes", "containing"]);
const ATTRIBUTE_NOUNS = new Set(["attribute", "attributes", "field", "fields", "property", "properties", "column", "columns", "detail", "details", "information", "data", "info", "metadata", "value", "values"]);
const DROP = new Set(["a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "each", "every", "this", "that", "all", "any", "own", "core", "key", "following", "associated", "unique"]);
const NOT_FIELDS = new Set(["it", "them", "that", "this", "which", "etc", "e.g", "i.e", "more", "other", "others", "so on", "more"]);

export interface FindFieldsOptions {
  text: string;
  tokens: readonly Token[];
  from: number;
  to: number;
  /** Owner when the sentence has none of its own (a glossary term: "**Event**: title, date"). */
  owner?: string;
  /** Normalises a noun chunk to an entity name; personas allowed (a user has an email). */
  nameOf: (chunk: NounChunk) => string | undefined;
}

/** "createdAt" -> "created at", "stock_quantity" -> "stock quantity". */
export function splitIdentifier(word: string): string {
  return word
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[_]+/g, " ")
    .toLowerCase();
}

function fieldName(tokens: readonly Token[], from: number, to: number): { name: string; optional: boolean } | undefined {
  let optional = false;
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.lower === "optional") {
      optional = true;
      continue;
    }
    if (DROP.has(t.lower) || t.pos === "PUNCT" || t.pos === "DET" || t.pos === "NUM") continue;
    words.push(splitIdentifier(t.text));
  }
  // An attribute names something: at least one noun, proper noun or adjective.
  if (!tokens.slice(from, to).some((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "ADJ")) return undefined;
  let name = words.join(" ").replace(/\s+/g, " ").trim();
  if (!name || NOT_FIELDS.has(name) || !/[a-z]/.test(name)) return undefined;
  const parts = name.split(" ");
  if (parts.length > 5) return undefined;
  parts[parts.length - 1] = singularise(parts[parts.length - 1]!);
  name = parts.join(" ");
  return { name, optional };
}

/** Reads a parenthesis after a field: allowed values ("pending/approved"), "nullable"/"optional". */
function readParenthesis(tokens: readonly Token[], open: number, to: number): { end: number; values?: string[]; optional: boolean } | undefined {
  let close = -1;
  for (let idx = open + 1; idx < to; idx++) {
    if (tokens[idx]!.lower === ")") {
      close = idx;
      break;
    }
  }
  if (close < 0) return undefined;
  const inner = tokens
    .slice(open + 1, close)
    .map((t) => t.text)
    .join(" ")
    .replace(/\s*([/|])\s*/g, "$1")
    .replace(/^enum\s*:?\s*/i, "")
    .trim();
  const optional = /\b(?:nullable|optional)\b/i.test(inner);
  if (/^[A-Za-z][\w-]*(?:[/|][A-Za-z][\w-]*)+$/.test(inner)) return { end: close + 1, values: inner.split(/[/|]/).map((v) => v.toLowerCase()), optional };
  return { end: close + 1, optional };
}

/**
 * Reads a list of attribute phrases starting at i: "title, date, and location", "status
 * (pending/approved), notes". Parenthesised alternatives become allowed values. In a pure list (a
 * definition that is only attributes) an item runs to the next comma whatever its tags; otherwise
 * it stops at a verb or a function word.
 */
function readFieldList(tokens: readonly Token[], i: number, to: number, owner: string, out: FieldFact[], pureList = false): number {
  let k = i;
  for (;;) {
    while (k < to && /^(?:,|and|or)$/.test(tokens[k]!.lower)) k++;
    const start = k;
    while (k < to) {
      const w = tokens[k]!.lower;
      if (/^(?:,|;|\(|\)|\.|:|and|or)$/.test(w)) break;
      if (!pureList && (/^(?:for|to|that|which|who|when|if|so|in|on|from|by|via|per|with)$/.test(w) || (tokens[k]!.pos === "VERB" && k !== start))) break;
      k++;
    }
    if (k === start) break;
    // A leading verb means the list is over ("... and links to products").
    if (!pureList && tokens[start]!.pos === "VERB" && !/(?:ed|ing)$/.test(tokens[start]!.lower)) break;
    const item = fieldName(tokens, start, k);
    let values: string[] | undefined;
    let optional = item?.optional ?? false;
    if (tokens[k]?.lower === "(") {
      const paren = readParenthesis(tokens, k, to);
      if (!paren) break;
      values = paren.values;
      optional ||= paren.optional;
      k = paren.end;
    }
    if (item) {
      const f: FieldFact = { entity: owner, field: item.name };
      const type = values ? "string" : guessFieldType(item.name);
      if (type) f.type = type;
      if (optional) f.optional = true;
      if (values) f.values = values;
      out.push(f);
    }
    if (k >= to || !/^(?:,|and|or)$/.test(tokens[k]!.lower)) break;
  }
  return k;
}

/** True when tokens[from, to) is only a comma list of short items ("id, name, createdAt (nullable)"). */
function isPureList(tokens: readonly Token[], from: number, to: number): boolean {
  let depth = 0;
  let words = 0;
  let items = 1;
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.lower;
    if (w === "(") depth++;
    else if (w === ")") depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (w === "," || w === ";") {
      items++;
      words = 0;
    } else if (w === "." && k === to - 1) continue;
    else if (++words > 4) return false;
  }
  return items >= 2;
}

/** The first word of the noun phrase right before position p, lower case ("" when none). */
function ownerDeterminer(o: FindFieldsOptions, p: number): string {
  const chunks = findNounChunks(o.tokens, o.from, p);
  const last = chunks.at(-1);
  if (!last) return "";
  let gap = last.end;
  while (gap < p && (o.tokens[gap]!.pos === "AUX" || o.tokens[gap]!.pos === "ADV")) gap++;
  return gap === p ? o.tokens[last.start]!.lower : "";
}

/** The entity a list belongs to: the noun phrase right before position p, or the given owner. */
function ownerBefore(o: FindFieldsOptions, p: number): string | undefined {
  const chunks = findNounChunks(o.tokens, o.from, p);
  for (let c = chunks.length - 1; c >= 0; c--) {
    const ch = chunks[c]!;
    // Only a phrase that ends right before (allowing a modal/auxiliary) owns the list.
    let gap = ch.end;
    while (gap < p && (o.tokens[gap]!.pos === "AUX" || o.tokens[gap]!.pos === "ADV" || o.tokens[gap]!.pos === "PART")) gap++;
    if (gap !== p) break;
    const name = o.nameOf(ch);
    if (name && !isGenericSubject(name)) return name;
    break;
  }
  return o.owner;
}

/**
 * Attribute facts: "<entity> has/includes/with a <field>", "<entity>'s <field>", "each X shows A,
 * B and C", and glossary definitions that list attributes.
 */
export function findFields(o: FindFieldsOptions): FieldFact[] {
  const { tokens, from, to } = o;
  const out: FieldFact[] = [];
  // Possessives inside a phrase: "the user's email" -> user.email
  for (const ch of findNounChunks(tokens, from, to)) {
    for (let p = ch.start + 1; p < ch.end; p++) {
      if (!POSSESSIVE_MARKS.has(tokens[p]!.lower)) continue;
      const owner = o.nameOf({ start: ch.start, end: p, head: p - 1 });
      const field = fieldName(tokens, p + 1, ch.end);
      if (owner && field && !isGenericSubject(owner)) {
        const f: FieldFact = { entity: owner, field: field.name };
        const type = guessFieldType(field.name);
        if (type) f.type = type;
        out.push(f);
      }
    }
  }
  if (o.owner && isPureList(tokens, from, to)) {
    readFieldList(tokens, from, to, o.owner, out, true);
    return dedupe(out);
  }
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    // Asides in parentheses ("(composite key with eventId)") are not attribute lists.
    if (t.lower === "(") depth++;
    else if (t.lower === ")") depth = Math.max(0, depth - 1);
    if (depth > 0 || t.lower === ")") continue;
    let listAt = -1;
    if ((t.pos === "VERB" || t.pos === "AUX") && HAVE_LEMMAS.has(t.lemma)) listAt = i + 1;
    else if ((t.pos === "VERB" || t.pos === "NOUN") && SHOW_LEMMAS.has(t.lemma) && /^(?:each|every)$/.test(ownerDeterminer(o, i))) listAt = i + 1;
    else if (WITH_WORDS.has(t.lower)) listAt = i + 1;
    else if (t.lower === ":" && i > from && ATTRIBUTE_NOUNS.has(tokens[i - 1]!.lower)) listAt = i + 1;
    if (listAt < 0) continue;
    // "with attributes: a, b" / "has versioning fields: a, b"
    const np = readNounPhrase(tokens, listAt, to);
    if (np && ATTRIBUTE_NOUNS.has(tokens[np.head]!.lower) && tokens[np.end]?.lower === ":") listAt = np.end + 1;
    else if (np && ATTRIBUTE_NOUNS.has(tokens[np.head]!.lower) && tokens[np.end]?.lower === "like") listAt = np.end + 1;
    else if (tokens[listAt]?.lower === "attributes" || tokens[listAt]?.lower === "fields") continue;
    // In a definition the term owns every list ("Represents a product in an order with quantity, ...").
    let owner = o.owner ?? ownerBefore(o, i);
    if (t.lower === ":" && !o.owner) owner = ownerBefore(o, i - 1);
    // "each order shows ..." or a sentence with an implicit owner ("Has name, description").
    if (!owner) continue;
    const before = out.length;
    const end = readFieldList(tokens, listAt, to, owner, out);
    // A one-item "with" phrase is usually a relation or manner ("with a clear error message"), not a field.
    if (WITH_WORDS.has(t.lower) && out.length - before === 1 && !o.owner) out.length = before;
    if (end > i) i = end - 1;
  }
  return dedupe(out);
}

function dedupe(out: FieldFact[]): FieldFact[] {
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.entity}\u0000${f.field}`;
    if (seen.has(key) || f.field === f.entity) return false;
    seen.add(key);
    return true;
  });
}
