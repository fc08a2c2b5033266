import { describe, expect, it } from "@jest/globals";
import { lintStatements } from "../../lib/lint/lint-statements.js";
import { resolveLintConfig } from "../../lib/lint/resolve-lint-config.js";
import type { Statement } from "../../lib/statements/types.js";
import { readStatements } from "./helpers/read-statements.js";

const content = "# Requirements\n\n- THE Cart SHALL be fast.\n- WHEN the cart empties, the button hides\n";
const statements: Statement[] = readStatements({ file: "statements/cart.md", content });

describe("lintStatements", () => {
  it("gives file:line:column, rule code and default severity, sorted", () => {
    const found = lintStatements({ statements });
    expect(found.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ["LINT_VAGUE_TERMS", "warning", "statements/cart.md", 3, 21],
      ["LINT_EARS_SHAPE", "error", "statements/cart.md", 4, 3],
    ]);
  });

  it("turns rules off and changes severity from the lint config", () => {
    const found = lintStatements({ statements, config: { rules: { "ears-shape": "off", "vague-terms": "error" } } });
    expect(found.map((d) => [d.code, d.severity])).toEqual([["LINT_VAGUE_TERMS", "error"]]);
  });

  it("is independent of statement order", () => {
    expect(lintStatements({ statements: [...statements].reverse() })).toEqual(lintStatements({ statements }));
  });

  it("finds vague words added with vagueWords", () => {
    const found = lintStatements({ statements, config: { rules: {}, vagueWords: ["hides"] } });
    expect(found.some((d) => d.message.includes('"hides"'))).toBe(true);
  });
});

describe("resolveLintConfig", () => {
  it("names the key of an unknown rule and of a bad option, and keeps defaults", () => {
    const { rules, diagnostics } = resolveLintConfig({
      config: { rules: { "vague-word": "error", "duplicate-statement": { level: "warning", options: { threshold: 2, extra: 1 } } } },
    });
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^lint\.rules\.vague-word: no such rule \(did you mean vague-terms\?\)/),
      expect.stringMatching(/^lint\.rules\.duplicate-statement\.options: unknown option "extra"/),
      expect.stringMatching(/^lint\.rules\.duplicate-statement\.options: threshold: must be <= 1/),
    ]);
    expect(rules["duplicate-statement"]).toEqual({ level: "warning", options: { threshold: 0.85, minWords: 5 } });
  });
});
