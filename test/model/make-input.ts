import type { Action, Constraint, Facts } from "../../lib/extract/types.js";
import type { Statement, StatementKind } from "../../lib/statements/types.js";

/** A hand-built statement for model tests (the parser is tested on its own). */
export function makeStatement(input: Partial<Statement> & { id: string; text: string; file: string; line?: number }): Statement {
  const { line, ...p } = input;
  return {
    authored: false,
    kind: "prose" as StatementKind,
    span: { start: { line: line ?? 1, column: 1 }, end: { line: line ?? 1, column: 1 + p.text.length } },
    headingPath: [],
    ...p,
  } as Statement;
}

/** Hand-built facts: only what a test cares about, the rest empty. */
export function makeFacts(p: Partial<Facts> & { id: string }): Facts {
  return { actors: [], actions: [], entities: [], fields: [], events: [], errors: [], constraints: [], functional: true, qualities: [], ...p };
}

export function action(verb: string, phrase: string, object?: string, complements?: { prep: string; phrase: string }[]): Action {
  return { verb, phrase, ...(object ? { object } : {}), ...(complements ? { complements } : {}) };
}

export function latency(ms: number, text = `within ${ms} ms`): Constraint {
  return { metric: "latency", op: "<=", value: ms, unit: "ms", attribute: "performance", text };
}
