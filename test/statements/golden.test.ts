import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseStatements } from "../../lib/statements/parse-statements.js";

/**
 * Golden fixtures: test/fixtures/statements/<case>/input.{md,txt} -> statements.json (statements
 * and diagnostics). `UPDATE=1` rewrites the expected files; a missing or stale one fails.
 */
const root = join(process.cwd(), "test/fixtures/statements");
const update = process.env.UPDATE === "1";
const cases = readdirSync(root).filter((d) => ["input.md", "input.txt"].some((f) => existsSync(join(root, d, f))));

describe("statement golden fixtures", () => {
  it("has cases, each with a SOURCE note", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) expect(existsSync(join(root, c, "SOURCE.txt"))).toBe(true);
  });
  for (const c of cases) {
    it(c, () => {
      const input = existsSync(join(root, c, "input.md")) ? "input.md" : "input.txt";
      const result = parseStatements([{ path: `statements/${c}/${input}`, content: readFileSync(join(root, c, input)) }]);
      const actual = `${JSON.stringify(result, null, 2)}\n`;
      const expectedPath = join(root, c, "statements.json");
      if (update) writeFileSync(expectedPath, actual);
      if (!existsSync(expectedPath)) throw new Error(`missing golden file ${expectedPath}: run with UPDATE=1 and review it`);
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
