import type { PenultConfig } from "../config/types.js";
import type { Statement } from "../statements/types.js";
import type { Contribution, TypeSpec } from "./draft.js";
import type { PrimitiveName } from "./types.js";
import { applyPinnedName, normalizePhrase, splitWords, toMemberName, toTypeName } from "./naming.js";
import { readCodeDeclarations, type CodeType } from "./read-code.js";
import { primitiveFor, primitiveOf } from "./primitive-for.js";
import { readDefinition, type DeclaredField, type MatchEntity } from "./read-definition.js";
import { key, type KnownTerms } from "./resolve-phrase.js";
import { ENTITY_HEADING, EXAMPLE_HEADING, GLOSSARY_HEADING, VALUE_NOUNS } from "./vocabulary.js";

/** Type names of code that are primitives of the model. */
const CODE_PRIMITIVES: Record<string, PrimitiveName> = {
  str: "string", string: "string", char: "string", text: "string", int: "integer", integer: "integer", i32: "integer",
  i64: "integer", u32: "integer", u64: "integer", long: "integer", short: "integer", usize: "integer", float: "number",
  f32: "number", f64: "number", double: "number", number: "number", decimal: "number", bool: "boolean",
  boolean: "boolean", none: "void", void: "void", "()": "void", unit: "void", datetime: "datetime", date: "date",
  uuid: "uuid", bytes: "binary", "[]byte": "binary", any: "string", object: "string", dict: "string", map: "string",
};

/**
 * Pass 1, declarations (docs/model.md "Declarations"): glossaries, Key Entities and other
 * data-model sections bind names before any requirement is read, the way a compiler's binder
 * gives every declaration a symbol before the checker resolves references. Their fields,
 * identities, relations and value lists become the data model; every element they make is traced
 * to the declaring statement.
 */

export interface Declarations {
  known: KnownTerms;
  /**
   * The terms as a statement of `file` reads them: the declared data model is authoritative in the
   * folder that declares it and the folders below (docs/model.md "Declarations are the data model").
   */
  knownFor: (file: string) => KnownTerms;
  /** Contributions of each declaring statement, by statement id. */
  contributions: Map<string, Contribution[]>;
  /** Ids of the statements read as declarations (they are not requirements). */
  declaring: Set<string>;
}

/** A term and its definition, as one declaring statement writes them. */
interface Declared {
  statement: Statement;
  term: string;
  definition: string;
  name: string;
  aliases: string[];
}

/** Term shapes that are labels, not names: "A-001", "FR-003", "SC-2", "Q1". */
const LABEL_TERM = /^[A-Z]{1,4}[-_ ]?\d+[a-z]?$|^\d/;

export function readDeclarations(options: { statements: readonly Statement[]; config: PenultConfig }): Declarations {
  const { statements, config } = options;
  const pins = new Map<string, string>();
  for (const [phrase, name] of Object.entries(config.names ?? {})) {
    if (typeof name !== "string" || name.trim() === "") continue;
    pins.set(normalizePhrase(phrase), name.trim());
    const k = key(splitWords(phrase));
    if (k && !pins.has(k)) pins.set(k, name.trim());
  }
  const glossaryFiles = new Set<string>();
  const byFile = new Map<string, Statement[]>();
  for (const st of statements) byFile.set(st.file, [...(byFile.get(st.file) ?? []), st]);
  for (const [file, list] of byFile) {
    const base = file.split("/").pop()!.replace(/\.[^.]+$/, "");
    if (GLOSSARY_HEADING.test(base.replace(/[-_]/g, " ")) || ENTITY_HEADING.test(base.replace(/[-_]/g, " ")) || list.every((s) => s.kind === "glossary")) glossaryFiles.add(file);
  }

  // Bind every term first, so definitions can refer to terms declared after them.
  const declared: Declared[] = [];
  // "**BudgetConfig**" followed by "- Fields:" and "- `forecasted_income` (number): ...": an entity
  // named by the list's label, its fields and doc in the list.
  const labelled = new Map<string, Statement[]>();
  for (const st of statements) {
    const name = labelledEntity(st);
    if (name) labelled.set(name, [...(labelled.get(name) ?? []), st]);
  }
  const entityByKey = new Map<string, string>();
  const bind = (k: string, name: string) => {
    if (k && !entityByKey.has(k)) entityByKey.set(k, name);
  };
  for (const st of statements) {
    if (labelledEntity(st)) continue;
    const parsed = termOf(st, glossaryFiles);
    if (!parsed) continue;
    const [main, ...alts] = parsed.term.split(/\s*\/\s*/);
    const words = splitWords(main!);
    if (words.length === 0 || words.length > 5) continue;
    const pinned = pins.get(normalizePhrase(main!)) ?? pins.get(key(words));
    const name = pinned ? applyPinnedName(pinned, "type", "Entity") : toTypeName([...words.slice(0, -1), singular(words[words.length - 1]!)], "Entity");
    const aliases = [...alts, ...(parsed.acronym ? [parsed.acronym] : []), ...aliasesIn(parsed.definition)];
    declared.push({ statement: st, term: main!, definition: parsed.definition, name, aliases });
  }
  for (const d of declared) bind(key(splitWords(d.term)), d.name);
  for (const name of labelled.keys()) bind(key(splitWords(name)), toTypeName(splitWords(name), "Entity"));
  for (const d of declared) for (const a of d.aliases) bind(key(splitWords(a)), d.name);
  for (const [phrase, name] of pins) if (/^[A-Z]/.test(name)) bind(key(splitWords(phrase)), applyPinnedName(name, "type", "Entity"));

  const matchEntity: MatchEntity = (words, i) => {
    for (let len = Math.min(4, words.length - i); len >= 1; len--) {
      const hit = entityByKey.get(key(words.slice(i, i + len)));
      if (hit) return { name: hit, length: len };
    }
    return undefined;
  };

  const fieldByKey = new Map<string, { entity: string; field: string }>();
  const keys = new Map<string, { name: string; type: PrimitiveName }>();
  const fieldsOf = new Map<string, Set<string>>();
  const member = (entity: string, name: string) => fieldsOf.set(entity, (fieldsOf.get(entity) ?? new Set()).add(name));
  const enums = new Map<string, string>();
  const contributions = new Map<string, Contribution[]>();
  const declaring = new Set<string>();
  const values = new Set<string>();
  // Values first: a term defined as a value of another entity is a field of it, not an entity.
  const definitions = declared.map((d) => ({ d, def: readDefinition({ term: d.term, termName: d.name, definition: d.definition, matchEntity }) }));
  for (const { d, def } of definitions) {
    const words = splitWords(d.term);
    const head = singular(words[words.length - 1]!);
    const owner = def.valueOfEntity;
    if (owner && (VALUE_NOUNS.has(head) || words.length <= 2) && owner !== d.name) {
      values.add(d.name);
      fieldByKey.set(key(words), { entity: owner, field: fieldNameOf(words) });
    }
  }
  for (const k of [...entityByKey.keys()]) if (values.has(entityByKey.get(k)!)) entityByKey.delete(k);
  // A term the requirements use as their subject ("THE Kiro_Worker SHALL") whose definition states no
  // data (no fields, relations or identity) is a part of the system: its line documents a component.
  const subjects = new Set(statements.filter((s) => s.kind.startsWith("ears-") && s.ears?.subject).map((s) => key(splitWords(s.ears!.subject))));
  const parts = new Set(
    definitions.filter(({ d, def }) => subjects.has(key(splitWords(d.term))) && def.fields.length === 0 && def.relations.length === 0 && !def.key).map(({ d }) => d.name),
  );
  for (const k of [...entityByKey.keys()]) if (parts.has(entityByKey.get(k)!)) entityByKey.delete(k);

  for (const { d, def } of definitions) {
    const st = d.statement;
    declaring.add(st.id);
    const words = d.definition.length > 160 ? d.definition.slice(0, 157) + "..." : d.definition;
    const origin = (rule: string, w: string = words) => ({ source: st.id, rule, words: w });
    const list: Contribution[] = [];
    if (parts.has(d.name)) {
      list.push({ ...origin("declarations/component"), kind: "component", name: d.name, explicit: true, ...(def.doc ? { doc: def.doc } : {}) });
      contributions.set(st.id, list);
      continue;
    }
    if (values.has(d.name)) {
      const v = fieldByKey.get(key(splitWords(d.term)))!;
      list.push({ ...origin("declarations/value-of"), kind: "entity", name: v.entity, declared: true });
      list.push({ ...origin("declarations/value-of"), kind: "field", entity: v.entity, field: { name: v.field, type: { kind: "primitive", name: primitiveForValue(splitWords(d.term), d.definition) }, optional: false } });
      contributions.set(st.id, list);
      continue;
    }
    list.push({ ...origin("declarations/entity"), kind: "entity", name: d.name, declared: true, ...(def.doc ? { doc: def.doc } : {}), ...(def.key ? { key: def.key.name } : {}) });
    if (def.key) {
      list.push({ ...origin("declarations/identity", def.key.text), kind: "field", entity: d.name, field: fieldSpec(d.name, def.key) });
      if (!keys.has(d.name)) keys.set(d.name, { name: def.key.name, type: def.key.type === "list" ? "string" : def.key.type });
    }
    for (const f of def.fields) {
      if (f.values) {
        list.push({ ...origin("declarations/value-list", f.text), kind: "enum", name: enumName(d.name, f), values: f.values });
        if (!enums.has(`${d.name}.${f.name}`)) enums.set(`${d.name}.${f.name}`, enumName(d.name, f));
      }
      list.push({ ...origin("declarations/field", f.text), kind: "field", entity: d.name, field: fieldSpec(d.name, f) });
    }
    for (const r of def.relations) {
      if (values.has(r.target)) continue;
      list.push({ ...origin("declarations/relation", r.text), kind: "relation", entity: d.name, name: r.name, target: r.target, cardinality: r.cardinality });
    }
    for (const c of list) {
      if (c.kind === "field") member(c.entity, c.field.name);
      if (c.kind === "relation") member(c.entity, c.name);
    }
    contributions.set(st.id, list);
  }
  for (const v of fieldByKey.values()) member(v.entity, v.field);
  for (const [label, list] of labelled) {
    const name = toTypeName(splitWords(label), "Entity");
    let first = true;
    for (const st of list) {
      declaring.add(st.id);
      const origin = (rule: string) => ({ source: st.id, rule, words: st.text.length > 160 ? st.text.slice(0, 157) + "..." : st.text });
      const out: Contribution[] = [];
      const line = /^\s*`?([A-Za-z_][\w .-]{0,60}?)`?\s*(?:\(([^)]*)\))?\s*(?::\s*(.*))?$/s.exec(st.text);
      const inFields = (st.labels ?? []).slice(1).some((l) => /^(?:fields|attributes|properties|columns|schema|data)$/i.test(l.trim()));
      if (first) out.push({ ...origin("declarations/entity"), kind: "entity", name, declared: true });
      first = false;
      if (inFields && line) {
        const words = splitWords(line[1]!);
        if (words.length > 0 && words.length <= 5) {
          const paren = (line[2] ?? "").toLowerCase();
          const type: TypeSpec = /\b(?:array|list)\b/.test(paren)
            ? { kind: "list", of: { kind: "primitive", name: "string" } }
            : { kind: "primitive", name: paren ? primitiveOf(paren.split(/[ ,]/)[0]!) : primitiveFor(words) };
          const fname = toTypeName(words, "Value").replace(/^./, (c) => c.toLowerCase());
          out.push({ ...origin("declarations/field"), kind: "entity", name, declared: true });
          out.push({ ...origin("declarations/field"), kind: "field", entity: name, field: { name: fname, type, optional: /optional|nullable/.test(paren) } });
          member(name, fname);
        }
      } else if (line && /^(?:purpose|description|summary|definition)$/i.test(line[1]!.trim()) && line[3]) {
        out.push({ ...origin("declarations/entity"), kind: "entity", name, declared: true, doc: line[3].trim() });
      }
      contributions.set(st.id, [...(contributions.get(st.id) ?? []), ...out]);
    }
  }
  // Interfaces, abstract classes and traits written in code (outside examples) declare components.
  let coded = false;
  for (const st of statements) {
    if (st.kind !== "code" || !st.code) continue;
    const example = [...st.headingPath, ...(st.labels ?? [])].some((h) => EXAMPLE_HEADING.test(h));
    declaring.add(st.id);
    if (example) continue;
    const list = contributions.get(st.id) ?? [];
    for (const iface of readCodeDeclarations(st.code.text, st.code.language)) {
      coded = true;
      const name = toTypeName(splitWords(iface.name), "Component");
      const words = (w: string) => ({ source: st.id, rule: "declarations/code", words: w });
      list.push({ ...words(`${iface.name}`), kind: "component", name, explicit: true, interfaceName: iface.name.replace(/[^A-Za-z0-9]/g, "") || name });
      for (const m of iface.methods) {
        const typeOf = (t: CodeType | undefined): TypeSpec => {
          if (!t) return { kind: "primitive", name: "string" };
          const prim = CODE_PRIMITIVES[t.name.toLowerCase()];
          let base: TypeSpec;
          if (prim) base = { kind: "primitive", name: prim };
          else {
            const ename = toTypeName(splitWords(t.name), "Entity");
            list.push({ ...words(t.name), rule: "declarations/code-type", kind: "entity", name: ename, declared: true });
            bind(key(splitWords(t.name)), ename);
            base = { kind: "entity", name: ename };
          }
          return t.list ? { kind: "list", of: base } : base;
        };
        list.push({
          ...words(`${iface.name}.${m.name}(${m.params.map((p) => p.name).join(", ")})`),
          kind: "operation",
          component: name,
          role: "api",
          name: toMemberName(splitWords(m.name), "operation"),
          verb: splitWords(m.name)[0] ?? m.name,
          params: m.params.map((p) => ({ name: toMemberName(splitWords(p.name), "value"), type: typeOf(p.type), optional: p.type?.optional ?? false })),
          returns: m.returns ? typeOf(m.returns) : { kind: "primitive", name: "void" },
          async: true,
          actors: [],
          errors: [],
          effects: [],
          declared: true,
        });
      }
    }
    contributions.set(st.id, list);
  }
  // Folders with a declared entity (not only values): their data model is authoritative there and below.
  const folderOf = (file: string) => file.split("/").slice(0, -1).join("/");
  const entityDeclaring = new Set<string>();
  for (const d of declared) if (!values.has(d.name) && !parts.has(d.name)) entityDeclaring.add(d.statement.id);
  for (const list of labelled.values()) for (const st of list) entityDeclaring.add(st.id);
  const declaredFolders = new Set(statements.filter((s) => entityDeclaring.has(s.id) || (s.kind === "code" && coded && contributions.get(s.id)?.length)).map((s) => folderOf(s.file)));
  const base: KnownTerms = { entityByKey, fieldByKey, pins, keys, enums, fieldsOf, authoritative: false };
  const strict: KnownTerms = { ...base, authoritative: true };
  const byFolder = new Map<string, KnownTerms>();
  const knownFor = (file: string): KnownTerms => {
    const folder = folderOf(file);
    let k = byFolder.get(folder);
    if (!k) {
      k = [...declaredFolders].some((d) => d === "" || folder === d || folder.startsWith(d + "/")) ? strict : base;
      byFolder.set(folder, k);
    }
    return k;
  };
  return { known: declaredFolders.size > 0 ? strict : base, knownFor, contributions, declaring };
}

/** The entity a labelled list in a data-model section declares ("**BudgetConfig**" above "- Fields:"), if any. */
function labelledEntity(st: Statement): string | undefined {
  const labels = st.labels ?? [];
  if (labels.length === 0 || !st.headingPath.some((h) => ENTITY_HEADING.test(h))) return undefined;
  const name = labels[0]!.replace(/[*`]/g, "").trim();
  const words = splitWords(name);
  if (words.length === 0 || words.length > 4 || /^(?:fields|attributes|properties|columns|key entities|entities)$/i.test(name)) return undefined;
  return name;
}

/** The term and definition of a declaring statement, or undefined when it declares nothing. */
function termOf(st: Statement, glossaryFiles: ReadonlySet<string>): { term: string; definition: string; acronym?: string } | undefined {
  const inDataSection = st.headingPath.some((h) => ENTITY_HEADING.test(h) || GLOSSARY_HEADING.test(h));
  let term: string | undefined;
  let definition: string | undefined;
  if (st.glossary && (inDataSection || glossaryFiles.has(st.file))) {
    term = st.glossary.term;
    definition = st.glossary.definition;
  } else if (inDataSection && st.kind !== "scenario") {
    const m = /^\s*([A-Za-z][\w '&/.-]{0,60}?(?:\s*\([^)]{0,60}\))?)\s*(?::|\s[—–-]\s)\s*(.*)$/s.exec(st.text);
    if (m) {
      term = m[1]!;
      definition = m[2]!;
    }
  }
  if (term === undefined || definition === undefined) return undefined;
  const acronym = /\(([A-Z][A-Z0-9]{1,6})\)/.exec(term)?.[1];
  term = term.replace(/\s*\([^)]*\)\s*/g, " ").replace(/[*`]/g, "").trim();
  if (!term || LABEL_TERM.test(term)) return undefined;
  return { term, definition, ...(acronym ? { acronym } : {}) };
}

/** "also called basket", "aka basket", "(or basket)": other names of the term. */
function aliasesIn(definition: string): string[] {
  const out: string[] = [];
  for (const m of definition.matchAll(/\b(?:also\s+(?:called|known\s+as|referred\s+to\s+as)|aka|a\.k\.a\.?|synonyms?:?)\s+["“']?([^,.;"”')]+)/gi)) {
    for (const part of m[1]!.split(/\s+or\s+|\s*\/\s*/)) if (part.trim()) out.push(part.trim());
  }
  return out;
}

function fieldSpec(entity: string, f: DeclaredField): { name: string; type: TypeSpec; optional: boolean } {
  let type: TypeSpec;
  if (f.values) type = { kind: "enum", name: enumName(entity, f) };
  else if (f.type === "list") type = { kind: "list", of: { kind: "primitive", name: "string" } };
  else type = { kind: "primitive", name: f.type };
  return { name: f.name, type, optional: f.optional };
}

function enumName(entity: string, f: DeclaredField): string {
  const words = splitWords(f.name);
  const entityWords = splitWords(entity);
  // "Order" + "status" -> OrderStatus; "Sale" + "saleState" -> SaleState (no doubled words).
  const tail = words[0] === entityWords[entityWords.length - 1] ? words.slice(1) : words;
  return toTypeName([...entityWords, ...tail], "Kind");
}

function fieldNameOf(words: string[]): string {
  return toTypeName(words, "Value").replace(/^./, (c) => c.toLowerCase());
}

function primitiveForValue(words: string[], definition: string): "integer" | "number" | "string" | "boolean" | "date" | "datetime" {
  if (/\b(?:number of|count of|how many)\b/i.test(definition)) return "integer";
  if (/\b(?:amount|price|sum|total|rate|score|percentage|\d+\s*-\s*\d+|star)\b/i.test(definition)) return "number";
  if (/\b(?:whether|flag|true|false)\b/i.test(definition)) return "boolean";
  const last = words[words.length - 1] ?? "";
  if (/date|day/.test(last)) return "date";
  if (/time|at$/.test(last)) return "datetime";
  if (/level|count|quantity/.test(last)) return "integer";
  return "string";
}

function singular(word: string): string {
  return splitWords(word).length === 1 ? key([word]) : word;
}
