import { describe, expect, it } from "@jest/globals";
import { lintStatements } from "../../../lib/lint/lint-statements.js";
import { undefinedTerm } from "../../../lib/lint/rules/undefined-term.js";
import { expectGolden, lintFixture } from "../helpers/golden.js";
import { readStatements } from "../helpers/read-statements.js";

describe("undefined-term", () => {
  it("matches the golden findings on its fixture", () => {
    const { actual, expected } = expectGolden("undefined-term");
    expect(actual).toBe(expected);
  });

  it("is silent without a glossary", () => {
    const statements = readStatements({ file: "a.md", content: "# Requirements\n\n- THE Notification_Service SHALL send an alarm\n" });
    expect(lintStatements({ statements, rules: [undefinedTerm] })).toEqual([]);
  });

  it("accepts plural and spaced forms of glossary terms and suggests close ones", () => {
    const found = lintFixture("undefined-term");
    expect(found.some((d) => d.line === 12)).toBe(false); // Kiro_Workers
    expect(found.find((d) => d.line === 13)?.message).toContain('did you mean "Kiro_Worker"');
    expect(found.some((d) => d.line === 15)).toBe(false); // THE system
  });
});
