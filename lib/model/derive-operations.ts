import { escapeRegExp } from "../escape-regexp.js";
import type { Action, Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import type { ComponentChoice } from "./assign-component.js";
import type { ClauseOutcome, Contribution, ContributionOf, ErrorSpec, InterfaceRole, Origin, ParamSpec, TypeSpec } from "./draft.js";
import { pluralWord, singularWord, splitWords, toMemberName, toTypeName } from "./naming.js";
import { primitiveFor } from "./primitive-for.js";
import { contentWords, fieldName, resolvePhrase, resolvePhraseList, type KnownTerms, type Term } from "./resolve-phrase.js";
import {
  ASSOCIATION_VERBS,
  BOOLEAN_VERBS,
  crudClassOf,
  GESTURE_VERBS,
  KEEPING_VERBS,
  LIGHT_VERBS,
  PARAM_PREPS,
  PRODUCING_VERBS,
  SYNC_VERBS,
  TELLING_VERBS,
  type CrudClass,
} from "./vocabulary.js";

/**
 * Pass "operations" (docs/model.md "Operations"): every action of a requirement statement becomes
 * an operation, a field, an effect of another operation, or a clause reported as not modelled.
 * Decided from the statement alone (plus declarations and the naming style): the same words give
 * the same operation wherever they are written.
 */

export interface OperationsInput {
  statement: Statement;
  facts: Facts;
  known: KnownTerms;
  /** The statement's component (assign-component), if it has one. */
  component?: ComponentChoice;
  /** Component for operations with neither a component nor an entity: the feature or file. */
  fallbackComponent: string;
  naming: Record<CrudClass, string>;
  /** Actor names of the statement (PascalCase). */
  actors: string[];
  /** The domain event the statement reacts to, when its trigger is one: operations become handlers. */
  handles?: string;
  /** The statement is an IF-THEN (unwanted behaviour): its telling clauses handle the error. */
  unwanted: boolean;
  /** The statement states a quality with a measure: its actions name a topic, not operations. */
  qualityOnly: boolean;
  /** Errors the statement states (IF conditions, failures): they go on its operations. */
  errors: ErrorSpec[];
}

export interface OperationsOutput {
  contributions: Contribution[];
  clauses: ClauseOutcome[];
  /** The operations made, for constraints and errors of the same statement. */
  operations: { component: string; name: string }[];
  /** Words that name what the statement is about, for quality constraints without operations. */
  topic: string[];
  /** Things its operations act on that the declared data model does not name. */
  things: { name: string; words: string }[];
  /** Operations a stated one implies (reading back what is created). */
  implied: OpContribution[];
}

type OpContribution = ContributionOf<"operation">;

/** Verbs that hand something to the caller: "provide suggested tags" reads as getting them. */
const GIVING_VERBS = new Set(["provide", "offer", "give", "return", "deliver", "supply", "expose", "give back", "hand back", "hand over", "send back"]);
/** Verbs that build a capability rather than act on data: "implement fuzzy search". */
const BUILDING_VERBS = new Set(["implement", "facilitate", "introduce", "develop", "enable"]);
/** Head nouns that name an activity ("filtering", "search", "migration", "communication"). */
const ACTIVITY_NOUN = /^(?:\w{3,}(?:ing|tion|sion|ment)|search|sync|lookup|login|signup|checkout)$/;

/** Verbs that end the work with an error: under a failure condition they are how the error is raised. */
const FAILING_VERBS = new Set(["fail", "abort", "exit", "halt", "stop", "terminate", "error", "raise", "throw", "return an error", "reject", "refuse"]);

/** Verbs of presentation: on data they read it (get), on values they only show them. */
const PRESENTING_VERBS = new Set(["display", "show", "present", "render", "highlight", "visualize", "visualise", "surface", "indicate", "label", "colour", "color"]);

/** Verbs that change a field as a side effect ("and update the cart total"). */
const EFFECT_VERBS = new Set(["update", "recalculate", "recompute", "adjust", "increase", "decrease", "reduce", "increment", "decrement", "set", "reset", "refresh", "mark", "change"]);
/** Nouns of intransitive verbs that create something: "register for X" creates a registration. */
const NOMINALS: Record<string, string[]> = {
  register: ["registration", "registrant"], enrol: ["enrolment"], enroll: ["enrollment"], subscribe: ["subscription", "subscriber"],
  apply: ["application", "applicant"], book: ["booking"], reserve: ["reservation"], sign: ["signup"], "sign up": ["signup"],
  vote: ["vote"], bid: ["bid"], order: ["order"], "check in": ["checkin"], pay: ["payment"], donate: ["donation"], rsvp: ["rsvp"],
  attend: ["attendance", "attendee"], submit: ["submission"], comment: ["comment"], review: ["review"], report: ["report"],
  follow: ["follow", "follower"], join: ["membership", "member"], upload: ["upload"], post: ["post"], message: ["message"],
};

/** Complements that say how or when, not what: "in real time", "in bulk", "in the background". */
const MANNER = /^(?:real time|realtime|bulk|batch|batches|parallel|background|foreground|sequence|advance|place|general|detail|particular|full|part|time|order|future|practice|principle|short|brief|summary|total|turn|time order|case|addition|response|response to|line|sync|real)$/;

/** Field heads whose listed values are the states of an enum ("status (placed, paid, shipped)"). */
const STATE_HEADS = new Set(["status", "state", "type", "kind", "mode", "category", "level", "stage", "phase", "role", "tier", "priority", "method", "visibility", "frequency"]);

/** Verbs that mean every CRUD operation on their object. */
const MANAGING_VERBS = new Set(["manage", "administer", "administrate", "curate", "crud"]);

/** Verbs that state how the system behaves overall, not something it can be asked to do. */
const POLICY_VERBS = new Set([
  "operate", "enforce", "comply", "adhere", "conform", "respect", "follow", "honor", "honour", "guarantee",
  "meet", "satisfy", "restrict", "limit", "avoid", "minimize", "minimise", "maximize", "maximise", "prioritize",
  "prioritise", "agree", "behave", "function", "perform", "scale", "degrade", "tolerate", "fall", "remain",
  "continue", "default", "rely", "depend", "assume", "apply", "prefer", "favor", "favour", "treat", "consider",
  "reflect", "preserve", "retain", "work", "run", "integrate", "coexist", "accommodate", "prevent", "disallow",
  "forbid",
]);

/** Verbs that persist data: with a whole entity they say how, not what (storage is the implementation's). */
const STORAGE_VERBS = new Set(["store", "persist", "keep", "retain", "maintain", "hold", "preserve", "remember", "cache"]);

export function deriveOperations(input: OperationsInput): OperationsOutput {
  const out: OperationsOutput = { contributions: [], clauses: [], operations: [], topic: [], things: [], implied: [] };
  const { facts, statement } = input;
  const pending: { op: OpContribution; action: Action; effectOf?: boolean }[] = [];
  for (const action of facts.actions) {
    const words = action.phrase;
    const origin = (rule: string): Origin => ({ source: statement.id, rule, words });
    const verb = action.verb.toLowerCase().trim();
    out.topic.push(...splitWords(verb), ...(action.object ? contentWords(action.object) : []));
    if (input.qualityOnly) continue;
    if (action.negated && !action.refused) {
      out.clauses.push({ text: words, modelled: false, reason: "a prohibition (SHALL NOT) has no interface element; state the allowed behaviour or a constraint" });
      continue;
    }
    if (input.unwanted && (TELLING_VERBS.has(verb) || FAILING_VERBS.has(verb))) {
      // "tell the customer the limit": how the error is reported, part of the error case.
      out.clauses.push({ text: words, modelled: input.errors.length > 0, ...(input.errors.length > 0 ? {} : { reason: "tells someone about a condition that names no error" }) });
      continue;
    }
    if (POLICY_VERBS.has(verb)) {
      out.clauses.push({ text: words, modelled: input.facts.constraints.length > 0, ...(input.facts.constraints.length > 0 ? {} : { reason: `"${verb}" states a policy, not an operation: give it a measure to make it a constraint` }) });
      continue;
    }
    if (GESTURE_VERBS.has(verb)) {
      out.clauses.push({ text: words, modelled: false, reason: "a user-interface gesture is presentation, not an interface element" });
      continue;
    }
    const made = readAction(input, action, verb, origin, out);
    if (made) pending.push(made);
  }
  // "and update the cart total": a field change next to a real operation is that operation's effect.
  const real = pending.filter((p) => !(EFFECT_VERBS.has(p.action.verb) && p.op.params.length <= 2 && isFieldOp(p.op)));
  for (const p of pending) {
    if (real.length > 0 && !real.includes(p)) {
      for (const r of real) r.op.effects.push(p.action.phrase);
      out.clauses.push({ text: p.action.phrase, modelled: true });
      continue;
    }
    out.contributions.push(p.op);
    out.operations.push({ component: p.op.component, name: p.op.name });
    out.clauses.push({ text: p.action.phrase, modelled: true });
  }
  for (const op of out.implied) if (!out.contributions.some((c) => c.kind === "operation" && c.component === op.component && c.name === op.name)) out.contributions.push(op);
  return out;
}

function isFieldOp(op: OpContribution): boolean {
  return op.rule === "operations/field";
}

/** One action: pushes fields and entities it names into `out`, returns the operation it makes, if any. */
function readAction(input: OperationsInput, action: Action, rawVerb: string, origin: (rule: string) => Origin, out: OperationsOutput): { op: OpContribution; action: Action } | undefined {
  const { known } = input;
  const words = action.phrase;
  let verb = rawVerb;
  // "authenticate users for account creation": an activity after "for" is a purpose, not a parameter.
  const complements = (action.complements ?? []).filter(
    (c) => PARAM_PREPS.has(c.prep) && !/[0-9]/.test(c.phrase) && !/^(?:\w+ing)\b/i.test(c.phrase.trim()) && !MANNER.test(contentWords(c.phrase).join(" ")) && !(c.prep === "for" && /(?:tion|ment|ing|ance|ence|sis)$/i.test(contentWords(c.phrase).pop() ?? "") && !known.entityByKey.has(contentWords(c.phrase).join(" ").replace(/s$/, ""))),
  );
  let objectPhrase = action.object;
  // "register for a tournament": what an intransitive verb creates is its noun ("registration"),
  // the declared entity named by it ("Coach Registration"), for the complement.
  if (!objectPhrase && NOMINALS[verb]) {
    const nouns = NOMINALS[verb]!;
    const target = complements.find((c) => ["to", "for", "in", "on"].includes(c.prep));
    const words = target ? contentWords(target.phrase) : [];
    // Prefer the declared noun that names the target too ("subscribe to the newsletter" -> Newsletter Subscriber).
    const hits = [...known.entityByKey].filter(([k]) => nouns.includes(k.split(" ").pop()!));
    const hit = hits.find(([k]) => words.some((w) => k.includes(singularWord(w)))) ?? (hits.length === 1 ? hits[0] : undefined);
    if (hit) {
      objectPhrase = hit[0];
      verb = "create";
    }
  }
  // "submit the contact form": a form stands for what submitting it creates (a declared Contact Submission).
  if (objectPhrase && NOMINALS[verb] && /\bform\b/i.test(objectPhrase)) {
    const mods = contentWords(objectPhrase).filter((w) => w !== "form");
    for (const noun of NOMINALS[verb]!) {
      const k = [...mods, noun].join(" ");
      if (known.entityByKey.has(k)) {
        objectPhrase = k;
        verb = "create";
        break;
      }
    }
  }
  // No object: a complement stands in ("search for information", "report on usage").
  if (!objectPhrase && !verb.includes(" ")) {
    const i = complements.findIndex((c) => ["for", "to", "on", "with", "about", "into", "within", "in", "through", "across"].includes(c.prep));
    if (i !== -1) objectPhrase = complements.splice(i, 1)[0]!.phrase;
  }
  // "another copy" alone: the statement says elsewhere what it is a copy of ("20 copies of one book").
  if (objectPhrase && isBarePartitive(objectPhrase)) {
    const whole = new RegExp(`\\b${contentWords(objectPhrase)[0]!.replace(/(?:ies|y|s)$/, "")}\\w*\\s+of\\s+([^,.;()]{1,40})`, "i").exec(input.statement.text);
    if (whole) objectPhrase = `${objectPhrase} of ${whole[1]}`;
  }
  const terms = objectPhrase ? resolvePhraseList(known, objectPhrase) : [];
  const named = terms.filter((t) => t.kind !== "none");
  if (terms.length > 0 && named.length > 0 && named.every((t) => t.kind === "ui")) {
    out.clauses.push({ text: words, modelled: false, reason: "only user-interface things are named (presentation is not an interface element)" });
    return undefined;
  }
  // "display the forecasted interest", "show upload progress": showing a value is presentation.
  if (PRESENTING_VERBS.has(verb) && named.length > 0 && named.every((t) => t.kind === "value" || t.kind === "thing" || t.kind === "ui")) {
    out.clauses.push({ text: words, modelled: false, reason: "showing a value is presentation, not an interface element (state which data it reads to make it an operation)" });
    return undefined;
  }
  if (GIVING_VERBS.has(verb) && named.length > 0) verb = "get";
  if (LIGHT_VERBS.has(verb) && verb !== "get") {
    out.clauses.push({ text: words, modelled: false, reason: `"${rawVerb}" names no action of its own` });
    return undefined;
  }
  const main = pickMain(named);
  // "implement profanity filtering", "facilitate direct communication", "introduce a sync": a
  // capability to build, named by an activity; it says neither what is acted on nor by whom.
  const objectWords = objectPhrase ? contentWords(objectPhrase) : [];
  const objectHead = objectWords[objectWords.length - 1] ?? "";
  if (BUILDING_VERBS.has(verb) && main?.kind !== "field" && !(main?.kind === "entity" && main.declared) && ACTIVITY_NOUN.test(objectHead)) {
    out.clauses.push({ text: words, modelled: false, reason: `"${objectWords.join(" ")}" names a capability to build, not what it acts on: state the action on the data ("search listings by title")` });
    return undefined;
  }
  // "add a book to the catalogue" in the Catalogue component: the component's own collection, not an entity.
  const ownWords = input.component ? splitWords(input.component.name).join(" ") : undefined;
  const intoOwn = (phrase: string) => ownWords !== undefined && contentWords(phrase).map((w) => w.replace(/s$/, "")).join(" ") === ownWords.replace(/s$/, "") && !known.entityByKey.has(ownWords);
  const compTerms = complements.map((c) => ({
    prep: c.prep,
    phrase: c.phrase,
    term: intoOwn(c.phrase) ? ({ kind: "none" } as Term) : resolvePhrase(known, c.phrase, main && main.kind === "entity" ? { owner: main.name } : {}),
    filter: undefined as string[] | undefined,
  }));
  // "search books by title, author or ISBN": what a listing is filtered by is a field of what it lists.
  const earlyCrud = verb.includes(" ") ? undefined : crudClassOf(verb);
  if ((earlyCrud === "list" || earlyCrud === "search" || earlyCrud === "get") && main?.kind === "entity") {
    for (const c of compTerms) {
      if (c.prep !== "by" || (c.term.kind === "entity" && c.term.declared)) continue;
      const w = c.term.kind === "value" ? c.term.words : c.term.kind === "field" ? splitWords(c.term.field) : contentWords(c.phrase);
      c.term = { kind: "none" };
      if (w.length > 0 && w.length <= 3) c.filter = w;
    }
  }

  // Entities and fields the action names exist because of this statement (unless the clause makes
  // nothing: then it is reported, and what it names is not made either).
  const madeFrom = out.contributions.length;
  for (const t of [...named, ...compTerms.map((c) => c.term)]) {
    if (t.kind === "entity") out.contributions.push({ ...origin("entities/named"), kind: "entity", name: t.name, declared: false });
    if (t.kind === "field") {
      out.contributions.push({ ...origin("entities/named"), kind: "entity", name: t.entity, declared: false });
      out.contributions.push({ ...origin("fields/named"), kind: "field", entity: t.entity, field: { name: t.field, type: { kind: "primitive", name: primitiveFor(splitWords(t.field)) }, optional: false } });
    }
  }

  // "record the date each book was added", "store the customer's address": keeping a field adds the field.
  if (KEEPING_VERBS.has(verb) && main && main.kind === "field") {
    out.clauses.push({ text: words, modelled: true });
    return undefined;
  }
  if (KEEPING_VERBS.has(verb) && main?.kind === "value") {
    // "record the date each book was added": the value belongs to the thing the rest of the clause names.
    const rest = textAfter(input.statement.text, words);
    const clause = /^\s*(?:that\s+|when\s+|on which\s+|at which\s+)?((?:\w+\s+){0,3}?\w+)\s+(?:was|is|were|are|gets?|got|has been|have been)\s+(\w+)/i.exec(rest);
    const owner = compTerms.find((c) => c.term.kind === "entity")?.term;
    const fromClause = clause ? resolvePhrase(known, clause[1]!) : undefined;
    const entity = fromClause?.kind === "entity" ? fromClause.name : owner?.kind === "entity" ? owner.name : undefined;
    if (entity) {
      const temporal = /^(?:date|time|timestamp|day|moment)$/.test(main.words[main.words.length - 1] ?? "");
      const name = clause && temporal ? toMemberName([clause[2]!, "at"], "value") : main.name;
      const type: TypeSpec = { kind: "primitive", name: clause && temporal ? "datetime" : primitiveFor(main.words) };
      out.contributions.push({ ...origin("entities/named"), kind: "entity", name: entity, declared: false });
      out.contributions.push({ ...origin("fields/kept"), kind: "field", entity, field: { name, type, optional: false } });
      out.clauses.push({ text: words, modelled: true });
      return undefined;
    }
  }
  if (STORAGE_VERBS.has(verb) && (!main || main.kind === "entity")) {
    const modelled = input.facts.constraints.length > 0;
    out.clauses.push({ text: words, modelled, ...(modelled ? {} : { reason: "storing data is how, not what: no interface element (state who reads it, or a retention constraint)" }) });
    return undefined;
  }
  if (["record", "log", "save", "capture"].includes(verb) && main?.kind === "entity") verb = "create";

  // "manage my listings": every CRUD operation on them.
  if (MANAGING_VERBS.has(verb) && main?.kind === "entity") {
    const ops: OpContribution[] = [];
    for (const cls of ["create", "get", "list", "update", "delete"] as const) {
      const r = readAction({ ...input }, { ...action, verb: cls === "list" ? "list" : cls }, cls, (rule) => ({ ...origin(rule), rule: "operations/manage" }), out);
      if (r) ops.push(r.op);
    }
    if (ops.length === 0) return undefined;
    for (const op of ops.slice(1)) out.implied.push({ ...op, rule: "operations/manage" });
    return { op: { ...ops[0]!, rule: "operations/manage" }, action };
  }
  let crud = verb.includes(" ") ? undefined : crudClassOf(verb);
  const base = { ...origin("operations/domain"), kind: "operation" as const };
  const role: InterfaceRole = input.handles ? "handlers" : "api";
  const eventParam: ParamSpec[] = input.handles ? [{ name: "event", type: { kind: "event", name: input.handles }, optional: false }] : [];
  const params: ParamSpec[] = [...eventParam];
  const addParam = (p: ParamSpec) => {
    if (!params.some((q) => q.name === p.name)) params.push(p);
  };
  const complementParams = (except?: string, skip: readonly string[] = []) => {
    for (const c of compTerms) {
      const t = c.term;
      if (skip.includes(c.prep)) continue;
      if (t.kind === "entity" && t.name !== except) addParam({ name: toMemberName(splitWords(t.name), "value"), type: { kind: "entity", name: t.name }, optional: false });
      else if (t.kind === "actor") addParam(actorParam(t.name, known));

      else if (t.kind === "value" || t.kind === "field") {
        const pname = t.kind === "value" ? t.name : t.field;
        addParam({ name: pname, type: { kind: "primitive", name: primitiveFor(splitWords(pname)) }, optional: c.prep === "by" });
      }
    }
  };
  let op: OpContribution | undefined;
  let entity: string | undefined;
  let name: string | undefined;
  let returns: TypeSpec = { kind: "primitive", name: "void" };
  let rule = "operations/domain";

  // A person managed as data ("register a coach", "delete a user") is an entity.
  const mainThing: Term | undefined = main?.kind === "actor" && crud ? { kind: "entity", name: main.name, plural: main.plural, declared: false } : main;
  if (mainThing !== main && mainThing?.kind === "entity") out.contributions.push({ ...origin("entities/named"), kind: "entity", name: mainThing.name, declared: false });

  const target = compTerms.find((c) => ["to", "into", "onto", "from", "in", "on"].includes(c.prep) && c.term.kind === "entity" && (mainThing?.kind !== "entity" || c.term.name !== mainThing.name));
  const ownConcept = input.component && known.entityByKey.get(splitWords(input.component.name).join(" ")) === input.component.name ? input.component.name : undefined;

  if (ASSOCIATION_VERBS.has(verb) && mainThing?.kind === "entity" && (target || ownConcept) && (target?.term.kind === "entity" ? target.term.name : ownConcept) !== mainThing.name) {
    // "add a book to the cart": the book goes into the cart; the cart is the operation's entity.
    const container = target && target.term.kind === "entity" ? target.term.name : ownConcept!;
    const into = target ? (target.prep === "from" ? "from" : "to") : verb === "remove" || verb === "detach" || verb === "unlink" ? "from" : "to";
    const suffix = container === ownConcept || container === input.component?.name ? [] : [into, ...splitWords(container)];
    name = toMemberName([verb, ...splitWords(mainThing.name), ...suffix], "operation");
    entity = container;
    addParam({ name: toMemberName(splitWords(container), "value"), type: { kind: "entity", name: container }, optional: false });
    addParam({ name: toMemberName(splitWords(mainThing.name), "value"), type: entityType(mainThing), optional: false });
    complementParams(container);
    rule = "operations/association";
  } else if (crud && mainThing?.kind === "entity") {
    entity = mainThing.name;
    if (crud === "get" && mainThing.plural) crud = "list";
    const cls: CrudClass = crud;
    const ew = splitWords(mainThing.name);
    const many = cls === "list" || cls === "search";
    name = toMemberName([input.naming[cls], ...(many ? [...ew.slice(0, -1), pluralWord(ew[ew.length - 1]!)] : ew)], "operation");
    rule = "operations/crud";
    const own: TypeSpec = { kind: "entity", name: mainThing.name };
    if (cls === "create") {
      addParam({ name: toMemberName(ew, "value"), type: own, optional: false });
      complementParams(mainThing.name, ["with"]);
      returns = own;
      withFields(input, mainThing.name, compTerms, origin, out);
    } else if (cls === "get") {
      addParam(keyParam(mainThing.name, known));
      returns = own;
    } else if (cls === "list" || cls === "search") {
      for (const c of compTerms) {
        if (c.filter) {
          const w = c.filter;
          const fname = fieldName(w);
          addParam({ name: fname, type: { kind: "primitive", name: primitiveFor(w) }, optional: true });
          out.contributions.push({ ...origin("fields/filter"), kind: "field", entity: mainThing.name, field: { name: fname, type: { kind: "primitive", name: primitiveFor(w) }, optional: false } });
        }
      }
      complementParams(mainThing.name, ["by"]);
      returns = { kind: "list", of: own };
    } else if (cls === "update") {
      addParam({ name: toMemberName(ew, "value"), type: own, optional: false });
      complementParams(mainThing.name);
      returns = own;
    } else {
      addParam(keyParam(mainThing.name, known));
      complementParams(mainThing.name);
    }
  } else if (mainThing?.kind === "field" && PRODUCING_VERBS.has(verb)) {
    // "calculate the net", "calculate the forecasted savings": what is computed is the entity holding them.
    entity = mainThing.entity;
    name = toMemberName([verb, ...splitWords(mainThing.entity)], "operation");
    complementParams(mainThing.entity);
    returns = { kind: "entity", name: mainThing.entity };
    rule = "operations/domain";
  } else if (mainThing?.kind === "field" || (crud !== undefined && crud !== "create" && mainThing?.kind === "value" && (target || compTerms.some((c) => c.term.kind === "entity")))) {
    // "change the price of a book", "track the status of their orders", "set a rating on a recipe".
    const fieldsOf = named.filter((t): t is Extract<Term, { kind: "field" }> => t.kind === "field");
    // "track the status of their orders (placed, paid, shipped)": the listed values make an enum.
    const listed = objectPhrase && mainThing.kind === "field" && STATE_HEADS.has(splitWords(mainThing.field).pop() ?? "") ? new RegExp(`(?<![\\w-])${escapeRegExp(objectPhrase)}\\s*\\(([^)]+)\\)`, "i").exec(input.statement.text) : null;
    const values = listed ? listed[1]!.split(/\s*(?:,|\/|\bor\b)\s*/).map((v) => v.trim().toLowerCase()).filter((v) => /^[a-z][\w -]{0,30}$/.test(v) && v.split(/\s+/).length <= 3) : [];
    if (mainThing.kind === "field" && values.length >= 2) {
      const enumName = toTypeName([...splitWords(mainThing.entity), ...splitWords(mainThing.field)], "Kind");
      out.contributions.push({ ...origin("fields/value-list"), kind: "enum", name: enumName, values });
      out.contributions.push({ ...origin("fields/value-list"), kind: "field", entity: mainThing.entity, field: { name: mainThing.field, type: { kind: "enum", name: enumName }, optional: false } });
    }
    const ownerTerm = (target ?? compTerms.find((c) => c.term.kind === "entity"))?.term;
    const owner = mainThing.kind === "field" ? mainThing.entity : (ownerTerm as Extract<Term, { kind: "entity" }>).name;
    const fields = mainThing.kind === "field" ? fieldsOf.filter((f) => f.entity === owner).map((f) => f.field) : [mainThing.kind === "value" ? mainThing.name : ""];
    if (mainThing.kind === "value") out.contributions.push({ ...origin("fields/named"), kind: "field", entity: owner, field: { name: fields[0]!, type: { kind: "primitive", name: primitiveFor(splitWords(fields[0]!)) }, optional: false } });
    entity = owner;
    const ew = splitWords(owner);
    const one = fields.length === 1 ? splitWords(fields[0]!) : [];
    const verbWord = crud ? input.naming[crud === "search" || crud === "list" ? "get" : crud] : verb;
    name = toMemberName([verbWord, ...ew, ...one], "operation");
    rule = crud ? "operations/field" : "operations/domain";
    addParam(keyParam(owner, known));
    if (crud === "get" || crud === "list" || crud === "search") {
      const enumName = values.length >= 2 && mainThing.kind === "field" ? toTypeName([...splitWords(mainThing.entity), ...splitWords(mainThing.field)], "Kind") : undefined;
      returns = enumName ? { kind: "enum", name: enumName } : fields.length === 1 ? fieldType(owner, fields[0]!, input) : { kind: "entity", name: owner };
      if (fields.length !== 1) name = toMemberName([input.naming.get, ...ew], "operation");
    } else if (crud === "update" || crud === "create") {
      for (const f of fields) addParam({ name: f, type: { kind: "primitive", name: primitiveFor(splitWords(f)) }, optional: false });
    }
    complementParams(owner);
    if (!crud) returns = returnsFor(verb, { kind: "primitive", name: primitiveFor(one) });
  } else if (mainThing?.kind === "entity") {
    entity = mainThing.name;
    const ew = splitWords(mainThing.name);
    const many = PRODUCING_VERBS.has(verb) && mainThing.plural;
    name = toMemberName([verb.replace(/\s+/g, " "), ...(many ? [...ew.slice(0, -1), pluralWord(ew[ew.length - 1]!)] : ew)], "operation");
    addParam({ name: toMemberName(splitWords(mainThing.name), "value"), type: entityType(mainThing), optional: false });
    complementParams(mainThing.name);
    returns = returnsFor(verb, many ? { kind: "list", of: entityType(mainThing) } : entityType(mainThing));
    if (PRODUCING_VERBS.has(verb)) params.splice(eventParam.length, 1);
  } else if (mainThing?.kind === "thing") {
    // Something the declared data model does not name: referred to by an opaque id, reported once.
    const tw = [...mainThing.words.slice(0, -1), singularWord(mainThing.words[mainThing.words.length - 1]!)];
    const many = crud === "list" || crud === "search" || (crud === "get" && mainThing.plural);
    const verbWord = crud ? input.naming[crud === "get" && mainThing.plural ? "list" : crud] : verb;
    name = toMemberName([verbWord, ...(many ? [...tw.slice(0, -1), pluralWord(tw[tw.length - 1]!)] : tw)], "operation");
    const idParam: ParamSpec = { name: toMemberName([...tw, "id"], "id"), type: { kind: "primitive", name: "uuid" }, optional: false };
    if (crud === "create") addParam({ name: toMemberName(tw, "value"), type: { kind: "primitive", name: "string" }, optional: false });
    else if (!many && !PRODUCING_VERBS.has(verb)) addParam(idParam);
    complementParams();
    returns = many ? { kind: "list", of: { kind: "primitive", name: "string" } } : crud === "get" || crud === "create" || PRODUCING_VERBS.has(verb) ? { kind: "primitive", name: "string" } : returnsFor(verb, { kind: "primitive", name: "string" });
    out.things.push({ name: mainThing.name, words: objectPhrase ?? words });
    rule = crud ? "operations/crud" : "operations/domain";
  } else if (mainThing?.kind === "actor") {
    name = toMemberName([verb, ...splitWords(mainThing.name)], "operation");
    addParam(actorParam(mainThing.name, known));
    complementParams();
    entity = compTerms.find((c) => c.term.kind === "entity")?.term.kind === "entity" ? (compTerms.find((c) => c.term.kind === "entity")!.term as { name: string }).name : undefined;
  } else if (mainThing?.kind === "value") {
    // "add a gift message to each book", "calculate the total".
    name = toMemberName([verb, ...mainThing.words], "operation");
    const t = compTerms.find((c) => c.term.kind === "entity");
    entity = t && t.term.kind === "entity" ? t.term.name : undefined;
    complementParams();
    if (!PRODUCING_VERBS.has(verb) && crud !== "get") addParam({ name: mainThing.name, type: { kind: "primitive", name: primitiveFor(mainThing.words) }, optional: false });
    returns = crud === "get" ? { kind: "primitive", name: primitiveFor(mainThing.words) } : returnsFor(verb, { kind: "primitive", name: primitiveFor(mainThing.words) });
  } else if (verb.includes(" ")) {
    // "log in", "check out": a phrasal verb names itself.
    name = toMemberName(splitWords(verb), "operation");
    complementParams();
  }
  if (!name) {
    out.contributions.splice(madeFrom);
    out.clauses.push({ text: words, modelled: false, reason: objectPhrase ? `"${objectPhrase}" names nothing the system keeps` : `"${rawVerb}" has no object: say what it acts on` });
    return undefined;
  }
  const component = input.component?.name ?? (entity ? componentOf(entity) : input.fallbackComponent);
  // A handler receives the event, which carries what it acts on.
  if (input.handles) params.splice(eventParam.length);
  // "mark the book as unavailable": the state it is marked with belongs to the name.
  const as = new RegExp(`${escapeRegExp(words)}\\s+as\\s+(?:an?\\s+|the\\s+)?([a-z]+)`, "i").exec(input.statement.text);
  if (as && ["mark", "flag", "set", "label", "tag", "classify", "record", "report"].includes(verb) && !/^(?:a|an|the|part|well)$/i.test(as[1]!)) name = toMemberName([...splitWords(name), as[1]!], "operation");
  op = {
    ...base,
    rule,
    component,
    role,
    name,
    verb,
    ...(crud ? { crud } : {}),
    ...(entity ? { entity } : {}),
    params,
    returns,
    async: !SYNC_VERBS.has(verb),
    actors: [...input.actors],
    ...(input.handles ? { handles: input.handles } : {}),
    ...(input.statement.ears?.state ? { whileState: input.statement.ears.state } : {}),
    ...(input.statement.ears?.feature ? { feature: input.statement.ears.feature } : {}),
    errors: [...input.errors],
    effects: [],
  };
  if (op.crud === "create" && op.entity && role === "api" && rule === "operations/crud") {
    // What the system creates, callers can read back: get and list come with create.
    const ew = splitWords(op.entity);
    const own: TypeSpec = { kind: "entity", name: op.entity };
    const implied = (cls: "get" | "list", params: ParamSpec[], returns: TypeSpec): OpContribution => ({
      ...op!,
      rule: "operations/implied-read",
      name: toMemberName([input.naming[cls], ...(cls === "list" ? [...ew.slice(0, -1), pluralWord(ew[ew.length - 1]!)] : ew)], "operation"),
      crud: cls,
      verb: cls,
      params,
      returns,
      errors: [],
      effects: [],
      async: true,
    });
    out.implied.push(implied("get", [keyParam(op.entity, known)], own), implied("list", [], { kind: "list", of: own }));
  }
  if (action.refused && input.errors.length === 0) {
    op.errors.push({ name: toTypeName([verb, ...splitWords(name).slice(1), "refused"], "Refused") + "Error", when: words, origin: origin("errors/refusal") });
  }
  return { op, action };
}

/** The statement's text after a phrase of it ("" when the phrase is not found as written). */
function textAfter(text: string, phrase: string): string {
  const at = text.toLowerCase().indexOf(phrase.toLowerCase());
  return at === -1 ? "" : text.slice(at + phrase.length);
}

/** "another copy", "more items": a partitive with nothing after it. */
function isBarePartitive(phrase: string): boolean {
  const w = contentWords(phrase);
  return w.length === 1 && ["copy", "copies", "unit", "units", "item", "items", "piece", "pieces", "instance", "instances", "one"].includes(w[0]!) && !/\bof\b/i.test(phrase);
}

/** The component of operations that have no component of their own: named after the entity they serve ("Recipe" -> Recipes). */
export function componentOf(entity: string): string {
  const w = splitWords(entity);
  return toTypeName([...w.slice(0, -1), pluralWord(w[w.length - 1]!)], "Component");
}

/** The term an operation acts on: an entity first, then fields, values and persons. */
function pickMain(terms: readonly Term[]): Term | undefined {
  return terms.find((t) => t.kind === "entity") ?? terms.find((t) => t.kind === "field") ?? terms.find((t) => t.kind === "thing") ?? terms.find((t) => t.kind === "actor") ?? terms.find((t) => t.kind === "value");
}

function entityType(t: Extract<Term, { kind: "entity" }>): TypeSpec {
  return { kind: "entity", name: t.name };
}

/** The parameter that identifies one entity: its declared key, else `<entity>Id`. */
function keyParam(entity: string, known: KnownTerms): ParamSpec {
  const key = known.keys?.get(entity);
  if (key) return { name: key.name, type: { kind: "primitive", name: key.type }, optional: false };
  return { name: toMemberName([...splitWords(entity), "id"], "id"), type: { kind: "primitive", name: "uuid" }, optional: false };
}

/** A person as a parameter: the entity of that name when one is declared, else `<person>Id`. */
function actorParam(actor: string, known: KnownTerms): ParamSpec {
  const declared = known.entityByKey.get(splitWords(actor).join(" "));
  if (declared) return { name: toMemberName(splitWords(declared), "value"), type: { kind: "entity", name: declared }, optional: false };
  return { name: toMemberName([...splitWords(actor), "id"], "id"), type: { kind: "primitive", name: "uuid" }, optional: false };
}

function fieldType(entity: string, field: string, input: OperationsInput): TypeSpec {
  const e = input.known.enums?.get(`${entity}.${field}`);
  return e ? { kind: "enum", name: e } : { kind: "primitive", name: primitiveFor(splitWords(field)) };
}

function returnsFor(verb: string, object: TypeSpec): TypeSpec {
  if (BOOLEAN_VERBS.has(verb) || verb === "check") return { kind: "primitive", name: "boolean" };
  if (verb === "count") return { kind: "primitive", name: "integer" };
  if (PRODUCING_VERBS.has(verb)) return object;
  return { kind: "primitive", name: "void" };
}

/** "create an order ... with the customer's delivery address and the order total": attributes of the new entity. */
function withFields(input: OperationsInput, entity: string, comps: { prep: string; phrase: string; term: Term }[], origin: (rule: string) => Origin, out: OperationsOutput): void {
  for (const c of comps) {
    if (c.prep !== "with") continue;
    const words = c.term.kind === "field" ? splitWords(c.term.field) : c.term.kind === "value" ? c.term.words : [];
    if (words.length === 0) continue;
    // "the customer's delivery address": the new order keeps the address, named by its last words.
    const name = c.term.kind === "field" && c.term.entity !== entity ? c.term.field : fieldName(words);
    out.contributions.push({ ...origin("fields/created-with"), kind: "field", entity, field: { name, type: { kind: "primitive", name: primitiveFor(splitWords(name)) }, optional: false } });
  }
  void input;
}
