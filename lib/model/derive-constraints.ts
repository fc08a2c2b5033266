import type { Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import type { ComponentChoice } from "./assign-component.js";
import type { ConstraintTarget, Contribution } from "./draft.js";
import { resolvePhrase, type KnownTerms } from "./resolve-phrase.js";

/** Metrics that bound the data itself: they go on the entity the statement names. */
const DATA_METRICS = /retention|storage|size|records|history|archive|backup/i;
/** Metrics of the whole running system: they go on the system (or the named component). */
const SYSTEM_METRICS = /availability|uptime|concurrent|users|sessions|scalab|capacity|load|recovery|rto|rpo|mtbf|mttr|durability|error-rate/i;

/**
 * Pass "constraints" (docs/model.md "Quality constraints"): every measurable bound of a statement
 * becomes a constraint, never an operation. It goes on the operations the same statement makes;
 * a bound on data (retention, size) on the entity the statement names; a bound on the running
 * system (availability, concurrent users) on the named component or the system; a bound in a
 * quality statement without operations ("search results within 300 ms") on the operations its
 * words name, found by the link pass.
 */
export function deriveConstraints(options: {
  statement: Statement;
  facts: Facts;
  known: KnownTerms;
  component?: ComponentChoice;
  operations: readonly { component: string; name: string }[];
  topic: readonly string[];
}): Contribution[] {
  const { statement, facts, known } = options;
  const out: Contribution[] = [];
  for (const c of facts.constraints) {
    let target: ConstraintTarget;
    let rule: string;
    const entity = DATA_METRICS.test(c.metric) ? namedEntity(facts, known, statement) : undefined;
    if (entity) {
      target = { kind: "entity", entity };
      rule = "constraints/data";
    } else if (SYSTEM_METRICS.test(c.metric)) {
      target = options.component?.explicit ? { kind: "component", component: options.component.name } : { kind: "system" };
      rule = "constraints/system";
    } else if (options.operations.length > 0) {
      for (const op of options.operations) {
        out.push({ source: statement.id, rule: "constraints/operation", words: c.text, kind: "constraint", target: { kind: "operation", component: op.component, operation: op.name }, constraint: c });
      }
      continue;
    } else if (options.component?.explicit) {
      target = { kind: "component", component: options.component.name };
      rule = "constraints/component";
    } else {
      target = { kind: "topic", words: [...options.topic], ...(options.component ? { component: options.component.name } : {}) };
      rule = "constraints/topic";
    }
    out.push({ source: statement.id, rule, words: c.text, kind: "constraint", target, constraint: c });
  }
  return out;
}

/** The entity a statement's subject or objects name ("The cart SHALL keep ...", "keep order records"). */
function namedEntity(facts: Facts, known: KnownTerms, statement: Statement): string | undefined {
  const phrases = [statement.ears?.subject, facts.subject, ...facts.actions.map((a) => a.object), ...facts.entities].filter((p): p is string => !!p);
  for (const p of phrases) {
    const t = resolvePhrase(known, p);
    if (t.kind === "entity") return t.name;
    if (t.kind === "field") return t.entity;
  }
  return undefined;
}
