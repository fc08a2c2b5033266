import { readNounPhrase } from "../nlp/read-noun-phrase.js";
import { tagText } from "../nlp/tag-text.js";
import type { NounChunk, TaggedText, Token } from "../nlp/types.js";
import type { Statement } from "../statements/types.js";
import { classifyQuality } from "./classify-quality.js";
import { findConstraints } from "./find-constraints.js";
import { findFields, type FieldFact } from "./find-fields.js";
import { ACTION_VERBS, MODALS } from "./lexicon.js";
import { isGenericSubject, isPersona, normaliseActor, normaliseEntity, normaliseName, spanText, stripDeterminer } from "./normalise-phrase.js";
import { readActions, type FoundAction } from "./read-actions.js";
import { readEventPhrase } from "./read-event-phrase.js";
import { parseScenarioText, parseStoryText } from "./parse-parts.js";
import type { Action, ClauseFact, Facts } from "./types.js";
import { findUnreadClauses } from "./find-unread-clauses.js";

/** Collects facts from the parts of one statement; order of first appearance, no duplicates. */
class FactsBuilder {
  readonly actors = new Set<string>();
  subject: string | undefined;
  readonly actions: Action[] = [];
  readonly entities = new Set<string>();
  readonly fields: FieldFact[] = [];
  readonly events = new Set<string>();
  readonly errors = new Set<string>();
  readonly triggers: ClauseFact[] = [];
  readonly conditions: ClauseFact[] = [];
  readonly unread: string[] = [];

  addActor(name: string | undefined): void {
    if (name && !isGenericSubject(name)) this.actors.add(name);
  }
}

const EVENT_WORDS = new Set(["when", "whenever", "once", "after", "upon", "on", "as soon as", "before"]);
const CONDITION_WORDS = new Set(["if", "unless", "in case"]);
const CLAUSE_WORDS = new Set([...EVENT_WORDS, ...CONDITION_WORDS, "while", "where", "during"]);
const FAILURE = /\b(?:fail(?:s|ed|ure|ing)?|invalid|error(?:s)?|unavailable|time[sd]? ?out|timeout|exceed(?:s|ed)?|missing|not found|(?:do|does|did) not exist|(?:don't|doesn't|didn't) exist|cannot|can't|could not|unable|denied|reject(?:s|ed)?|expired?|corrupt(?:ed)?|lost|down|crash(?:es|ed)?|abandon(?:s|ed)?|unauthori[sz]ed|incorrect|wrong|malformed|duplicate|conflict(?:s)?|insufficient)\b/i;
/** Prepositions whose noun phrase names a thing the action touches ("add X to the cart"). */
const ENTITY_PREPS = new Set(["to", "from", "into", "in", "on", "for", "of", "onto", "within"]);

/** Reads a noun chunk as an entity name (personas allowed where noted). */
function entityOf(tagged: TaggedText, chunk: NounChunk, allowPersona = false): string | undefined {
  return normaliseEntity(tagged.tokens, chunk, { allowPersona });
}

function addFound(b: FactsBuilder, tagged: TaggedText, found: readonly FoundAction[], collectActions: boolean): void {
  for (const f of found) {
    if (collectActions) b.actions.push(f.action);
    for (const o of f.objects) {
      const e = entityOf(tagged, o);
      if (e) b.entities.add(e);
    }
    for (const c of f.complements) {
      if (!ENTITY_PREPS.has(c.prep)) continue;
      const e = entityOf(tagged, c.chunk);
      if (e) b.entities.add(e);
    }
  }
}

function addAgents(b: FactsBuilder, tagged: TaggedText, agents: readonly NounChunk[]): void {
  for (const a of agents) {
    const name = normaliseActor(spanText(tagged.text, tagged.tokens, a.start, a.end));
    if (isPersona(name)) b.addActor(name);
  }
}

/** The noun phrase ending right before token p (allowing adverbs in between), if any. */
function chunkEndingAt(tokens: readonly Token[], from: number, p: number): NounChunk | undefined {
  let end = p;
  while (end > from && tokens[end - 1]!.pos === "ADV") end--;
  for (let s = Math.max(from, end - 8); s < end; s++) {
    const np = readNounPhrase(tokens, s, end);
    if (np && np.end === end) return np;
  }
  return undefined;
}

/** Adds the subject of a clause: a persona becomes an actor, a named component the subject. */
function addSubject(b: FactsBuilder, tagged: TaggedText, chunk: NounChunk): void {
  if (tagged.tokens[chunk.head]!.pos === "PRON") return;
  const phrase = stripDeterminer(spanText(tagged.text, tagged.tokens, chunk.start, chunk.end));
  const name = normaliseName(phrase);
  if (!name) return;
  if (isPersona(name)) b.addActor(normaliseActor(phrase));
  else if (!isGenericSubject(name) && b.subject === undefined && tagged.tokens[chunk.head]!.pos !== "PRON") b.subject = phrase.replace(/[`*"]/g, "");
}

/** A trigger or condition clause: event name, error, and the persona and things it mentions. */
function readClause(b: FactsBuilder, tagged: TaggedText, from: number, to: number, kind: "event" | "condition"): void {
  const { text, tokens } = tagged;
  if (to <= from) return;
  const raw = spanText(text, tokens, from, to).replace(/^(?:when(?:ever)?|once|after|upon|on|if|unless|in case|as soon as|before)\s+/i, "").replace(/[,;:.]+$/, "").trim();
  if (!raw) return;
  const failure = FAILURE.test(raw);
  if (kind === "condition" || failure) b.errors.add(raw);
  const fact: ClauseFact = { text: raw };
  if (kind === "event") {
    const e = readEventPhrase(text, tokens, from, to);
    if (e) {
      b.events.add(e);
      fact.event = e;
    }
  }
  // Who acts in the clause, and what it touches.
  let i = from;
  while (i < to && (CLAUSE_WORDS.has(tokens[i]!.lower) || tokens[i]!.pos === "SCONJ")) i++;
  // "when creating agents": a gerund clause has no subject.
  const gerund = tokens[i]?.pos === "VERB" && tokens[i]!.lower.endsWith("ing");
  const np = gerund ? undefined : readNounPhrase(tokens, i, to);
  let v = i;
  if (np) {
    const phrase = spanText(text, tokens, np.start, np.end);
    const name = normaliseName(phrase);
    if (isPersona(name)) {
      const actor = normaliseActor(phrase);
      b.addActor(actor);
      fact.actor = actor;
    } else {
      const e = entityOf(tagged, np);
      if (e) b.entities.add(e);
      if (tokens[np.head]!.pos !== "PRON") fact.subject = stripDeterminer(phrase);
    }
    v = np.end;
  }
  while (v < to && (tokens[v]!.pos === "AUX" || tokens[v]!.pos === "ADV")) v++;
  const r = readActions({ text, tokens, from: v, to, ...(np ? { subject: np } : {}) });
  addFound(b, tagged, r.found, false);
  if (r.found[0]) fact.action = r.found[0].action;
  if (kind === "event" && !failure) b.triggers.push(fact);
  else b.conditions.push(fact);
  if (kind === "event" && failure) b.triggers.push(fact);
}

/** Index of the modal that introduces the response in tokens[from, to), or -1. */
function findModal(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (MODALS.has(t.lower) && (t.pos === "AUX" || t.pos === "VERB" || t.pos === "NOUN" || t.pos === "PROPN")) return i;
    if ((t.lower === "needs" || t.lower === "has" || t.lower === "have") && tokens[i + 1]?.lower === "to") return i + 1;
  }
  return -1;
}

/** End of a leading clause that starts at `from` ("When X, ..." / "If X then ..."), or -1. */
function leadingClauseEnd(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const w = tokens[i]!.lower;
    if (w === "," || w === "then") return i;
  }
  return -1;
}

/**
 * Reads one requirement sentence: leading WHEN/IF clause, subject, modal, response actions,
 * trailing "when/if" clauses, fields. `imperative` reads a step opening with a software verb as a command.
 */
function readSentence(b: FactsBuilder, tagged: TaggedText, from: number, to: number, options: { imperative?: boolean } = {}): void {
  const { text, tokens } = tagged;
  let start = from;
  while (start < to && (tokens[start]!.pos === "PUNCT" || tokens[start]!.pos === "NUM" || /^[-*]$/.test(tokens[start]!.text) || /^(?:then|and|but|also|or)$/.test(tokens[start]!.lower))) start++;
  if (start >= to) return;
  // Leading subordinate clause(s).
  for (let guard = 0; guard < 3 && start < to; guard++) {
    const w = tokens[start]!.lower;
    if (!CLAUSE_WORDS.has(w)) break;
    let end = leadingClauseEnd(tokens, start, to);
    const modal = findModal(tokens, start, to);
    if (end < 0 || (modal >= 0 && end > modal)) {
      if (modal < 0) break;
      const subj = chunkEndingAt(tokens, start + 1, modal);
      end = subj ? subj.start : modal;
    }
    if (EVENT_WORDS.has(w)) readClause(b, tagged, start, end, "event");
    else if (CONDITION_WORDS.has(w)) readClause(b, tagged, start, end, "condition");
    start = end;
    while (start < to && (tokens[start]!.lower === "," || tokens[start]!.lower === "then")) start++;
  }
  if (start >= to) return addFields(b, tagged, from, to, undefined);
  const modal = findModal(tokens, start, to);
  let subject: NounChunk | undefined;
  let actionsFrom = -1;
  if (modal >= 0) {
    subject = chunkEndingAt(tokens, start, modal);
    actionsFrom = modal + 1;
  } else {
    // A sentence opening with a gerund ("generating skills for a tool") has no subject.
    const first = tokens[start]!;
    const gerund = /^[a-z]{3,}ing$/.test(first.lower) && (first.pos === "VERB" || (first.pos === "NOUN" && !!readNounPhrase(tokens, start + 1, to)));
    // A step that opens with a base-form software verb is an imperative ("display the list").
    const imperative = options.imperative === true && ACTION_VERBS.has(first.lower);
    const np = gerund || imperative ? undefined : readNounPhrase(tokens, start, to);
    if (np && tokens[np.head]!.pos !== "VERB") {
      subject = np;
      actionsFrom = np.end;
      while (actionsFrom < to && tokens[actionsFrom]!.pos === "ADV") actionsFrom++;
    } else actionsFrom = start;
  }
  const r = readActions({ text, tokens, from: actionsFrom, to, ...(subject ? { subject } : {}) });
  if (modal >= 0) b.unread.push(...findUnreadClauses(tagged, Math.max(actionsFrom, r.found.length > 0 ? r.end : actionsFrom), to, r.found.length === 0));
  // The subject of a passive is what is acted on, not the component acting ("prompts SHALL be shown").
  if (subject && !r.found.some((f) => f.passive)) addSubject(b, tagged, subject);
  addFound(b, tagged, r.found, true);
  addAgents(b, tagged, r.agents);
  // Trailing "when/if" clauses after the response.
  for (let i = Math.max(r.end, actionsFrom); i < to; i++) {
    const w = tokens[i]!.lower;
    if (!EVENT_WORDS.has(w) && !CONDITION_WORDS.has(w)) continue;
    if (w === "on" || w === "before" || w === "after") continue;
    let end = i + 1;
    while (end < to && tokens[end]!.lower !== "," && tokens[end]!.lower !== ";" && tokens[end]!.lower !== ".") end++;
    // "check if files are up to date" is a question, not a condition: only failures count.
    if (CONDITION_WORDS.has(w) && !FAILURE.test(spanText(text, tokens, i, end))) {
      i = end;
      continue;
    }
    readClause(b, tagged, i, end, EVENT_WORDS.has(w) ? "event" : "condition");
    i = end;
  }
  addFields(b, tagged, from, to, undefined);
}

function addFields(b: FactsBuilder, tagged: TaggedText, from: number, to: number, owner: string | undefined): void {
  const fields = findFields({
    text: tagged.text,
    tokens: tagged.tokens,
    from,
    to,
    ...(owner ? { owner } : {}),
    nameOf: (chunk) => entityOf(tagged, chunk, true),
  });
  for (const f of fields) {
    b.fields.push(f);
    b.entities.add(f.entity);
  }
}

function readText(b: FactsBuilder, text: string): void {
  const tagged = tagText(text);
  for (const [from, to] of tagged.sentences) readSentence(b, tagged, from, to);
}

function readStory(b: FactsBuilder, s: Statement): void {
  const parts = s.story ?? parseStoryText(s.text);
  if (!parts) return readText(b, s.text);
  // "shopper on the integrated CMS storefront" -> "shopper"
  const role = normaliseActor(parts.role.replace(/\s+(?:on|with|in|at|who|that|which|using|visiting|when|while|from|whose)\s.*$/i, ""));
  if (role) b.actors.add(role);
  let want = parts.want.trim();
  if (!/^i\b/i.test(want)) want = /^(?:to|my|the|a|an|all|our|their|this|these|those|some|each|every|any)\b/i.test(want) ? `I want ${want}` : `I want to ${want}`;
  const tagged = tagText(want);
  const { tokens } = tagged;
  let i = 0;
  while (i < tokens.length && (tokens[i]!.pos === "PRON" || tokens[i]!.pos === "AUX" && tokens[i]!.lemma !== "be" || MODALS.has(tokens[i]!.lower) || tokens[i]!.lower === "'d")) i++;
  // "I do not want to ..." negates every goal.
  const negated = /^I (?:do not|don't|don’t) want\b/i.test(want);
  const r = readActions({ text: want, tokens, from: i, to: tokens.length, structuralAsActions: true });
  if (negated) for (const f of r.found) f.action.negated = true;
  addFound(b, tagged, r.found, true);
  addAgents(b, tagged, r.agents);
  // "I want to be notified when ..." and other trailing clauses.
  for (let k = r.end; k < tokens.length; k++) {
    const w = tokens[k]!.lower;
    if (w !== "when" && w !== "whenever" && w !== "if" && w !== "once") continue;
    let end = k + 1;
    while (end < tokens.length && tokens[end]!.lower !== "," && tokens[end]!.lower !== ".") end++;
    readClause(b, tagged, k, end, w === "if" ? "condition" : "event");
    k = end;
  }
  addFields(b, tagged, 0, tokens.length, undefined);
}

function readEars(b: FactsBuilder, s: Statement): void {
  const ears = s.ears;
  if (!ears) return readText(b, s.text);
  const subject = stripDeterminer(ears.subject);
  const subjectName = normaliseName(subject);
  if (isPersona(subjectName)) b.addActor(normaliseActor(subject));
  else if (subjectName && !isGenericSubject(subjectName)) b.subject = subject;
  if (ears.trigger) {
    const t = tagText(`when ${ears.trigger}`);
    readClause(b, t, 0, t.tokens.length, "event");
  }
  if (ears.condition) {
    const t = tagText(`if ${ears.condition}`);
    readClause(b, t, 0, t.tokens.length, "condition");
  }
  // Re-read the response with its subject so passives ("SHALL be stored") find their object.
  const sentence = `The ${subject} ${ears.modal.toLowerCase()} ${ears.response}`;
  const tagged = tagText(sentence);
  const before = b.subject;
  for (const [from, to] of tagged.sentences) readSentence(b, tagged, from, to);
  b.subject = before;
}

function readScenario(b: FactsBuilder, s: Statement): void {
  const steps = s.scenario?.steps.length ? s.scenario.steps : parseScenarioText(s.text);
  if (steps.length === 0) return readText(b, s.text);
  let current: "given" | "when" | "then" = "given";
  for (const step of steps) {
    if (step.keyword === "given" || step.keyword === "when" || step.keyword === "then") current = step.keyword;
    const tagged = tagText(step.text);
    const n = tagged.tokens.length;
    if (current === "when") {
      const t = tagText(`when ${step.text}`);
      readClause(b, t, 0, t.tokens.length, "event");
    }
    if (current === "given") {
      addFields(b, tagged, 0, n, undefined);
      continue;
    }
    const before = b.subject;
    for (const [from, to] of tagged.sentences) readSentence(b, tagged, from, to, { imperative: true });
    // A step's subject is usually a thing on screen ("the quantity increases"); only a modal step names a component.
    if (!/\b(?:shall|must)\b/i.test(step.text)) b.subject = before;
  }
}

function readGlossary(b: FactsBuilder, s: Statement): void {
  const g = s.glossary;
  if (!g) return readText(b, s.text);
  const term = splitTerm(g.term);
  if (!term) return;
  const tagged = tagText(g.definition);
  const before = b.fields.length;
  for (const [from, to] of tagged.sentences) addFields(b, tagged, from, to, term);
  // A term with attributes is data the system keeps ("EventGroupMember: groupId, eventId"), even
  // when its head names a person; a persona term without attributes is an actor.
  if (isPersona(term) && b.fields.length === before) b.addActor(term);
  else b.entities.add(term);
}

/** "EventGroupMember" -> "event group member" (spec-kit key entities are often PascalCase). */
function splitTerm(term: string): string {
  const bare = term.replace(/\s*[([].*$/, "").trim();
  if (bare.split(/\s+/).length > 5) return "";
  return normaliseName(bare.replace(/[*`]/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " "));
}

/** Reads the facts of one statement. Pure: depends on the statement alone. */
export function extractStatementFacts(s: Statement): Facts {
  const b = new FactsBuilder();
  // Code is read by the model's declarations pass, not by the language reader.
  if (s.kind === "code") return { id: s.id, actors: [], actions: [], entities: [], fields: [], events: [], errors: [], constraints: [], functional: true, qualities: [] };
  switch (s.kind) {
    case "user-story":
      readStory(b, s);
      break;
    case "ears-ubiquitous":
    case "ears-event":
    case "ears-state":
    case "ears-unwanted":
    case "ears-optional":
    case "ears-complex":
      readEars(b, s);
      break;
    case "scenario":
      readScenario(b, s);
      break;
    case "glossary":
      readGlossary(b, s);
      break;
    default:
      readText(b, s.text);
  }
  const constraints = findConstraints(s.text);
  const quality = classifyQuality(s.text, constraints, { behaviour: s.kind === "user-story" || s.kind === "scenario" });
  const facts: Facts = {
    id: s.id,
    actors: [...b.actors],
    actions: b.actions,
    entities: [...b.entities],
    fields: b.fields,
    events: [...b.events],
    errors: [...b.errors],
    ...(b.triggers.length > 0 ? { triggers: b.triggers } : {}),
    ...(b.conditions.length > 0 ? { conditions: b.conditions } : {}),
    ...(b.unread.length > 0 ? { unread: [...new Set(b.unread)] } : {}),
    constraints,
    // A definition states neither behaviour nor a quality; it counts as functional (not an NFR).
    functional: s.kind === "glossary" ? true : quality.functional,
    qualities: s.kind === "glossary" ? [] : quality.qualities,
  };
  if (b.subject) facts.subject = b.subject;
  return facts;
}

/** One Facts per statement, same order. Each statement is read on its own (no cross-talk). */
export function extractFacts(statements: readonly Statement[]): Facts[] {
  return statements.map(extractStatementFacts);
}
