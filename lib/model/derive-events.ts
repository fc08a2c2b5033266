import type { ClauseFact, Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import type { Contribution, FieldSpec } from "./draft.js";
import { nameEventWords } from "./name-event.js";
import { splitWords, toMemberName, toTypeName } from "./naming.js";
import { resolvePhrase, type KnownTerms } from "./resolve-phrase.js";
import { GESTURE_VERBS, UI_NOUNS } from "./vocabulary.js";

/**
 * Pass "events" (docs/model.md "Events"): a WHEN clause whose subject is a thing ("the order is
 * confirmed", "the payment provider declines the charge") is a domain event; the statement's
 * operations handle it. A WHEN clause whose subject is a person ("a customer adds a book") is a
 * request: its operations are called by that person, and no event is made. Clauses about the user
 * interface ("the page loads", "the user clicks Save") never make events.
 */
export function deriveEvents(options: { statement: Statement; facts: Facts; known: KnownTerms }): { handles?: string; contributions: Contribution[] } {
  const { statement, facts, known } = options;
  if (statement.kind === "scenario" || statement.kind === "glossary" || statement.kind === "prose") return { contributions: [] };
  const contributions: Contribution[] = [];
  let handles: string | undefined;
  for (const t of facts.triggers ?? []) {
    if (!isDomainEvent(t, known)) continue;
    const words = nameEventWords(t.text);
    if (words.length === 0) continue;
    const name = toTypeName(words, "Event");
    const fields: FieldSpec[] = [];
    for (const phrase of [t.subject, t.action?.object].filter((p): p is string => !!p)) {
      const term = resolvePhrase(known, phrase);
      const entity = term.kind === "entity" ? term.name : term.kind === "field" ? term.entity : undefined;
      if (!entity) continue;
      const fname = toMemberName(splitWords(entity), "subject");
      if (!fields.some((f) => f.name === fname)) fields.push({ name: fname, type: { kind: "entity", name: entity }, optional: false });
      contributions.push({ source: statement.id, rule: "entities/named", words: t.text, kind: "entity", name: entity, declared: false });
    }
    contributions.push({ source: statement.id, rule: "events/domain-trigger", words: t.text, kind: "event", name, fields });
    handles ??= name;
  }
  return { ...(handles ? { handles } : {}), contributions };
}

/** Verbs of states, not happenings: a WHEN clause made of them is a condition. */
const STATE_VERBS = new Set(["be", "have", "contain", "include", "hold", "exist", "remain", "equal", "match", "lack", "own", "belong", "consist", "comprise", "need", "require", "want", "know", "seem", "appear"]);

/** True when a trigger is something that happens to a thing of the domain, not a person's request or a UI gesture. */
export function isDomainEvent(t: ClauseFact, known: KnownTerms): boolean {
  if (t.actor) return false;
  // "when p95 latency exceeds 750 ms", "when confidence falls below 0.6": a threshold, not an event.
  if (/\d/.test(t.text) && /\b(?:exceed|above|below|over|under|more than|less than|greater|fewer|reach|drop|fall|rise)\w*/i.test(t.text)) return false;
  const verb = t.action?.verb?.toLowerCase() ?? "";
  if (GESTURE_VERBS.has(verb)) return false;
  if (t.subject) {
    const term = resolvePhrase(known, t.subject);
    // Only things of the domain have events; "the server is unreachable" is a condition of the platform.
    if (term.kind === "ui" || term.kind === "actor" || term.kind === "none" || term.kind === "value") return false;
    const head = splitWords(t.subject).pop() ?? "";
    if (UI_NOUNS.has(head)) return false;
  }
  // Something must happen to something: "the cart is empty" is a state, "when determining the month" names no thing.
  if (!t.action || !t.subject || STATE_VERBS.has(verb)) return false;
  return true;
}
