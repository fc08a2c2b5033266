import type { Statement, StatementKind } from "../../lib/statements/types.js";

/**
 * A hand-built statement for extractor tests (the markdown parser is tested on its own). The id
 * is derived from the text so the same input always gives the same facts.
 */
export function makeStatement(text: string, kind: StatementKind = "prose", extra: Partial<Statement> = {}): Statement {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return {
    id: `t-${h.toString(16).padStart(8, "0")}`,
    authored: false,
    kind,
    text,
    file: "statements/test.md",
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: text.length + 1 } },
    headingPath: [],
    ...extra,
  };
}
