import type { Action, Constraint, Facts } from "../extract/types.js";
import type { LlmAnswer } from "./answer-schema.js";

/**
 * Merges a validated LLM answer into the offline facts of the same statement. The rules, in short:
 * the model may only add what the statement's own words support (every content word of a phrase
 * must occur in the statement: a model, or a statement written to steer one, cannot invent an
 * operation or an entity), and where both engines speak:
 *
 * - actors, entities, fields: union (offline first), duplicates dropped;
 * - subject: the offline one when the statement names it (EARS "THE X SHALL"), else the model's;
 * - actions, events, errors: the model's grounded ones when it found any, else the offline ones;
 * - constraints: offline bounds are kept (they are read exactly); the model adds bounds whose
 *   number occurs in the text, for metrics offline did not find;
 * - functional and qualities: the model's (classification is where it is stronger).
 *
 * Returns the merged facts and whether the model contributed anything.
 */
export function mergeFacts(options: { text: string; offline: Facts; answer: LlmAnswer }): { facts: Facts; contributed: boolean } {
  const { offline, answer } = options;
  const words = wordsOf(options.text);
  const grounded = (phrase: string | null | undefined) => !!phrase && isGrounded(phrase, words);
  const clean = (s: string) => s.replace(/\s+/g, " ").trim();

  const actions: Action[] = answer.actions
    .filter((a) => grounded(a.verb) && (a.object === null || grounded(a.object)) && grounded(a.phrase))
    .map((a) => ({ verb: clean(a.verb).toLowerCase(), ...(a.object ? { object: clean(a.object) } : {}), phrase: clean(a.phrase), ...(a.negated ? { negated: true } : {}) }));
  const events = answer.events.filter(grounded).map(clean);
  const errors = answer.errors.filter(grounded).map(clean);
  const numbers = new Set((options.text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(",", "."))));
  const metrics = new Set(offline.constraints.map((c) => c.metric));
  const constraints: Constraint[] = [
    ...offline.constraints,
    ...answer.constraints.filter((c) => numbers.has(c.value) && !metrics.has(c.metric) && grounded(c.text)).map((c) => ({ ...c, text: clean(c.text) })),
  ];
  const facts: Facts = {
    id: offline.id,
    actors: union(offline.actors, answer.actors.filter(grounded).map((a) => clean(a).toLowerCase())),
    ...(offline.subject ? { subject: offline.subject } : grounded(answer.subject) ? { subject: clean(answer.subject as string) } : {}),
    actions: actions.length ? actions : offline.actions,
    entities: union(offline.entities, answer.entities.filter(grounded).map((e) => clean(e).toLowerCase())),
    fields: unionBy(
      offline.fields,
      answer.fields.filter((f) => grounded(f.entity) && grounded(f.field)).map((f) => ({ entity: clean(f.entity).toLowerCase(), field: clean(f.field).toLowerCase(), ...(f.type ? { type: f.type } : {}) })),
      (f) => `${f.entity}\0${f.field}`,
    ),
    events: events.length ? events : offline.events,
    errors: errors.length ? errors : offline.errors,
    constraints,
    functional: answer.functional,
    qualities: [...new Set(answer.qualities)].sort(),
  };
  const contributed = JSON.stringify(facts) !== JSON.stringify(offline);
  return { facts, contributed };
}

const STOP = new Set(["the", "a", "an", "of", "to", "for", "and", "or", "in", "on", "with", "by", "at", "from", "its", "their", "his", "her", "be", "is", "are", "as", "that", "this", "each", "every", "any", "all"]);

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * True when every content word of `phrase` occurs in the statement, allowing for inflection
 * (the same stem: "add" ~ "adds" ~ "added", "carts" ~ "cart").
 */
export function isGrounded(phrase: string, statementWords: readonly string[]): boolean {
  const content = wordsOf(phrase).filter((w) => !STOP.has(w));
  if (content.length === 0) return false;
  return content.every((w) => statementWords.some((s) => s === w || (Math.min(s.length, w.length) >= 3 && stem(s) === stem(w))));
}

function stem(w: string): string {
  return w.replace(/(ies|ied|ing|ed|es|s|e|y)$/, "").slice(0, Math.max(4, w.length - 3));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return unionBy(a, b, (x) => x.toLowerCase());
}

function unionBy<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}
