import type { PenultConfig } from "../config/types.js";
import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { Action, Constraint, Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import { nameEventWords, readFragmentAction, readWantAction } from "./name-event.js";
import {
  applyPinnedName,
  normalizePhrase,
  readConcept,
  splitWords,
  toMemberName,
  toPathSegment,
  toTypeName,
} from "./naming.js";
import { canonicalizeModel } from "./serialize-model.js";
import {
  MODEL_VERSION,
  type Actor,
  type Component,
  type Entity,
  type EnumType,
  type ErrorCase,
  type Event,
  type Field,
  type Interface,
  type Model,
  type Operation,
  type Param,
  type PrimitiveName,
  type QualityConstraint,
  type Relation,
  type StatementRef,
  type Subsystem,
  type TypeRef,
} from "./types.js";

export interface BuildModelOptions {
  statements: readonly Statement[];
  facts: readonly Facts[];
  config: PenultConfig;
}

/*
 * How statements become the model is documented for users in docs/model.md; the section names
 * there ("Structure", "Components", "Operations", ...) are referenced in comments below.
 *
 * The builder works in three passes so that the result never depends on input order:
 *   1. collect: walk statements sorted by id and gather concepts in accumulators keyed by their
 *      final name (so two phrases that name the same thing merge, sources accumulate);
 *   2. place: put every concept in the deepest subsystem that holds all its statements, resolve
 *      name collisions, assign ids;
 *   3. emit: turn accumulators into model elements, resolve type references to ids, canonicalise.
 */

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Subjects that name the system as a whole rather than a component ("THE system SHALL"). */
const GENERIC_SUBJECTS = new Set([
  "system", "the system", "application", "app", "software", "platform", "product", "tool", "solution",
  "service", "website", "site", "web site", "web app", "web application", "it",
]);

/** Verbs that carry no operation of their own ("allow users to ...", "be able to ..."). */
const LIGHT_VERBS = new Set([
  "be", "have", "do", "need", "want", "wish", "like", "allow", "enable", "let", "permit", "ensure", "help",
  "try", "able", "can", "use", "require", "include", "contain", "support", "consist", "remain", "become",
  "seem", "get to", "make sure", "should", "must", "shall", "will", "may", "would", "could", "take", "go",
  "know", "understand", "think", "feel", "hope", "love", "prefer", "expect", "happen", "keep", "stay",
]);

/** Verbs whose operation hands back the object ("get the order" -> Order). */
const RETURNING_VERBS = new Set([
  "get", "find", "fetch", "retrieve", "view", "see", "read", "load", "look", "lookup", "show", "display",
  "open", "access", "obtain", "download", "create", "generate", "build", "make", "produce", "compose", "draft",
  "construct", "derive", "infer", "extract", "parse", "compute", "calculate", "estimate", "translate",
  "convert", "transform", "synthesize", "synthesise", "render", "export", "preview", "inspect", "review",
  "identify", "recommend", "suggest", "predict", "resolve", "determine", "receive",
]);

/** Look-ups of one thing by its identity ("view the order" -> viewOrder(orderId)). */
const LOOKUP_VERBS = new Set(["get", "find", "fetch", "retrieve", "view", "see", "read", "load", "look", "lookup", "show", "display", "open", "access", "obtain", "download", "inspect", "review", "preview", "receive"]);

/** Verbs whose object is their output, not their input ("generate the architecture"). */
const PRODUCING_VERBS = new Set([
  "generate", "build", "make", "produce", "compose", "draft", "construct", "derive", "infer", "extract", "parse",
  "compute", "calculate", "estimate", "synthesize", "synthesise", "predict", "recommend", "suggest", "identify",
  "determine", "render", "export",
]);

/** Verbs whose operation hands back many ("browse events" -> Event[]). */
const LISTING_VERBS = new Set(["list", "search", "browse", "filter", "query", "sort", "explore", "discover", "enumerate", "scan"]);

/** Verbs whose operation answers yes or no. */
const BOOLEAN_VERBS = new Set(["check", "validate", "verify", "detect", "test", "match", "authenticate", "authorize", "authorise"]);

/** Verbs that do no I/O: their operations stay synchronous (docs/model.md "Operations"). */
const SYNC_VERBS = new Set([
  "calculate", "compute", "validate", "check", "verify", "format", "parse", "convert", "transform", "render",
  "display", "show", "highlight", "compare", "estimate", "translate", "detect", "match", "sort", "derive",
  "infer", "count", "sum", "round", "normalize", "normalise", "hash", "encode", "decode", "preview", "indicate",
]);

/** Prepositions whose complement becomes a parameter ("add an item to the cart" -> cart). */
const PARAM_PREPS = new Set(["to", "from", "into", "for", "with", "on", "in", "by", "at", "of", "as", "onto", "under", "about", "per"]);

/** Nouns that never become entities or parameters on their own. */
const NON_CONCEPTS = new Set([
  "system", "software", "solution", "website", "way", "time", "thing", "something", "anything", "everything", "nothing", "ability", "option", "feature",
  "functionality", "function", "capability", "process", "step", "part", "need", "use", "case", "end",
  "me", "i", "you", "we", "they", "them", "it", "he", "she", "us", "him", "one", "someone", "anyone",
  "everyone", "people", "lot", "kind", "sort", "type", "example", "reason", "purpose", "order to",
  "button", "click", "screen", "page", "link", "menu", "tab", "field", "view", "ui", "interface", "browser",
  "default", "requirement", "user story", "story", "scenario", "spec", "specification", "statement",
  "change", "update", "issue", "problem", "error", "failure", "success", "result", "response", "request",
  "support", "access", "mode", "state", "status", "level", "place", "manner", "fact", "information",
  "detail", "data", "content", "value", "number", "amount", "list", "minute",
  "second", "hour", "day", "week", "month", "year", "ms", "millisecond", "percent", "user interface",
]);

/** Statement kinds that state requirements: they make components, operations, events and fields. */
const REQUIREMENT_KINDS = new Set(["user-story", "ears-ubiquitous", "ears-event", "ears-state", "ears-unwanted", "ears-optional", "ears-complex", "shall", "chat"]);

/** Headings under which bullets declare entities (spec-kit "Key Entities", "Data Model", ...). */
const ENTITY_HEADING = /\b(?:key\s+)?entit(?:y|ies)\b|\bdata\s*model\b|\bdomain\s*model\b|\bdata\s+entities\b/i;

/** Words a title or file name may carry that say what kind of document it is, not what it is about. */
const GENERIC_TITLE_WORDS = new Set([
  "spec", "specs", "specification", "specifications", "requirement", "requirements", "document", "doc", "docs",
  "readme", "index", "stories", "statements", "statement", "feature", "features", "overview",
  "main", "prd", "srs", "notes", "draft", "brief",
]);

// ---------------------------------------------------------------------------------------------
// Accumulators (pass 1)

type TypeSpec =
  | { kind: "primitive"; name: PrimitiveName }
  /** An entity if the concept is admitted as one, else the fallback primitive. */
  | { kind: "concept"; name: string; fallback: PrimitiveName }
  | { kind: "enum"; name: string }
  | { kind: "event"; name: string }
  | { kind: "list"; of: TypeSpec };

interface Acc {
  name: string;
  sources: Set<string>;
  /** Subsystem path keys of the statements it came from. */
  paths: Set<string>;
  doc?: string;
}

interface MemberAcc {
  name: string;
  sources: Set<string>;
}

interface FieldAcc extends MemberAcc {
  type: TypeSpec;
  optional: boolean;
}

interface RelationAcc extends MemberAcc {
  cardinality: "one" | "many";
  target: string;
}

interface EntityAcc extends Acc {
  declared: boolean;
  /** Statements whose facts mention it. */
  mentions: Set<string>;
  /** Statements that gave it a field or used it as an operation's object. */
  strong: Set<string>;
  fields: Map<string, FieldAcc>;
  relations: Map<string, RelationAcc>;
}

interface ConstraintAcc extends MemberAcc {
  c: Constraint;
}

interface ErrorAcc extends MemberAcc {
  when: string;
}

interface OpAcc extends MemberAcc {
  params: Map<string, FieldAcc>;
  returns: TypeSpec;
  errors: Map<string, ErrorAcc>;
  async: boolean;
  actors: Set<string>;
  handles?: string;
  whileState?: string;
  feature?: string;
  constraints: ConstraintAcc[];
  /** Concept words of its object, for attaching errors by topic. */
  topic: string[];
}

type InterfaceRole = "api" | "handlers";

interface ComponentAcc extends Acc {
  explicit: boolean;
  interfaces: Map<InterfaceRole, Map<string, OpAcc>>;
  constraints: ConstraintAcc[];
  dependsOn: Set<string>;
}

interface EventAcc extends Acc {
  fields: Map<string, FieldAcc>;
}

interface EnumAcc extends Acc {
  values: Set<string>;
}

interface SubsystemAcc {
  path: string[];
  title: string;
  sources: Set<string>;
  constraints: ConstraintAcc[];
}

/** Where a statement sits: its subsystem and default component. */
interface Placement {
  pathKey: string;
  fileComponent: string;
  /** Component named by the statement itself (EARS subject) or inherited from its parent. */
  explicitComponent?: string;
}

// ---------------------------------------------------------------------------------------------

/**
 * Builds the traced architecture model from statements and their facts (docs/model.md).
 * Pure and deterministic: the same statements and facts give the same model whatever their order.
 */
export function buildModel(options: BuildModelOptions): { model: Model; diagnostics: Diagnostic[] } {
  return new ModelBuilder(options).build();
}

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly statements: Statement[];
  private readonly byId = new Map<string, Statement>();
  private readonly facts = new Map<string, Facts>();
  private readonly config: PenultConfig;

  private readonly pins = new Map<string, string>();
  private readonly glossary = new Map<string, string>();
  /** Glossary definitions by name, for doc comments. */
  private readonly glossaryDocs = new Map<string, string>();
  /** Concept keys of declared entities and glossary terms, for tail matching ("upcoming events" -> Event). */
  private readonly knownKeys = new Map<string, string>();
  /** Last word of each declared entity -> the declared names ending with it. */
  private readonly declaredHeads = new Map<string, Set<string>>();
  /** Files with a data-model section: their declarations are authoritative. */
  private readonly declaringFiles = new Set<string>();

  private readonly subsystems = new Map<string, SubsystemAcc>();
  private readonly components = new Map<string, ComponentAcc>();
  private readonly entities = new Map<string, EntityAcc>();
  private readonly events = new Map<string, EventAcc>();
  private readonly enums = new Map<string, EnumAcc>();
  private readonly actors = new Map<string, Acc>();
  /** Concept keys of the actors seen so far ("public user"). */
  private readonly actorKeys = new Set<string>();
  private readonly placement = new Map<string, Placement>();
  /** Operations each statement produced, for errors and constraints. */
  private readonly opsOf = new Map<string, OpAcc[]>();
  private readonly used = new Set<string>();
  private readonly pendingErrors: { st: Statement; component: string; when: string }[] = [];
  private readonly statedRelations: { from: string; to: string; words: string[]; cardinality: "one" | "many"; source: string }[] = [];
  private namesFixed = false;
  private readonly typeNames = new Map<string, string>();
  private readonly concepts = new Map<string, { name: string; words: string[]; plural: boolean } | undefined>();
  /** Files that hold at least one requirement statement; prose elsewhere in them is narrative. */
  private readonly requirementFiles = new Set<string>();

  constructor(options: BuildModelOptions) {
    this.config = options.config;
    const sorted = [...options.statements].sort(
      (a, b) => cmp(a.id, b.id) || cmp(a.file, b.file) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column,
    );
    this.statements = [];
    for (const st of sorted) {
      if (this.byId.has(st.id)) {
        this.diagnostics.push({
          code: "MODEL_DUPLICATE_STATEMENT_ID",
          severity: "warning",
          message: `statement id "${st.id}" is used twice (first in ${this.byId.get(st.id)!.file}); this one is left out of the model`,
          file: st.file,
          line: st.span.start.line,
          statement: st.id,
        });
        continue;
      }
      this.byId.set(st.id, st);
      this.statements.push(st);
    }
    for (const f of options.facts) if (!this.facts.has(f.id)) this.facts.set(f.id, f);
    for (const [phrase, name] of Object.entries(options.config.names ?? {})) {
      if (typeof name !== "string" || name.trim() === "") continue;
      this.pins.set(normalizePhrase(phrase), name.trim());
      const key = readConcept(phrase).words.join(" ");
      if (key && !this.pins.has(key)) this.pins.set(key, name.trim());
    }
  }

  build(): { model: Model; diagnostics: Diagnostic[] } {
    this.layOut();
    this.readGlossary();
    this.readDeclaredEntities();
    // From here on pins, glossary and declared entities are fixed, so names can be cached.
    this.namesFixed = true;
    for (const st of this.statements) if (REQUIREMENT_KINDS.has(st.kind) && st.kind !== "chat") this.requirementFiles.add(st.file);
    for (const st of this.statements) this.collect(st);
    this.attachPendingErrors();
    this.reportUnused();
    const model = this.emit();
    return { model, diagnostics: sortDiagnostics(this.diagnostics) };
  }

  // -------------------------------------------------------------------------------------------
  // Structure (docs/model.md "Structure")

  private layOut(): void {
    const roots = (this.config.statements ?? []).map(globPrefix).filter((p) => p !== undefined);
    const files = [...new Set(this.statements.map((s) => s.file))].sort(cmp);
    const common = commonDir(files);
    const byFile = new Map<string, Statement[]>();
    for (const st of this.statements) {
      const list = byFile.get(st.file) ?? [];
      list.push(st);
      byFile.set(st.file, list);
    }
    this.ensureSubsystem([], this.config.system ?? "");
    for (const file of files) {
      const sts = byFile.get(file)!;
      const root = roots.filter((r) => r === "" || file.startsWith(r + "/")).sort((a, b) => b.length - a.length)[0] ?? common;
      const rel = root === "" ? file : file.slice(root.length + 1);
      const dirs = rel.split("/").slice(0, -1);
      const folderPath: string[] = [];
      for (const d of dirs) {
        folderPath.push(toPathSegment(stripOrdinal(d)) || toPathSegment(d));
        this.ensureSubsystem([...folderPath], d);
      }
      const outermost = [...new Set(sts.map((s) => s.headingPath[0]).filter((h): h is string => h !== undefined))].sort(cmp);
      // A transcript's section titles are read from plain lines, not written as headings: they group
      // components, they do not nest subsystems.
      const chat = sts.every((s) => s.kind === "chat");
      const sections = outermost.length >= 2 && !chat;
      const base = baseName(file);
      const fileTitle =
        (!sections && outermost.length === 1 ? titleWords(outermost[0]!) : []).length > 0
          ? titleWords(outermost[0]!)
          : titleWords(stripOrdinal(base)).length > 0
            ? titleWords(stripOrdinal(base))
            : dirs.length > 0
              ? titleWords(stripOrdinal(dirs[dirs.length - 1]!))
              : [];
      const fileComponent = this.typeName(fileTitle.join(" ") || this.systemName(), "Component", { maxWords: 8, keepFacets: true, keepNumber: true });
      for (const st of sts) {
        let path = folderPath;
        let component = fileComponent;
        const h = st.headingPath[0];
        if (sections && h !== undefined) {
          path = [...folderPath, toPathSegment(h)];
          this.ensureSubsystem(path, h);
        }
        if ((sections || (chat && outermost.length >= 2)) && h !== undefined) {
          component = this.typeName(titleWords(h).join(" ") || h, "Component", { maxWords: 8, keepFacets: true, keepNumber: true });
        }
        this.placement.set(st.id, { pathKey: path.join("/"), fileComponent: component });
        this.subsystems.get(path.join("/"))!.sources.add(st.id);
      }
    }
  }

  private ensureSubsystem(path: string[], title: string): void {
    const key = path.join("/");
    if (!this.subsystems.has(key)) this.subsystems.set(key, { path, title, sources: new Set(), constraints: [] });
  }

  private systemName(): string {
    if (this.config.system) return this.config.system;
    const roots = (this.config.statements ?? []).map(globPrefix).filter((p): p is string => p !== undefined && p !== "");
    const files = [...new Set(this.statements.map((s) => s.file))].sort(cmp);
    const root = roots.find((r) => files.some((f) => f.startsWith(r + "/"))) ?? commonDir(files);
    const parent = root.split("/").slice(0, -1).filter((s) => s !== "" && s !== ".");
    const last = parent[parent.length - 1];
    return last ? (titleWords(stripOrdinal(last)).join(" ") || "System") : "System";
  }

  // -------------------------------------------------------------------------------------------
  // Names (docs/model.md "Names")

  /**
   * Type name for a phrase: pins first, then glossary, then the phrase's concept words. Components
   * and titles keep facet words ("events page" stays EventsPage) and may be longer than entities.
   */
  private typeName(phrase: string, fallback: string, options: { maxWords?: number; keepFacets?: boolean; keepNumber?: boolean } = {}): string {
    if (!this.namesFixed) return this.typeNameUncached(phrase, fallback, options);
    const key = `${fallback}|${options.maxWords ?? 3}|${options.keepFacets ? 1 : 0}|${options.keepNumber ? 1 : 0}|${phrase}`;
    let name = this.typeNames.get(key);
    if (name === undefined) {
      name = this.typeNameUncached(phrase, fallback, options);
      this.typeNames.set(key, name);
    }
    return name;
  }

  private typeNameUncached(phrase: string, fallback: string, options: { maxWords?: number; keepFacets?: boolean; keepNumber?: boolean }): string {
    const norm = normalizePhrase(phrase);
    const pinned = this.pins.get(norm);
    if (pinned) return applyPinnedName(pinned, "type", fallback);
    const concept = readConcept(phrase, options.maxWords ?? 3, { keepFacets: options.keepFacets, keepNumber: options.keepNumber });
    const key = concept.words.join(" ");
    const pinnedKey = this.pins.get(key);
    if (pinnedKey) return applyPinnedName(pinnedKey, "type", fallback);
    const g = this.glossary.get(norm) ?? this.glossary.get(key);
    if (g) return g;
    return toTypeName(concept.words, fallback);
  }

  private componentName(phrase: string): string {
    return this.typeName(phrase, "Component", { maxWords: 4, keepFacets: true, keepNumber: true });
  }

  /** Resolves an entity-ish phrase to a concept name, matching known concepts by their tail words. */
  private conceptOf(phrase: string): { name: string; words: string[]; plural: boolean } | undefined {
    if (!this.namesFixed) return this.conceptOfUncached(phrase);
    if (!this.concepts.has(phrase)) this.concepts.set(phrase, this.conceptOfUncached(phrase));
    const c = this.concepts.get(phrase);
    return c ? { name: c.name, words: [...c.words], plural: c.plural } : undefined;
  }

  private conceptOfUncached(phrase: string): { name: string; words: string[]; plural: boolean } | undefined {
    const norm = normalizePhrase(phrase);
    const c = readConcept(phrase);
    if (c.words.length === 0) return undefined;
    const key = c.words.join(" ");
    const pinned = this.pins.get(norm) ?? this.pins.get(key);
    if (pinned) return { name: applyPinnedName(pinned, "type", "Entity"), words: splitWords(pinned), plural: c.plural };
    const known = this.glossary.get(norm) ?? this.glossary.get(key) ?? this.knownKeys.get(key);
    if (known) return { name: known, words: splitWords(known), plural: c.plural };
    // "upcoming events" is an Event when Event is declared: match the longest known tail.
    for (let i = 1; i < c.words.length; i++) {
      const tail = c.words.slice(i).join(" ");
      const hit = this.knownKeys.get(tail) ?? this.glossary.get(tail);
      if (hit) return { name: hit, words: splitWords(hit), plural: c.plural };
    }
    if (NON_CONCEPTS.has(key) || c.words.every((w) => NON_CONCEPTS.has(w) || /^[0-9]/.test(w))) return undefined;
    // "the profile" where only "Teacher Profile" is declared: a lone head noun refers to it.
    if (c.words.length === 1) {
      const owners = this.declaredHeads.get(key);
      if (owners && owners.size === 1) {
        const only = [...owners][0]!;
        return { name: only, words: splitWords(only), plural: c.plural };
      }
    }
    return { name: toTypeName(c.words, "Entity"), words: c.words, plural: c.plural };
  }

  private readGlossary(): void {
    for (const st of this.statements) {
      const term = st.glossary?.term;
      if (!term || isEntityHeading(st)) continue;
      const name = this.typeName(term, "Term", { maxWords: 4, keepFacets: true });
      const key = readConcept(term, 4, { keepFacets: true }).words.join(" ");
      const definition = firstSentence(st.glossary?.definition ?? "");
      if (definition && !this.glossaryDocs.has(name)) this.glossaryDocs.set(name, definition);
      if (key) this.glossary.set(key, name);
      this.glossary.set(normalizePhrase(term), name);
      // "also called basket", "aka basket", "(or basket)": a reworded statement keeps the name.
      const def = st.glossary?.definition ?? "";
      for (const m of def.matchAll(/\b(?:also\s+(?:called|known\s+as|referred\s+to\s+as)|aka|a\.k\.a\.?|synonyms?:?)\s+["“']?([^,.;"”')]+)/gi)) {
        const alias = m[1]!.trim();
        for (const part of alias.split(/\s+or\s+|\s*\/\s*/)) {
          const k = readConcept(part).words.join(" ");
          if (k && !this.glossary.has(k)) this.glossary.set(k, name);
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Entities declared in a data-model section (docs/model.md "Entities")

  private readDeclaredEntities(): void {
    const declared: { st: Statement; term: string; definition: string }[] = [];
    for (const st of this.statements) {
      if (!isEntityHeading(st)) continue;
      const parsed = splitTerm(st);
      if (!parsed) continue;
      declared.push({ st, ...parsed });
      const name = this.typeName(parsed.term, "Entity");
      const key = readConcept(parsed.term).words.join(" ");
      if (key) this.knownKeys.set(key, name);
      const snake = splitWords(parsed.term).join(" ");
      if (snake && !this.knownKeys.has(snake)) this.knownKeys.set(snake, name);
      const words = key.split(" ");
      const head = words[words.length - 1];
      if (head && words.length > 1) this.declaredHeads.set(head, (this.declaredHeads.get(head) ?? new Set()).add(name));
      this.declaringFiles.add(st.file);
    }
    for (const { st, term, definition } of declared) {
      const name = this.typeName(term, "Entity");
      const e = this.entity(name);
      e.declared = true;
      this.touch(e, st);
      e.strong.add(st.id);
      const listed = readFieldList(definition);
      if (!listed.asList) e.doc ??= firstSentence(definition);
      this.used.add(st.id);
      for (const f of listed.fields) this.addField(e, f.words, st, { type: f.type, optional: f.optional, values: f.values });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Per statement (pass 1)

  private collect(st: Statement): void {
    const f = this.facts.get(st.id);
    if (!f) {
      this.diagnostics.push({
        code: "MODEL_MISSING_FACTS",
        severity: "warning",
        message: `no facts were extracted for statement "${st.id}"; it is listed in the model but adds no elements`,
        file: st.file,
        line: st.span.start.line,
        statement: st.id,
      });
      return;
    }
    const place = this.placement.get(st.id)!;
    // Narrative prose and scenarios next to requirements only support entities (docs/model.md "What counts").
    const contributes = REQUIREMENT_KINDS.has(st.kind) || (st.kind === "prose" && !this.requirementFiles.has(st.file));
    if (!contributes) {
      if (!isEntityHeading(st) && st.kind !== "glossary") {
        for (const phrase of f.entities) {
          const c = this.conceptOf(phrase);
          if (!c) continue;
          const e = this.entity(c.name);
          this.touch(e, st);
          e.mentions.add(st.id);
        }
      }
      return;
    }
    const explicit = this.explicitComponent(st, f);
    place.explicitComponent = explicit;
    const componentName = explicit ?? place.fileComponent;
    if (explicit) {
      const c = this.component(explicit);
      c.explicit = true;
      this.touch(c, st);
      this.used.add(st.id);
    }

    // Actors (docs/model.md "Actors")
    const actorNames: string[] = [];
    for (const a of f.actors) {
      const words = readConcept(cutClause(originalCase(a, st.text)), 3).words;
      if (words.length === 0) continue;
      const name = this.typeName(words.join(" "), "Actor");
      const acc = this.actors.get(name) ?? { name, sources: new Set(), paths: new Set() };
      acc.sources.add(st.id);
      if (!this.actors.has(name)) this.actorKeys.add(splitWords(name).join(" "));
      this.actors.set(name, acc);
      actorNames.push(name);
      this.used.add(st.id);
    }
    const actorKeys = this.actorKeys;

    // Entity mentions and fields
    if (!isEntityHeading(st)) {
      for (const phrase of f.entities) {
        const c = this.conceptOf(phrase);
        if (!c || actorKeys.has(c.words.join(" "))) continue;
        const e = this.entity(c.name);
        this.touch(e, st);
        e.mentions.add(st.id);
      }
      for (const fl of f.fields) {
        const c = this.conceptOf(fl.entity);
        if (!c) continue;
        const e = this.entity(c.name);
        this.touch(e, st);
        e.strong.add(st.id);
        // `optional` and `values` are newer, optional parts of the extractor's field facts.
        const extra = fl as { optional?: boolean; values?: string[] };
        this.addField(e, readConcept(fl.field, 3, { keepNumber: true }).words, st, {
          type: fl.type ? primitiveOf(fl.type) : undefined,
          optional: extra.optional === true,
          values: Array.isArray(extra.values) && extra.values.length >= 2 ? extra.values : undefined,
        });
      }
      this.readRelations(st);
    }

    // Events (docs/model.md "Events")
    const eventNames: string[] = [];
    const triggers = !(st.kind.startsWith("ears-") || st.kind === "shall") ? [] : f.events.length > 0 ? f.events : st.ears?.trigger ? [st.ears.trigger] : [];
    for (const t of triggers) {
      const words = nameEventWords(t);
      const name = this.typeName(words.join(" "), "Event");
      const ev = this.events.get(name) ?? { name, sources: new Set(), paths: new Set(), fields: new Map() };
      this.events.set(name, ev);
      this.touch(ev, st);
      for (const phrase of f.entities) {
        if (!t.toLowerCase().includes(phrase.toLowerCase())) continue;
        const c = this.conceptOf(phrase);
        if (!c) continue;
        const fname = toMemberName(c.words, "subject");
        if (!ev.fields.has(fname)) ev.fields.set(fname, { name: fname, sources: new Set(), type: { kind: "concept", name: c.name, fallback: "string" }, optional: false });
        ev.fields.get(fname)!.sources.add(st.id);
      }
      eventNames.push(name);
      this.used.add(st.id);
    }

    // Operations (docs/model.md "Operations")
    const ops: OpAcc[] = [];
    // Actions: what the extractor read, else a verb-initial fragment ("Parses intent from statements").
    const fragment = f.actions.length === 0 && (st.kind === "chat" || st.kind === "prose") ? readFragmentAction(st.text) : undefined;
    let actions: Action[] = fragment ? [fragment] : f.actions;
    // A story whose actions are all light verbs ("I want to know ...") still asks for something.
    if (st.story && !actions.some((a) => !a.negated && !LIGHT_VERBS.has(a.verb.toLowerCase()))) {
      const wanted = readWantAction(st.story.want);
      if (wanted) actions = [wanted];
    }
    // A quality statement still names an operation when it acts on something ("load the page within 2 s").
    const acting = actions.filter((a) => f.functional || st.story !== undefined || a.object !== undefined);
    if (acting.length > 0 && st.kind !== "glossary" && !isEntityHeading(st)) {
      const component = this.component(componentName);
      for (const action of acting) {
        const op = this.operation(component, action, st, {
          actors: actorNames,
          actorKeys,
          handles: eventNames[0],
        });
        if (op) ops.push(op);
      }
      if (ops.length > 0) {
        this.touch(component, st);
        this.used.add(st.id);
      }
    }
    this.opsOf.set(st.id, ops);

    // Errors (docs/model.md "Errors")
    for (const e of f.errors) {
      if (ops.length > 0) for (const op of ops) this.addError(op, e, st);
      else this.pendingErrors.push({ st, component: componentName, when: e });
      this.used.add(st.id);
    }

    // Quality constraints (docs/model.md "Quality constraints")
    for (const c of f.constraints) {
      this.used.add(st.id);
      if (ops.length > 0) {
        for (const op of ops) addConstraint(op.constraints, c, st.id);
      } else if (explicit) {
        const comp = this.component(explicit);
        addConstraint(comp.constraints, c, st.id);
      } else {
        addConstraint(this.subsystems.get(place.pathKey)!.constraints, c, st.id);
      }
    }

    // Dependencies: a statement of component A that names component B.
    if (ops.length > 0 || explicit) {
      for (const phrase of [...f.entities, ...f.actions.flatMap((a) => (a.complements ?? []).map((c) => c.phrase))]) {
        const name = this.componentName(phrase);
        if (name !== componentName && this.components.get(name)?.explicit) this.component(componentName).dependsOn.add(name);
      }
    }
  }

  private explicitComponent(st: Statement, f: Facts): string | undefined {
    // Only a modal statement's subject names a component ("THE Cart SHALL"); a prose sentence's subject does not.
    const subject = st.ears?.subject ?? (isModalStatement(st) ? f.subject : undefined);
    if (subject && !this.isGenericSubject(subject)) return this.componentName(subject);
    // A scenario or acceptance criterion belongs where its requirement belongs.
    const seen = new Set<string>();
    let parent = st.parent;
    while (parent && !seen.has(parent)) {
      seen.add(parent);
      const p = this.byId.get(parent);
      if (!p) break;
      const pf = this.facts.get(parent);
      const ps = p.ears?.subject ?? (isModalStatement(p) ? pf?.subject : undefined);
      if (ps && !this.isGenericSubject(ps)) return this.componentName(ps);
      parent = p.parent;
    }
    return undefined;
  }

  private isGenericSubject(subject: string): boolean {
    const norm = normalizePhrase(subject);
    if (norm === "" || GENERIC_SUBJECTS.has(norm)) return true;
    if (this.config.system && norm === normalizePhrase(this.config.system)) return true;
    const words = norm.split(" ");
    return words.length > 1 && GENERIC_SUBJECTS.has(words[words.length - 1]!) && words.length <= 2 && ["the", "our", "this"].includes(words[0]!);
  }

  private operation(
    component: ComponentAcc,
    action: Action,
    st: Statement,
    ctx: { actors: string[]; actorKeys: Set<string>; handles?: string },
  ): OpAcc | undefined {
    const verb = action.verb.toLowerCase().trim();
    if (!verb || action.negated || LIGHT_VERBS.has(verb) || !/^[a-z][a-z-]*$/.test(verb)) return undefined;
    const phraseWords = splitWords(action.phrase);
    const next = phraseWords[2];
    const particle =
      phraseWords[1] &&
      (["in", "out", "up", "off"].includes(phraseWords[1]) || (phraseWords[1] === "on" && (next === undefined || ["to", "into", "with"].includes(next)))) &&
      !(action.object && splitWords(action.object)[0] === phraseWords[1])
        ? phraseWords[1]
        : undefined;
    let objectPhrase = action.object;
    const complements = [...(action.complements ?? [])];
    if (!objectPhrase && !particle) {
      const i = complements.findIndex((c) => ["for", "to", "on", "with", "about", "into"].includes(c.prep));
      if (i !== -1) objectPhrase = complements.splice(i, 1)[0]!.phrase;
    }
    const object = objectPhrase ? this.conceptOf(objectPhrase) : undefined;
    const objectIsActor = object ? ctx.actorKeys.has(object.words.join(" ")) : false;
    // A phrasal verb ("check out", "log in") is its own verb: none of the single-verb classes apply.
    const cls = particle ? "" : verb;
    const returnsMany = LISTING_VERBS.has(cls) || (RETURNING_VERBS.has(cls) && (object?.plural ?? false));
    const nameWords = [verb, ...(particle ? [particle] : [])];
    // Name from the object even when it is no domain concept ("search for information").
    const named = object ?? (objectPhrase ? readConcept(objectPhrase) : undefined);
    if (named && named.words.length > 0 && !/^(?:me|it|them|us|you|him|her|this|that)$/.test(named.words.join(" "))) {
      const words = named.words.slice(-2);
      if (returnsMany || named.plural) words[words.length - 1] = pluralWord(words[words.length - 1]!);
      nameWords.push(...words);
    }
    const name = this.memberName(nameWords.join(" "), "operation");
    const role: InterfaceRole = ctx.handles ? "handlers" : "api";
    const iface = component.interfaces.get(role) ?? new Map<string, OpAcc>();
    component.interfaces.set(role, iface);
    let op = iface.get(name);
    if (!op) {
      let returns: TypeSpec = { kind: "primitive", name: "void" };
      const objectType: TypeSpec = object && !objectIsActor ? { kind: "concept", name: object.name, fallback: "string" } : { kind: "primitive", name: "string" };
      if (LISTING_VERBS.has(cls)) returns = { kind: "list", of: objectType };
      else if (BOOLEAN_VERBS.has(cls)) returns = { kind: "primitive", name: "boolean" };
      else if (cls === "count") returns = { kind: "primitive", name: "integer" };
      else if (RETURNING_VERBS.has(cls)) returns = returnsMany ? { kind: "list", of: objectType } : objectType;
      op = {
        name,
        sources: new Set(),
        params: new Map(),
        returns,
        errors: new Map(),
        async: !SYNC_VERBS.has(cls),
        actors: new Set(),
        constraints: [],
        topic: object?.words ?? [],
      };
      iface.set(name, op);
    }
    op.sources.add(st.id);
    for (const a of ctx.actors) op.actors.add(a);
    if (ctx.handles && !op.handles) op.handles = ctx.handles;
    if (st.ears?.state && !op.whileState) op.whileState = st.ears.state;
    if (st.ears?.feature && !op.feature) op.feature = st.ears.feature;

    // Parameters: the object (unless it is what the operation produces), then complements.
    if (object) {
      if (objectIsActor) {
        this.addParam(op, [...object.words, "id"], { kind: "primitive", name: "uuid" }, st);
      } else if (LOOKUP_VERBS.has(cls) && !object.plural) {
        this.addParam(op, [...object.words, "id"], { kind: "primitive", name: "uuid" }, st);
      } else if (!(LISTING_VERBS.has(cls) || PRODUCING_VERBS.has(cls) || (RETURNING_VERBS.has(cls) && object.plural))) {
        this.addParam(op, object.words, { kind: "concept", name: object.name, fallback: primitiveFor(object.words) }, st, object.plural);
      }
      if (!objectIsActor) {
        const e = this.entity(object.name);
        this.touch(e, st);
        e.mentions.add(st.id);
        e.strong.add(st.id);
      }
    }
    for (const comp of complements) {
      if (!PARAM_PREPS.has(comp.prep) || /[0-9]/.test(comp.phrase)) continue;
      const c = this.conceptOf(comp.phrase);
      if (!c || (object && c.name === object.name)) continue;
      if (ctx.actorKeys.has(c.words.join(" "))) {
        this.addParam(op, [...c.words, "id"], { kind: "primitive", name: "uuid" }, st);
        continue;
      }
      if (comp.prep === "by" && LISTING_VERBS.has(cls)) {
        this.addParam(op, c.words, { kind: "primitive", name: primitiveFor(c.words) }, st, false, true);
        continue;
      }
      this.addParam(op, c.words, { kind: "concept", name: c.name, fallback: primitiveFor(c.words) }, st, c.plural);
      const e = this.entity(c.name);
      this.touch(e, st);
      e.mentions.add(st.id);
    }
    return op;
  }

  /**
   * Relations stated in words: "each order has many items", "a cart contains one or more items",
   * "every item belongs to a cart". Kept as candidates; they count once both ends are entities.
   */
  private readRelations(st: Statement): void {
    const text = st.text.replace(/\s+/g, " ");
    const many = /^(?:each |every |an? |the )?(.{1,40}?) (?:has|have|contains?|includes?|holds?|owns?) (many|multiple|several|one or more|zero or more|a list of|a set of|any number of) (.{1,40}?)(?:[.,;:]| that | which | with | for |$)/i.exec(text);
    const one = /^(?:each |every |an? |the )?(.{1,40}?) (?:belongs? to|is owned by|references?|has exactly one|has one|has a single) (?:exactly one |one |a |an |the )?(.{1,40}?)(?:[.,;:]| that | which | with | for |$)/i.exec(text);
    const add = (from: string, to: string, cardinality: "one" | "many") => {
      const a = this.conceptOf(from);
      const b = this.conceptOf(to);
      if (!a || !b || a.name === b.name) return;
      this.statedRelations.push({ from: a.name, to: b.name, words: b.words, cardinality, source: st.id });
    };
    if (many) add(many[1]!, many[3]!, "many");
    else if (one) add(one[1]!, one[2]!, "one");
  }

  private addParam(op: OpAcc, words: string[], type: TypeSpec, st: Statement, many = false, optional = false): void {
    const name = this.memberName(words.join(" "), "value");
    const p = op.params.get(name) ?? { name, sources: new Set(), type: many ? { kind: "list", of: type } : type, optional };
    p.sources.add(st.id);
    op.params.set(name, p);
  }

  private addError(op: OpAcc, when: string, st: Statement): void {
    // Not readConcept: "the payment fails" must keep its verb form ("PaymentFailsError").
    const words = splitWords(when.replace(/\b(?:if|when|then|in case)\b/gi, " "))
      .filter((w) => !["the", "a", "an", "its", "their", "any", "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have"].includes(w))
      .slice(0, 8);
    const base = toTypeName(words, "Failure");
    const name = base.endsWith("Error") ? base : base + "Error";
    const e = op.errors.get(name) ?? { name, sources: new Set(), when: when.trim() };
    e.sources.add(st.id);
    op.errors.set(name, e);
  }

  /** IF-THEN statements whose response made no operation: the error joins the operations on its topic. */
  private attachPendingErrors(): void {
    for (const { st, component, when } of this.pendingErrors) {
      const comp = this.components.get(component);
      const whenWords = new Set(readConcept(when, 8).words.concat(splitWords(when)));
      const parentOps = st.parent ? (this.opsOf.get(st.parent) ?? []) : [];
      let targets = parentOps;
      if (targets.length === 0 && comp) {
        targets = [...comp.interfaces.values()]
          .flatMap((m) => [...m.values()])
          .filter((op) => op.topic.length > 0 && op.topic.every((w) => whenWords.has(w)))
          .sort((a, b) => cmp(a.name, b.name));
      }
      if (targets.length === 0) {
        this.diagnostics.push({
          code: "MODEL_ERROR_UNATTACHED",
          severity: "info",
          message: `the unwanted condition "${when}" names no operation of ${component}; no error case was added`,
          file: st.file,
          line: st.span.start.line,
          statement: st.id,
        });
        continue;
      }
      for (const op of targets) this.addError(op, when, st);
    }
  }

  private reportUnused(): void {
    for (const st of this.statements) {
      if (this.used.has(st.id) || !this.facts.has(st.id)) continue;
      if (!(st.kind === "user-story" || st.kind === "shall" || st.kind.startsWith("ears-"))) continue;
      this.diagnostics.push({
        code: "MODEL_STATEMENT_UNUSED",
        severity: "info",
        message: `statement "${st.id}" (${st.kind}) yielded no model element: no component, operation, entity, event or constraint was read from it`,
        file: st.file,
        line: st.span.start.line,
        statement: st.id,
      });
    }
  }

  private addField(e: EntityAcc, words: string[], st: Statement, opts: { type?: PrimitiveName; optional?: boolean; values?: string[] }): void {
    if (words.length === 0) return;
    const name = this.memberName(words.join(" "), "field");
    let type: TypeSpec = { kind: "primitive", name: opts.type ?? primitiveFor(words) };
    if (opts.values && opts.values.length > 0) {
      const enumName = this.typeName(`${splitWords(e.name).join(" ")} ${words.join(" ")}`, "Enum");
      const en = this.enums.get(enumName) ?? { name: enumName, sources: new Set(), paths: new Set(), values: new Set() };
      this.enums.set(enumName, en);
      this.touch(en, st);
      for (const v of opts.values) en.values.add(v);
      type = { kind: "enum", name: enumName };
    }
    const fa = e.fields.get(name) ?? { name, sources: new Set(), type, optional: opts.optional ?? false };
    fa.sources.add(st.id);
    e.fields.set(name, fa);
  }

  private memberName(phrase: string, fallback: string): string {
    const norm = normalizePhrase(phrase);
    const pinned = this.pins.get(norm);
    if (pinned) return applyPinnedName(pinned, "member", fallback);
    return toMemberName(splitWords(phrase), fallback);
  }

  private entity(name: string): EntityAcc {
    let e = this.entities.get(name);
    if (!e) {
      e = { name, sources: new Set(), paths: new Set(), declared: false, mentions: new Set(), strong: new Set(), fields: new Map(), relations: new Map() };
      this.entities.set(name, e);
    }
    return e;
  }

  private component(name: string): ComponentAcc {
    let c = this.components.get(name);
    if (!c) {
      c = { name, sources: new Set(), paths: new Set(), explicit: false, interfaces: new Map(), constraints: [], dependsOn: new Set() };
      this.components.set(name, c);
    }
    return c;
  }

  private touch(acc: Acc, st: Statement): void {
    acc.sources.add(st.id);
    acc.paths.add(this.placement.get(st.id)!.pathKey);
  }

  // -------------------------------------------------------------------------------------------
  // Admission, placement, ids and emission (passes 2 and 3)

  private admitted(): EntityAcc[] {
    const componentNames = new Set(this.components.keys());
    const actorNames = new Set(this.actors.keys());
    return [...this.entities.values()].filter((e) => {
      if (e.declared) return true;
      if (actorNames.has(e.name)) return false;
      // Where a file declares its entities, other nouns of that file need more evidence.
      const strict = [...e.sources].every((id) => this.declaringFiles.has(this.byId.get(id)!.file));
      const mentions = new Set([...e.mentions, ...e.strong]);
      if (strict) return e.fields.size > 0 && mentions.size >= 3 && e.strong.size >= 2;
      if (e.fields.size > 0) return true;
      if (componentNames.has(e.name) && this.components.get(e.name)!.explicit) return false;
      return mentions.size >= 2 && e.strong.size >= 1;
    });
  }

  private emit(): Model {
    const admitted = this.admitted();
    const admittedNames = new Set(admitted.map((e) => e.name));
    // Relations: a field whose name is another admitted entity is a reference to it.
    for (const e of admitted) {
      for (const [fname, fa] of [...e.fields]) {
        const words = splitWords(fname);
        const isId = words.length > 1 && words[words.length - 1] === "id";
        const targetWords = isId ? words.slice(0, -1) : words;
        const c = this.conceptOf(targetWords.join(" "));
        if (!c || !admittedNames.has(c.name) || c.name === e.name && !isId) continue;
        const rname = toMemberName(isId ? targetWords : words, "related");
        const rel = e.relations.get(rname) ?? { name: rname, sources: new Set(), cardinality: c.plural ? "many" : "one", target: c.name };
        for (const s of fa.sources) rel.sources.add(s);
        e.relations.set(rname, rel);
        if (!isId) e.fields.delete(fname);
      }
    }

    for (const r of this.statedRelations) {
      if (!admittedNames.has(r.from) || !admittedNames.has(r.to)) continue;
      const e = this.entities.get(r.from)!;
      const words = r.cardinality === "many" ? [...r.words.slice(0, -1), pluralWord(r.words[r.words.length - 1]!)] : r.words;
      const rname = toMemberName(words, "related");
      const rel = e.relations.get(rname) ?? { name: rname, sources: new Set<string>(), cardinality: r.cardinality, target: r.to };
      rel.sources.add(r.source);
      e.relations.set(rname, rel);
      e.sources.add(r.source);
      e.paths.add(this.placement.get(r.source)!.pathKey);
    }

    // Place every top-level element in the deepest subsystem holding all its statements.
    const placed = new Map<string, string[]>(); // "<kind>:<name>" -> path
    const place = (kind: string, acc: Acc) => {
      const paths = [...acc.paths].map((p) => (p === "" ? [] : p.split("/")));
      placed.set(`${kind}:${acc.name}`, commonPath(paths));
    };
    const liveComponents = [...this.components.values()].filter(
      (c) => c.explicit || c.constraints.length > 0 || [...c.interfaces.values()].some((m) => m.size > 0),
    );
    for (const e of admitted) place("entity", e);
    for (const en of this.enums.values()) place("enum", en);
    for (const ev of this.events.values()) place("event", ev);
    for (const c of liveComponents) place("component", c);

    // Names within a subsystem: entity > enum > event > component; losers get a suffix.
    const finalName = new Map<string, string>(); // "<kind>:<name>" -> final name
    const taken = new Map<string, Set<string>>(); // path key -> names
    const order: [string, Acc[], string][] = [
      ["entity", admitted, ""],
      ["enum", [...this.enums.values()], "Kind"],
      ["event", [...this.events.values()], "Event"],
      ["component", liveComponents, "Service"],
    ];
    for (const [kind, list, suffix] of order) {
      for (const acc of [...list].sort((a, b) => cmp(a.name, b.name))) {
        const path = placed.get(`${kind}:${acc.name}`)!;
        const key = path.join("/");
        const names = taken.get(key) ?? new Set<string>();
        taken.set(key, names);
        let name = acc.name;
        if (names.has(name) && suffix && !name.endsWith(suffix)) name = name + suffix;
        let n = 2;
        const stem = name;
        while (names.has(name)) name = `${stem}${n++}`;
        if (name !== acc.name) {
          const first = [...acc.sources].sort(cmp)[0];
          const st = first ? this.byId.get(first) : undefined;
          this.diagnostics.push({
            code: "MODEL_NAME_COLLISION",
            severity: "info",
            message: `${kind} "${acc.name}" shares its name with another element in subsystem "${key || "/"}"; it is named "${name}"`,
            file: st?.file,
            line: st?.span.start.line,
            statement: st?.id,
          });
        }
        names.add(name);
        finalName.set(`${kind}:${acc.name}`, name);
      }
    }
    const idOf = (kind: string, name: string): string | undefined => {
      const path = placed.get(`${kind}:${name}`);
      const final = finalName.get(`${kind}:${name}`);
      if (!path || !final) return undefined;
      return path.length > 0 ? `${path.join("/")}/${final}` : final;
    };
    const resolve = (t: TypeSpec): TypeRef => {
      switch (t.kind) {
        case "primitive":
          return { kind: "primitive", name: t.name };
        case "list":
          return { kind: "list", of: resolve(t.of) };
        case "concept": {
          const id = admittedNames.has(t.name) ? idOf("entity", t.name) : undefined;
          return id ? { kind: "ref", target: id } : { kind: "primitive", name: t.fallback };
        }
        case "enum": {
          const id = idOf("enum", t.name);
          return id ? { kind: "ref", target: id } : { kind: "primitive", name: "string" };
        }
        case "event": {
          const id = idOf("event", t.name);
          return id ? { kind: "ref", target: id } : { kind: "primitive", name: "unknown" };
        }
      }
    };
    const actorId = (name: string) => `actor:${name}`;
    // A "role" that is a named part of the system ("Kiro Workers" in a story) is a component, not an actor.
    const namedComponents = new Set([...this.components.values()].filter((c) => c.explicit).map((c) => c.name));

    // Subsystems, bottom-up sources: a subsystem with no statements of its own traces to its children.
    const subsystemNodes = new Map<string, Subsystem>();
    const depth = (k: string) => (k === "" ? 0 : k.split("/").length);
    const keys = [...this.subsystems.keys()].sort((a, b) => depth(b) - depth(a) || cmp(a, b));
    for (const key of keys) {
      const acc = this.subsystems.get(key)!;
      const path = acc.path;
      const name =
        path.length === 0
          ? this.typeName(this.systemName(), "System", { maxWords: 8, keepFacets: true, keepNumber: true })
          : this.typeName(titleWords(stripOrdinal(acc.title)).join(" ") || acc.title, "Subsystem", { maxWords: 8, keepFacets: true, keepNumber: true });
      const node: Subsystem = {
        id: path.length === 0 ? "/" : key,
        name,
        sources: [...acc.sources],
        path,
        components: [],
        entities: [],
        enums: [],
        events: [],
        constraints: emitConstraints(path.length === 0 ? "/" : key, acc.constraints),
        subsystems: [],
      };
      subsystemNodes.set(key, node);
    }
    // Attach children and ensure ancestors exist.
    for (const key of keys) {
      if (key === "") continue;
      const parentKey = key.split("/").slice(0, -1).join("/");
      subsystemNodes.get(parentKey)!.subsystems.push(subsystemNodes.get(key)!);
    }
    for (const key of keys) {
      const node = subsystemNodes.get(key)!;
      if (node.sources.length === 0) node.sources = [...new Set(node.subsystems.flatMap((s) => s.sources))];
    }
    const at = (kind: string, name: string) => subsystemNodes.get(placed.get(`${kind}:${name}`)!.join("/"))!;

    for (const e of admitted) {
      const id = idOf("entity", e.name)!;
      const members = new Set<string>();
      const fields = [...e.fields.values()].map((f) => emitField(id, f, resolve, members));
      const relations: Relation[] = [...e.relations.values()]
        .filter((r) => idOf("entity", r.target))
        .map((r) => ({ id: `${id}#${uniqueMember(r.name, members)}`, name: r.name, sources: [...r.sources], cardinality: r.cardinality, target: idOf("entity", r.target)! }));
      const doc = e.doc ?? this.glossaryDocs.get(e.name);
      const entity: Entity = { id, name: finalName.get(`entity:${e.name}`)!, sources: [...e.sources], ...(doc ? { doc } : {}), fields, relations };
      at("entity", e.name).entities.push(entity);
    }
    for (const en of this.enums.values()) {
      const id = idOf("enum", en.name)!;
      const values = [...en.values];
      const node: EnumType = { id, name: finalName.get(`enum:${en.name}`)!, sources: [...en.sources], values };
      at("enum", en.name).enums.push(node);
    }
    for (const ev of this.events.values()) {
      const id = idOf("event", ev.name)!;
      const members = new Set<string>();
      const node: Event = { id, name: finalName.get(`event:${ev.name}`)!, sources: [...ev.sources], fields: [...ev.fields.values()].map((f) => emitField(id, f, resolve, members)) };
      at("event", ev.name).events.push(node);
    }
    for (const c of liveComponents) {
      const id = idOf("component", c.name)!;
      const cname = finalName.get(`component:${c.name}`)!;
      const members = new Set<string>();
      const interfaces: Interface[] = [];
      for (const role of ["api", "handlers"] as const) {
        const ops = c.interfaces.get(role);
        if (!ops || ops.size === 0) continue;
        // Interfaces keep the concept's name when a collision renamed the component (CartService -> CartApi).
        const iname = uniqueMember(c.name + (role === "api" ? "Api" : "Handlers"), members);
        const iid = `${id}#${iname}`;
        const opMembers = new Set<string>();
        const operations: Operation[] = [...ops.values()].map((op) => {
          const oid = `${iid}#${uniqueMember(op.name, opMembers)}`;
          const m = new Set<string>();
          const params: Param[] = [...op.params.values()].map((p) => ({ ...emitField(oid, p, resolve, m) }));
          const errors: ErrorCase[] = [...op.errors.values()].map((e) => ({ id: `${oid}#${uniqueMember(e.name, m)}`, name: e.name, sources: [...e.sources], when: e.when }));
          const handles = op.handles ? idOf("event", op.handles) : undefined;
          const o: Operation = {
            id: oid,
            name: op.name,
            sources: [...op.sources],
            params,
            returns: resolve(op.returns),
            errors,
            async: op.async,
            actors: [...op.actors].filter((a) => !namedComponents.has(a)).map(actorId),
            ...(handles ? { handles } : {}),
            ...(op.whileState ? { whileState: op.whileState } : {}),
            ...(op.feature ? { feature: op.feature } : {}),
            constraints: emitConstraints(oid, op.constraints, m),
          };
          return o;
        });
        interfaces.push({ id: iid, name: iname, sources: [...new Set(operations.flatMap((o) => o.sources))], operations, constraints: [] });
      }
      const dependsOn = [...c.dependsOn].map((d) => idOf("component", d)).filter((d): d is string => d !== undefined && d !== id);
      const sources = new Set([...c.sources, ...interfaces.flatMap((i) => i.sources), ...c.constraints.flatMap((k) => [...k.sources])]);
      const doc = this.glossaryDocs.get(c.name);
      const comp: Component = { id, name: cname, sources: [...sources], ...(doc ? { doc } : {}), interfaces, dependsOn, constraints: emitConstraints(id, c.constraints, members) };
      at("component", c.name).components.push(comp);
    }

    const actors: Actor[] = [...this.actors.values()].filter((a) => !namedComponents.has(a.name)).map((a) => ({ id: actorId(a.name), name: a.name, sources: [...a.sources] }));
    const statements: StatementRef[] = this.statements.map((s) => ({ id: s.id, file: s.file, line: s.span.start.line, kind: s.kind, text: s.text }));
    if (statements.length === 0) {
      this.diagnostics.push({ code: "MODEL_EMPTY", severity: "info", message: "no statements: the model holds only the empty system" });
    }
    return canonicalizeModel({ version: MODEL_VERSION, system: subsystemNodes.get("")!, actors, statements });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function emitField(parent: string, f: FieldAcc, resolve: (t: TypeSpec) => TypeRef, members: Set<string>): Field {
  return { id: `${parent}#${uniqueMember(f.name, members)}`, name: f.name, sources: [...f.sources], type: resolve(f.type), optional: f.optional };
}

function emitConstraints(owner: string, list: readonly ConstraintAcc[], members = new Set<string>()): QualityConstraint[] {
  const sorted = [...list].sort(
    (a, b) => cmp(a.c.metric, b.c.metric) || cmp(a.c.op, b.c.op) || a.c.value - b.c.value || cmp(a.c.unit, b.c.unit) || cmp(a.c.attribute, b.c.attribute),
  );
  return sorted.map((k) => {
    const name = uniqueMember(k.name, members);
    return {
      id: `${owner}#${name}`,
      name,
      sources: [...k.sources],
      metric: k.c.metric,
      op: k.c.op,
      value: k.c.value,
      unit: k.c.unit,
      attribute: k.c.attribute,
      text: k.c.text,
    };
  });
}

/** Merges equal bounds (same metric, op, value, unit): sources accumulate. */
function addConstraint(list: ConstraintAcc[], c: Constraint, source: string): void {
  const same = list.find((k) => k.c.metric === c.metric && k.c.op === c.op && k.c.value === c.value && k.c.unit === c.unit && k.c.attribute === c.attribute);
  if (same) {
    same.sources.add(source);
    return;
  }
  list.push({ name: toMemberName(splitWords(c.metric), "constraint"), sources: new Set([source]), c });
}

function uniqueMember(name: string, taken: Set<string>): string {
  let out = name;
  let n = 2;
  while (taken.has(out)) out = `${name}${n++}`;
  taken.add(out);
  return out;
}

/** The fixed folder in front of a glob ("statements/**\/*.md" -> "statements"), or undefined. */
function globPrefix(glob: string): string | undefined {
  const parts = glob.replace(/^\.\//, "").split("/");
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[\]{}!]/.test(p)) break;
    fixed.push(p);
  }
  if (fixed.length === parts.length) fixed.pop(); // a plain file path: its folder is the root
  return fixed.join("/");
}

function commonDir(files: readonly string[]): string {
  if (files.length === 0) return "";
  let common = files[0]!.split("/").slice(0, -1);
  for (const f of files) {
    const dirs = f.split("/").slice(0, -1);
    let i = 0;
    while (i < common.length && i < dirs.length && common[i] === dirs[i]) i++;
    common = common.slice(0, i);
  }
  return common.join("/");
}

function commonPath(paths: readonly string[][]): string[] {
  if (paths.length === 0) return [];
  let common = paths[0]!;
  for (const p of paths) {
    let i = 0;
    while (i < common.length && i < p.length && common[i] === p[i]) i++;
    common = common.slice(0, i);
  }
  return common;
}

function baseName(file: string): string {
  const last = file.split("/").pop() ?? file;
  return last.replace(/\.[^.]+$/, "");
}

/** "009-user-directory" -> "user-directory": ordering prefixes say nothing about the content. */
function stripOrdinal(s: string): string {
  const out = s.replace(/^[0-9]+(?:[._-]|\s)+/, "");
  return out.length > 0 ? out : s;
}

/** Words of a title that say what it is about: after the last colon, without generic document words. */
function titleWords(title: string): string[] {
  const afterColon = title.includes(":") ? title.slice(title.lastIndexOf(":") + 1) : title;
  const pick = splitWords(afterColon).length > 0 ? afterColon : title;
  const words = splitWords(pick);
  let start = 0;
  let end = words.length;
  while (end > start && GENERIC_TITLE_WORDS.has(words[end - 1]!)) end--;
  while (start < end && GENERIC_TITLE_WORDS.has(words[start]!)) start++;
  return words.slice(start, end);
}

/** An EARS statement, or a SHALL-kind statement that really has a modal verb (not a bare FR table row). */
function isModalStatement(st: Statement): boolean {
  return st.kind.startsWith("ears-") || (st.kind === "shall" && /\b(?:shall|must|should|will)\b/i.test(st.text));
}

/** The phrase as the statement writes it ("prospectiveapplicant" -> "ProspectiveApplicant"), when it is there. */
function originalCase(phrase: string, text: string): string {
  const at = text.toLowerCase().indexOf(phrase.toLowerCase());
  return at === -1 ? phrase : text.slice(at, at + phrase.length);
}

function isEntityHeading(st: Statement): boolean {
  const h = st.headingPath[st.headingPath.length - 1];
  return h !== undefined && ENTITY_HEADING.test(h);
}

/** "User Profile (existing, Spec 002): Extended with ..." -> term and definition. */
function splitTerm(st: Statement): { term: string; definition: string } | undefined {
  if (st.glossary) return { term: st.glossary.term.replace(/\s*\([^)]*\)\s*$/, "").trim(), definition: st.glossary.definition };
  const m = /^\s*([A-Za-z][\w '&/-]{0,60}?)\s*(?:\([^)]*\))?\s*(?::|\s[—–-]\s)\s*(.*)$/s.exec(st.text);
  if (!m) return undefined;
  const term = m[1]!.trim();
  if (splitWords(term).length === 0 || splitWords(term).length > 5) return undefined;
  return { term, definition: m[2]!.trim() };
}

function firstSentence(text: string): string | undefined {
  const s = text.split(/(?<=[.!?])\s/)[0]?.trim();
  if (!s) return undefined;
  return s.length > 200 ? s.slice(0, 197) + "..." : s;
}

interface ListedField {
  words: string[];
  type?: PrimitiveName;
  optional: boolean;
  values?: string[];
}

/** Splits on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Fields of a declared entity: either the definition is itself a list of attribute names
 * ("id, title, category (enum: Jam/Workshop), endDatetime"), or it lists them after "with",
 * "has" or "contains" ("A user identity with a stable ID, name, email").
 */
function readFieldList(definition: string): { fields: ListedField[]; asList: boolean } {
  const first = definition.split(/(?<=[.;])\s/)[0] ?? definition;
  const items = splitTopLevel(first.replace(/[.;]$/, ""));
  const identifierLike = items.filter((i) => /^[A-Za-z_][\w]*(?:\s*\(.*\))?$/.test(i.replace(/^and\s+/, "")));
  let list: string[] = [];
  const asList = items.length >= 2 && identifierLike.length >= items.length * 0.6;
  if (asList) list = items;
  else {
    const m = /\b(?:with|has|have|contains|containing|includes|including|holds)\s+(.+)$/i.exec(first.replace(/[.;]$/, ""));
    if (m) {
      const listed = splitTopLevel(m[1]!.replace(/\s+and\s+/g, ", "));
      if (listed.length >= 2) list = listed;
    }
  }
  const out: ListedField[] = [];
  for (const raw of list) {
    const item = raw.replace(/^(?:and|or)\s+/, "");
    const paren = /\(([^)]*)\)/.exec(item)?.[1] ?? "";
    const namePart = item.replace(/\(.*$/, "").trim();
    if (/[0-9]/.test(namePart) && !/^[A-Za-z_]\w*$/.test(namePart)) continue;
    const words = /^[A-Za-z_]\w*$/.test(namePart) ? splitWords(namePart) : readConcept(namePart, 3).words;
    if (words.length === 0 || words.length > 4) continue;
    const enumMatch = /\b(?:enum|values?|one of)\s*:?\s*(.+)$/i.exec(paren);
    const values = enumMatch ? enumMatch[1]!.split(/\s*[/|,]\s*/).map((v) => v.trim()).filter((v) => /^[\w -]+$/.test(v) && v.length > 0) : undefined;
    out.push({ words, optional: /\b(?:nullable|optional)\b/i.test(paren), ...(values && values.length >= 2 ? { values } : {}) });
  }
  return { fields: out, asList };
}

/** Primitive type a field or parameter name suggests ("createdAt" -> datetime, "price" -> number). */
export function primitiveFor(words: readonly string[]): PrimitiveName {
  const last = words[words.length - 1] ?? "";
  const first = words[0] ?? "";
  if (["is", "has", "can", "should", "allow", "enable"].includes(first) && words.length > 1) return "boolean";
  if (["id", "uuid", "guid"].includes(last)) return "uuid";
  if (["at", "datetime", "timestamp", "time"].includes(last)) return "datetime";
  if (["date", "day", "birthday", "deadline", "dob"].includes(last)) return "date";
  if (["count", "quantity", "age", "capacity", "position", "rank", "limit", "size", "index", "year", "hours", "minutes", "seconds", "days", "number"].includes(last)) return "integer";
  if (["amount", "price", "cost", "total", "balance", "rate", "score", "rating", "latitude", "longitude", "percentage", "fee", "weight", "height", "width", "distance", "ratio"].includes(last)) return "number";
  if (["duration", "period", "interval", "timeout", "ttl"].includes(last)) return "duration";
  if (["enabled", "disabled", "flag", "visible", "active", "verified", "external", "public", "private", "deleted", "archived"].includes(last)) return "boolean";
  if (["image", "photo", "picture", "attachment", "avatar", "binary", "blob", "video", "audio"].includes(last)) return "binary";
  return "string";
}

function primitiveOf(type: string): PrimitiveName {
  const t = type.toLowerCase();
  const known: PrimitiveName[] = ["string", "integer", "number", "boolean", "date", "datetime", "duration", "uuid", "binary"];
  if ((known as string[]).includes(t)) return t as PrimitiveName;
  if (/int|count/.test(t)) return "integer";
  if (/float|double|decimal|money|currency/.test(t)) return "number";
  if (/bool/.test(t)) return "boolean";
  if (/time/.test(t)) return "datetime";
  if (/date/.test(t)) return "date";
  return "string";
}

function pluralWord(word: string): string {
  if (/(?:s|data|media|information|news)$/.test(word)) return word;
  return word.endsWith("y") && !/[aeiou]y$/.test(word) ? word.slice(0, -1) + "ies" : /(?:x|ch|sh)$/.test(word) ? word + "es" : word + "s";
}

/** "a visitor who has heard about a jam" -> "a visitor". */
function cutClause(phrase: string): string {
  return phrase.split(/\s*(?:,|\bwho\b|\bthat\b|\bwhich\b|\blooking\b|\bwith\b|\binterested\b)\s*/i)[0] ?? phrase;
}
