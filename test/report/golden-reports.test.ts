import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { computeImpact, computeImpactOfModels } from "../../lib/diff/compute-impact.js";
import { createFsTreeReader } from "../../lib/git/fs-tree-reader.js";
import type { Model } from "../../lib/model/types.js";
import { renderImpactJson } from "../../lib/report/render-impact-json.js";
import { renderImpactMarkdown } from "../../lib/report/render-impact-markdown.js";
import type { Statement } from "../../lib/statements/types.js";

/**
 * Golden impact reports. Each case under test/fixtures/diff/reports/<case>/ holds a previous/ and
 * a current/ tree of statements (corpus excerpts, SOURCE named at the top of each file).
 *
 * The real pipeline compiles both trees; its output is stored next to them (compiled.json), and
 * the reports expected.md / expected.json are rendered from that stored output. So an extractor
 * change does not silently change the golden reports: it shows up as a stale compiled.json (the
 * second test), and `UPDATE=1` rewrites all three for review by eye.
 */
const CASES = join(import.meta.dirname, "../fixtures/diff/reports");
const UPDATE = process.env.UPDATE === "1";
const cases = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

type StoredStatement = Pick<Statement, "id" | "authored" | "kind" | "text" | "file" | "span" | "headingPath" | "label">;

interface Compiled {
  previous: { statements: StoredStatement[]; model: Model };
  current: { statements: StoredStatement[]; model: Model };
}

/** What the diff reads of a statement: the stored fixture keeps only that. */
function stored(list: readonly Statement[]): StoredStatement[] {
  return list.map((s) => ({ id: s.id, authored: s.authored, kind: s.kind, text: s.text, file: s.file, span: s.span, headingPath: s.headingPath, ...(s.label ? { label: s.label } : {}) }));
}

function golden(file: string, text: string): void {
  if (UPDATE) writeFileSync(file, text);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file, "utf8")).toBe(text);
}

async function compileCase(dir: string) {
  return computeImpact({
    base: createFsTreeReader({ rootDir: join(dir, "previous"), label: "previous" }),
    head: createFsTreeReader({ rootDir: join(dir, "current"), label: "current" }),
    emit: false,
  });
}

describe.each(cases)("impact report: %s", (name) => {
  const dir = join(CASES, name);

  it("stored compile output is what the pipeline produces now (UPDATE=1 after reviewing the report diff)", async () => {
    const impact = await compileCase(dir);
    const compiled: Compiled = {
      previous: { statements: stored(impact.previous.statements), model: impact.previous.model },
      current: { statements: stored(impact.current.statements), model: impact.current.model },
    };
    golden(join(dir, "compiled.json"), JSON.stringify(compiled, null, 1) + "\n");
  });

  it("matches expected.md and expected.json", () => {
    const compiled = JSON.parse(readFileSync(join(dir, "compiled.json"), "utf8")) as Compiled;
    const { report } = computeImpactOfModels({ ...compiled, base: "previous", head: "current", config: { targets: ["typescript"] } });
    golden(join(dir, "expected.md"), renderImpactMarkdown(report));
    golden(join(dir, "expected.json"), renderImpactJson(report));
    expect(report.statements.length + report.renamedFiles.length).toBeGreaterThan(0);
  });
});

it("every case has both sides", () => {
  expect(cases.length).toBeGreaterThanOrEqual(8);
  for (const c of cases) {
    expect(existsSync(join(CASES, c, "previous"))).toBe(true);
    expect(existsSync(join(CASES, c, "current"))).toBe(true);
  }
});
