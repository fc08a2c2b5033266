import type { PrimitiveName } from "./types.js";
import { isPluralWord, singularWord, splitWords } from "./naming.js";
import { contentWords, fieldName, splitCoordination } from "./resolve-phrase.js";
import { primitiveFor } from "./primitive-for.js";
import { VALUE_NOUNS } from "./vocabulary.js";

/**
 * Reads the definition of a declared term (a glossary line, a Key Entities bullet): its identity,
 * its fields, the declared entities it refers to, and whether it is a value of another entity
 * rather than an entity (docs/model.md "Declarations"). Pure: depends on the text and on the set of
 * declared names only.
 */

export interface DeclaredField {
  name: string;
  words: string[];
  type: PrimitiveName | "list";
  optional: boolean;
  /** Allowed values ("state (open, confirmed, paid)"): the field becomes an enum. */
  values?: string[];
  /** The definition's words for it. */
  text: string;
}

export interface DeclaredRelation {
  name: string;
  target: string;
  cardinality: "one" | "many";
  text: string;
}

export interface Definition {
  /** First sentence, for doc comments. */
  doc?: string;
  /** "identified by its ISBN" -> the field that identifies it. */
  key?: DeclaredField;
  fields: DeclaredField[];
  relations: DeclaredRelation[];
  /** The definition says the term is a value ("A 1-5 star value associated with a recipe"): of which entity. */
  valueOfEntity?: string;
}

/** Finds a declared entity named by the words starting at `i`: its name and how many words it spans. */
export type MatchEntity = (words: readonly string[], i: number) => { name: string; length: number } | undefined;

/** Words after which a definition lists attributes. */
const LIST_TRIGGER =
  /\b(?:containing|contains|contain|with|has|have|having|includes|including|include|carries|carrying|holds|holding|tracking|tracks|stores|storing|records|recording|shows|showing|lists|listing|comprises|consisting of|consists of|made of|attributes|fields|properties|columns|such as)\b\s*:?\s*/gi;

/** Words that end the head phrase of a definition. */
const HEAD_END = /[,;:]|\b(?:who|that|which|whose|where|when|used|representing|parsed|identified|with|containing|including|includes|has|have|having|carries|tracking|showing)\b/i;

/** Value words a definition's head may use to say the term is a value: "the number of copies", "a 1-5 star value". */
const VALUE_HEADS = new Set(["value", "number", "count", "amount", "score", "rating", "flag", "date", "time", "level", "quantity", "percentage", "total", "sum"]);

export function readDefinition(options: { term: string; termName: string; definition: string; matchEntity: MatchEntity }): Definition {
  const { definition, matchEntity, termName } = options;
  const text = definition.replace(/[*`_]/g, "").replace(/\s+/g, " ").trim();
  const out: Definition = { fields: [], relations: [] };
  const first = text.split(/(?<=[.!?])\s+(?=[A-Z])/)[0]?.trim();
  if (first) out.doc = first.length > 200 ? first.slice(0, 197) + "..." : first;

  // Identity: "identified by its ISBN", "identified by an email address", "Identified by its own id".
  const id = /\bidentified by (?:its own |its |their |an? |the )?([A-Za-z][\w -]*?)(?=[,.;]|\s+(?:and|with|which|that|;)\b|$)/i.exec(text);
  if (id) {
    const words = contentWords(id[1]!);
    if (words.length > 0 && words.length <= 3) out.key = field(words, id[0]!, words.join(" ") === "id" ? "uuid" : undefined);
  }

  // The head phrase: "the books a customer has chosen", "a confirmed purchase of the books in a cart".
  const headText = text.split(/(?<=[.!?])\s/)[0]!.split(HEAD_END)[0] ?? "";
  const headWords = splitWords(headText);
  const isValue = headWords.slice(0, 6).some((w, i) => VALUE_HEADS.has(w) && (i === 0 || !["of"].includes(headWords[i - 1]!)))
    && headWords.slice(0, 6).findIndex((w) => VALUE_HEADS.has(w)) <= 4;
  for (const rel of mentions(headWords, matchEntity, termName)) {
    if (isValue && out.valueOfEntity === undefined) out.valueOfEntity = rel.target;
    else if (!isValue) out.relations.push({ ...rel, text: headText.trim() });
  }
  // "associated with a recipe", "linked to", "belongs to", "within a recipe": the owner of a value.
  if (isValue && out.valueOfEntity === undefined) {
    const owner = /\b(?:associated with|linked to|belongs? to|of|for|within|on)\s+(?:an?|the|each|every|one)?\s*([A-Za-z][\w -]*)/i.exec(text);
    if (owner) {
      const words = splitWords(owner[1]!);
      for (let i = 0; i < words.length && out.valueOfEntity === undefined; i++) {
        const m = matchEntity(words, i);
        if (m && m.name !== termName) out.valueOfEntity = m.name;
      }
    }
  }

  // Attribute lists; a definition that is only a list ("id, name, address, createdAt") is one.
  const seen = new Set<string>(out.key ? [out.key.name] : []);
  const pure = isPureList(first ?? "") ? [first!.replace(/[.;]\s*$/, "")] : [];
  for (const region of [...pure, ...listRegions(text)]) {
    for (const item of splitItems(region)) {
      for (const f of readItem(item, matchEntity, termName)) {
        if ("target" in f) {
          if (!out.relations.some((r) => r.name === f.name)) out.relations.push(f);
        } else if (!seen.has(f.name)) {
          seen.add(f.name);
          out.fields.push(f);
        }
      }
    }
  }
  return out;
}

/** "id, name, address (nullable), createdAt": three or more short items and nothing else. */
function isPureList(sentence: string): boolean {
  const items = splitCoordination(sentence.replace(/[.;]\s*$/, ""));
  return items.length >= 3 && items.every((i) => i.replace(/\([^)]*\)/g, "").trim().split(/\s+/).length <= 3);
}

/** Text after each list trigger, up to the end of its sentence. */
function listRegions(text: string): string[] {
  const out: string[] = [];
  const sentences = text.split(/(?<=[.!?])\s+/);
  for (const s of sentences) {
    // "Attributes: name (unique), ..." and "what the customer is buying: the customer, ..."
    const colon = /:\s*(.+)$/.exec(s);
    if (colon && !/\b(?:e\.g|i\.e)\b/i.test(s.slice(0, colon.index))) out.push(colon[1]!);
    LIST_TRIGGER.lastIndex = 0;
    for (const m of s.matchAll(LIST_TRIGGER)) {
      const rest = s.slice(m.index! + m[0].length);
      if (colon && m.index! > colon.index!) continue;
      // "has chosen", "have been": a perfect tense, not a list of attributes.
      if (/^(?:has|have|having)$/i.test(m[0].trim()) && /^(?:\w+(?:ed|en)|been|bought|made|done|seen|got|gotten|had|left|kept|sold|paid)\b/i.test(rest)) continue;
      out.push(rest);
    }
  }
  return out.map((r) => r.replace(/[.;]\s*$/, "").trim()).filter((r) => r.length > 0);
}

/** Items of a list region, cut at the first clause that is not part of the list. */
function splitItems(region: string): string[] {
  // A verb phrase after the list ends it: "... and can be applied to multiple recipes".
  const stop = /\b(?:can|could|will|must|should|may|is|are|was|were|used|using|to enable|so that|in order to|which|that are|linked to|cached|versioned|persistently|representing)\b/i;
  const items = splitCoordination(region);
  const out: string[] = [];
  for (const item of items) {
    const cut = item.split(stop)[0]!.trim();
    if (cut) out.push(item.includes("(") && !cut.includes("(") ? cut + " " + item.slice(item.indexOf("(")) : cut);
    if (cut !== item.trim() && !/\(/.test(item.slice(cut.length))) break;
  }
  return out;
}

const TYPE_WORDS: Record<string, PrimitiveName | "list"> = {
  number: "number", decimal: "number", float: "number", double: "number", monetary: "number", money: "number",
  currency: "number", percentage: "number", percentages: "number", percent: "number", integer: "integer",
  int: "integer", count: "integer", boolean: "boolean", bool: "boolean", date: "date", datetime: "datetime",
  timestamp: "datetime", time: "datetime", string: "string", text: "string", uuid: "uuid", array: "list",
  list: "list", duration: "duration",
};

function readItem(item: string, matchEntity: MatchEntity, termName: string): (DeclaredField | DeclaredRelation)[] {
  const paren = /\(([^)]*)\)/.exec(item)?.[1] ?? "";
  let bare = item.replace(/\([^)]*\)?/g, " ").replace(/\s+/g, " ").trim();
  // "required fields (date, amount)" / "optional fields (account)": the parenthesis is the list.
  if (/\b(?:fields|attributes|columns|properties)$/i.test(bare) && paren) {
    const optional = /\boptional\b/i.test(bare);
    return splitCoordination(paren).flatMap((p) => readItem(optional ? `optional ${p}` : p, matchEntity, termName));
  }
  if (/^(?:how|why|what|when|where|e\.g|etc|i\.e)\b/i.test(bare)) return [];
  // "whether tax is included" -> taxIncluded: boolean
  const whether = /^whether (?:the |a |an |it |they )?(.+?) (?:is|are|was|were|has been|have been|can|may) (?:\w+ )?(\w+)$/i.exec(bare);
  if (whether) {
    const words = [...splitWords(whether[1]!), ...splitWords(whether[2]!)].slice(-4);
    return words.length > 0 ? [{ name: fieldName(words), words, type: "boolean", optional: false, text: item }] : [];
  }
  const optional = /\b(?:optional|nullable|if\s+\w+|when\s+\w+|absent)\b/i.test(item) || /^optional\b/i.test(bare);
  bare = bare.replace(/^(?:optional|required|mandatory)\s+/i, "");
  // "totals of payments": the field is the head; "date of birth" keeps its head.
  // An identifier ("createdAt", "source_url") is its own words; prose is read as a noun phrase.
  const words = /^[A-Za-z_][A-Za-z0-9_]*$/.test(bare) ? splitWords(bare) : contentWords(bare.split(/\s+of\s+/i)[0]!);
  if (words.length === 0 || words.length > 4) return [];
  const whole = splitWords(bare);
  // A declared entity named by the item is a relation ("the customer", "its lines" -> SaleLine?).
  for (let i = 0; i < whole.length; i++) {
    const m = matchEntity(whole, i);
    if (m && m.name !== termName && i + m.length === whole.length) {
      const last = whole[whole.length - 1]!;
      const many = isPluralWord(last);
      const name = fieldName(many ? [...words.slice(0, -1), last] : words);
      return [{ name: many ? pluralName(name) : name, target: m.name, cardinality: many ? "many" : "one", text: item }];
    }
  }
  const head = singularWord(words[words.length - 1]!);
  let type: PrimitiveName | "list" | undefined;
  let values: string[] | undefined;
  for (const part of paren.split(/\s*[,;]\s*/)) {
    const t = TYPE_WORDS[part.trim().toLowerCase().split(/\s+/)[0] ?? ""];
    if (t && type === undefined) type = t;
  }
  const options = paren.replace(/^\s*(?:enum|values?|one of)\s*:?\s*/i, "");
  const listed = options.split(/\s*(?:,|\/|\||\bor\b)\s*/).map((v) => v.trim()).filter(Boolean);
  if (listed.length >= 2 && listed.every((v) => /^[A-Za-z][\w -]{0,30}$/.test(v) && v.split(/\s+/).length <= 3) && !listed.some((v) => TYPE_WORDS[v.toLowerCase()])) {
    if (["status", "state", "type", "kind", "mode", "category", "level", "stage", "phase", "role", "tier", "priority", "method"].includes(head) || listed.length >= 3) {
      values = listed.map((v) => v.split(/\s+/)[0]!.toLowerCase());
    }
  }
  if (!VALUE_NOUNS.has(head) && words.length === 1 && isPluralWord(words[0]!) && type === undefined) type = "list";
  const f = field(words, item, type === "list" ? "list" : type);
  if (values && values.length >= 2) f.values = [...new Set(values)];
  f.optional = optional;
  return [f];
}

function field(words: string[], text: string, type?: PrimitiveName | "list"): DeclaredField {
  return { name: fieldName(words), words, type: type ?? primitiveFor(words), optional: false, text: text.trim() };
}

function pluralName(name: string): string {
  return /s$/.test(name) ? name : name.endsWith("y") && !/[aeiou]y$/.test(name) ? name.slice(0, -1) + "ies" : name + "s";
}

/** Declared entities mentioned in a run of words, each once, in order. */
function mentions(words: readonly string[], matchEntity: MatchEntity, termName: string): { name: string; target: string; cardinality: "one" | "many" }[] {
  const out: { name: string; target: string; cardinality: "one" | "many" }[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = matchEntity(words, i);
    if (!m || m.name === termName || out.some((r) => r.target === m.name)) continue;
    const last = words[i + m.length - 1]!;
    const many = isPluralWord(last);
    const base = fieldName(words.slice(i, i + m.length));
    out.push({ name: many ? pluralName(base) : base, target: m.name, cardinality: many ? "many" : "one" });
    i += m.length - 1;
  }
  return out;
}
