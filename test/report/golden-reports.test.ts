import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { computeImpact } from "../../lib/diff/compute-impact.js";
import { createFsTreeReader } from "../../lib/git/fs-tree-reader.js";
import { renderImpactJson } from "../../lib/report/render-impact-json.js";
import { renderImpactMarkdown } from "../../lib/report/render-impact-markdown.js";

/**
 * Golden impact reports: each case under test/fixtures/diff/reports/<case>/ holds a previous/ and
 * a current/ tree of statements (corpus excerpts, SOURCE named at the top of each file), compiled
 * by the real pipeline. expected.md is what a reviewer reads; expected.json is `--json`.
 * UPDATE=1 rewrites them; review the markdown by eye after that.
 */
const CASES = join(import.meta.dirname, "../fixtures/diff/reports");
const UPDATE = process.env.UPDATE === "1";
const cases = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function golden(file: string, text: string): void {
  if (UPDATE) writeFileSync(file, text);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file, "utf8")).toBe(text);
}

describe.each(cases)("impact report: %s", (name) => {
  it("matches expected.md and expected.json", async () => {
    const dir = join(CASES, name);
    const impact = await computeImpact({
      base: createFsTreeReader({ rootDir: join(dir, "previous"), label: "previous" }),
      head: createFsTreeReader({ rootDir: join(dir, "current"), label: "current" }),
      config: { targets: ["typescript"] },
    });
    const md = renderImpactMarkdown(impact.report);
    golden(join(dir, "expected.md"), md);
    golden(join(dir, "expected.json"), renderImpactJson(impact.report));
    // Whatever the extractor does, the statement side of a case is fixed by its files.
    expect(impact.report.statements.length + impact.report.renamedFiles.length).toBeGreaterThan(0);
  });
});

it("every case has both sides", () => {
  expect(cases.length).toBeGreaterThanOrEqual(8);
  for (const c of cases) {
    expect(existsSync(join(CASES, c, "previous"))).toBe(true);
    expect(existsSync(join(CASES, c, "current"))).toBe(true);
  }
});
