import type { Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import { assignComponent, type ComponentChoice } from "./assign-component.js";
import { deriveConstraints } from "./derive-constraints.js";
import { deriveEvents } from "./derive-events.js";
import { deriveOperations } from "./derive-operations.js";
import type { ClauseOutcome, Contribution, ErrorSpec, StatementPlan } from "./draft.js";
import { nameError } from "./name-error.js";
import { splitWords, toTypeName } from "./naming.js";
import { primitiveFor, primitiveOf } from "./primitive-for.js";
import type { Declarations } from "./read-declarations.js";
import { contentWords, fieldName, resolvePhrase, type KnownTerms } from "./resolve-phrase.js";
import type { CrudClass } from "./vocabulary.js";

/**
 * Everything one statement contributes to the model, decided from that statement, its parents,
 * the declarations and the config (docs/model.md "Passes"). Because no other statement is read,
 * editing a statement can only change the elements it contributes to.
 */

export interface PlanContext {
  declarations: Declarations;
  byId: ReadonlyMap<string, Statement>;
  factsById: ReadonlyMap<string, Facts>;
  naming: Record<CrudClass, string>;
  /** The feature (or file) component of each file, for operations with neither component nor entity. */
  fallbackByFile: ReadonlyMap<string, string>;
  /** Files that hold requirement statements: prose in them is narrative around the requirements. */
  requirementFiles: ReadonlySet<string>;
  systemName?: string;
}

/** Statement kinds that state requirements. */
export const REQUIREMENT_KINDS = new Set(["user-story", "ears-ubiquitous", "ears-event", "ears-state", "ears-unwanted", "ears-optional", "ears-complex", "shall"]);

export function planStatement(st: Statement, ctx: PlanContext): StatementPlan {
  const declared = ctx.declarations.contributions.get(st.id);
  if (declared) return { statement: st, contributions: declared, clauses: [] };
  const facts = ctx.factsById.get(st.id);
  if (!facts) return { statement: st, contributions: [], clauses: [] };
  const known = ctx.declarations.knownFor(st.file);
  const contributions: Contribution[] = [];
  // In a requirement that acts, fields come from what it acts on (operations); the extractor's
  // attribute lists there mostly attach "with ..." to the wrong noun ("add X to the catalogue with its ISBN").
  // Narrative prose and test steps around requirements ("Can be tested by adding a recipe with obvious
  // characteristics") are not data statements: only declarations and requirements that state structure are.
  const narrative = st.kind === "scenario" || (st.kind === "prose" && ctx.requirementFiles.has(st.file));
  if (!narrative && !(REQUIREMENT_KINDS.has(st.kind) && facts.actions.length > 0)) contributions.push(...statedFields(st, facts, known));
  if (st.kind === "scenario") return { statement: st, contributions: [...contributions, ...scenarioRequests(st, facts, ctx)], clauses: [] };
  if (!isRequirement(st, facts, ctx)) return { statement: st, contributions, clauses: [] };

  const actors = actorNames(facts);
  for (const a of actors) contributions.push({ source: st.id, rule: "actors/persona", words: a, kind: "actor", name: a });
  const component = assignComponent({ statement: st, facts, byId: ctx.byId, factsById: ctx.factsById, pins: known.pins, ...(ctx.systemName ? { systemName: ctx.systemName } : {}) });
  if (component?.explicit) contributions.push({ source: st.id, rule: component.rule, words: component.words, kind: "component", name: component.name, explicit: true });
  const events = deriveEvents({ statement: st, facts, known });
  contributions.push(...events.contributions);
  const errors = errorsOf(st, facts);
  // A measured quality ("search results within 300 ms") constrains operations; EARS triggers, states and
  // unwanted conditions describe behaviour even when they carry a measure ("IF no answer within 10 s").
  const behavioural = st.kind === "ears-event" || st.kind === "ears-unwanted" || st.kind === "ears-state" || st.kind === "ears-complex" || st.kind === "user-story";
  const qualityOnly = !facts.functional && facts.constraints.length > 0 && !behavioural;
  const ops = deriveOperations({
    statement: st,
    facts: withRequestDetail(facts),
    known,
    ...(component ? { component } : {}),
    fallbackComponent: ctx.fallbackByFile.get(st.file) ?? toTypeName(splitWords(ctx.systemName ?? "System"), "System"),
    naming: ctx.naming,
    actors,
    ...(events.handles ? { handles: events.handles } : {}),
    unwanted: st.ears?.condition !== undefined || errors.length > 0,
    qualityOnly,
    errors,
  });
  contributions.push(...ops.contributions);
  for (const op of ops.contributions) {
    if (op.kind === "operation" && !(component?.explicit && op.component === component.name)) {
      contributions.push({ source: st.id, rule: component ? component.rule : op.entity ? "components/entity" : "components/feature", words: component?.words ?? op.entity ?? op.component, kind: "component", name: op.component, explicit: false });
    }
  }
  contributions.push(...deriveConstraints({ statement: st, facts, known, ...(component ? { component } : {}), operations: ops.operations, topic: ops.topic }));
  const clauses: ClauseOutcome[] = [...ops.clauses];
  for (const u of facts.unread ?? []) {
    if (clauses.some((c) => c.text.includes(u) || u.includes(c.text))) continue;
    // "be available 99.9% of the time": a clause that carries a measured bound is modelled by it.
    if (facts.constraints.some((c) => u.includes(c.text) || c.text.includes(u)) || (facts.constraints.length > 0 && /\d/.test(u))) continue;
    clauses.push({ text: u, modelled: false, reason: "not read as an action (verb and object)" });
  }
  if (errors.length > 0 && ops.operations.length === 0) {
    // "WHEN the branch does not exist, THEN the worker SHALL fail": the error belongs to the operations
    // on the same things; the link pass finds them (or reports the condition).
    const topic = [...(facts.conditions ?? []).flatMap((c) => [c.subject ?? "", c.action?.object ?? ""]), ...facts.entities].flatMap((p) => contentWords(p));
    contributions.push({ source: st.id, rule: "errors/condition", words: errors.map((e) => e.when).join("; "), kind: "error", ...(component ? { component: component.name } : {}), topic, errors });
  }
  const made = contributions.some((c) => c.kind === "operation" || c.kind === "constraint" || c.kind === "field" || c.kind === "event" || c.kind === "relation");
  if (!made && clauses.every((c) => c.modelled)) {
    clauses.push({ text: st.text, modelled: false, reason: "no action, data or measurable constraint was read from it" });
  }
  return { statement: st, ...(component ? { component: component.name } : {}), contributions, clauses, ...(ops.things.length > 0 ? { things: ops.things } : {}) };
}

/**
 * What a scenario's people do ("When I delete a tag", "When a coach registers for a tournament") are
 * requests the system answers: operations, like the requirement's own, in the requirement's component.
 * The scenario's other steps are test steps and make nothing but the fields they state.
 */
function scenarioRequests(st: Statement, facts: Facts, ctx: PlanContext): Contribution[] {
  const known = ctx.declarations.knownFor(st.file);
  // Only requests on the data model count: "When I delete a tag", not "When I review the suggestions".
  const onData = (phrase: string | undefined) => {
    if (!phrase) return false;
    const t = resolvePhrase(known, phrase);
    return t.kind === "entity" || t.kind === "field";
  };
  const actions = (facts.triggers ?? []).filter((t) => t.action && (t.actor !== undefined || t.subject === undefined) && onData(t.action.object)).map((t) => t.action!);
  if (actions.length === 0) return [];
  // A request in a scenario goes to the component of the entity it acts on ("When a customer cancels
  // an order" under a payment requirement is still the orders' operation); only without one to the requirement's.
  const actors = actorNames(facts);
  const ops = deriveOperations({
    statement: st,
    facts: { ...facts, actions, constraints: [] },
    known,
    fallbackComponent: assignComponent({ statement: st, facts, byId: ctx.byId, factsById: ctx.factsById, pins: known.pins, ...(ctx.systemName ? { systemName: ctx.systemName } : {}) })?.name ?? ctx.fallbackByFile.get(st.file) ?? toTypeName(splitWords(ctx.systemName ?? "System"), "System"),
    naming: ctx.naming,
    actors,
    unwanted: false,
    qualityOnly: false,
    errors: [],
  });
  const out: Contribution[] = [];
  for (const a of actors) out.push({ source: st.id, rule: "actors/persona", words: a, kind: "actor", name: a });
  for (const c of ops.contributions) {
    if (c.kind === "operation") {
      out.push({ ...c, rule: c.rule === "operations/implied-read" ? c.rule : "operations/scenario-request" });
      out.push({ source: st.id, rule: c.entity ? "components/entity" : "components/parent", words: c.entity ?? c.component, kind: "component", name: c.component, explicit: false });
    } else out.push(c);
  }
  return out;
}

/**
 * "WHEN a customer adds a book to the cart with a quantity, THE Cart SHALL add that many copies": the
 * response carries out the person's request, so what the request names (its object and complements)
 * are the operation's inputs too. Only a response action with the request's own verb takes them.
 */
function withRequestDetail(facts: Facts): Facts {
  const requests = (facts.triggers ?? []).filter((t) => t.actor !== undefined && t.action).map((t) => t.action!);
  if (requests.length === 0) return facts;
  const actions = facts.actions.map((a) => {
    const r = requests.find((q) => q.verb === a.verb);
    if (!r) return a;
    const own = a.complements ?? [];
    const extra = (r.complements ?? []).filter((c) => !own.some((o) => o.prep === c.prep));
    if (extra.length === 0 && (a.object || !r.object)) return a;
    return { ...a, ...(a.object ? {} : r.object ? { object: r.object } : {}), complements: [...own, ...extra] };
  });
  return { ...facts, actions };
}

/** True when a statement states requirements (prose counts only in files without requirement statements). */
function isRequirement(st: Statement, facts: Facts, ctx: PlanContext): boolean {
  if (REQUIREMENT_KINDS.has(st.kind)) return true;
  // A transcript is a conversation: what the stakeholder asks for with a modal ("it must ...", "we
  // need ...") is a requirement; the rest (questions, the assistant's explanations and examples) is not.
  if (st.kind === "chat") return st.speaker === "user" && !/\?\s*$/.test(st.text) && /\b(?:must|shall|should|needs? to|has to|have to|want(?:s)? (?:it )?to|never|always)\b/i.test(st.text);
  if (st.kind === "prose") return !ctx.requirementFiles.has(st.file) && (facts.actions.length > 0 || facts.constraints.length > 0);
  return false;
}

/** Actor names of a statement: "shop manager" -> ShopManager; "a visitor who has heard of us" -> Visitor. */
function actorNames(facts: Facts): string[] {
  const out: string[] = [];
  for (const a of facts.actors) {
    const words = contentWords(a.split(/\s+(?:who|that|which|with|looking|interested|from|on|in|at)\s+/i)[0] ?? a);
    if (words.length === 0) continue;
    const name = toTypeName(words.slice(-3), "Actor");
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** Error cases of a statement: its IF conditions (and failure conditions it states). */
function errorsOf(st: Statement, facts: Facts): ErrorSpec[] {
  const out: ErrorSpec[] = [];
  for (const c of facts.conditions ?? []) {
    const name = nameError(c);
    if (out.some((e) => e.name === name)) continue;
    out.push({ name, when: c.text, origin: { source: st.id, rule: "errors/condition", words: c.text } });
  }
  return out;
}

/** Fields a statement states outright ("each order has a date, a total and a status"). */
function statedFields(st: Statement, facts: Facts, known: KnownTerms): Contribution[] {
  const out: Contribution[] = [];
  for (const f of facts.fields) {
    const owner = resolvePhrase(known, f.entity);
    const entity = owner.kind === "entity" ? owner.name : owner.kind === "field" ? owner.entity : undefined;
    if (!entity) continue;
    const words = splitWords(f.field);
    if (words.length === 0 || words.length > 4) continue;
    const name = fieldName(words);
    out.push({ source: st.id, rule: "entities/named", words: f.entity, kind: "entity", name: entity, declared: false });
    if (f.values && f.values.length >= 2) {
      const enumName = toTypeName([...splitWords(entity), ...words], "Kind");
      out.push({ source: st.id, rule: "fields/value-list", words: `${f.field} (${f.values.join(", ")})`, kind: "enum", name: enumName, values: f.values });
      out.push({ source: st.id, rule: "fields/stated", words: f.field, kind: "field", entity, field: { name, type: { kind: "enum", name: enumName }, optional: f.optional === true } });
    } else {
      out.push({ source: st.id, rule: "fields/stated", words: f.field, kind: "field", entity, field: { name, type: { kind: "primitive", name: f.type ? primitiveOf(f.type) : primitiveFor(words) }, optional: f.optional === true } });
    }
  }
  return out;
}

export type { ComponentChoice };
