import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../lib/compile.js";
import { buildModel } from "../../lib/model/build-model.js";
import { formatModelTree } from "../../lib/model/format-model-tree.js";
import { serializeModel } from "../../lib/model/serialize-model.js";
import { loadModelInput } from "./load-fixture.js";
import { findInvariantViolations } from "./model-invariants.js";

/*
 * Golden models: test/fixtures/model/<case>/input.json (hand-built statements + facts from a named
 * corpus excerpt) or <case>/statements/** (corpus excerpts in markdown, compiled by the real
 * pipeline) -> expected/model.json and expected/tree.txt. `UPDATE=1` rewrites them; a missing or
 * stale expected file fails.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "fixtures", "model");
const update = process.env.UPDATE === "1";
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, "input.json"))).sort();
const markdownCases = readdirSync(root).filter((d) => existsSync(join(root, d, "statements"))).sort();

function readTree(dir: string, rel = "statements"): { path: string; content: string }[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? readTree(dir, `${rel}/${e.name}`) : [{ path: `${rel}/${e.name}`, content: readFileSync(join(dir, rel, e.name), "utf8") }]));
}

function report(diagnostics: { severity: string; code: string; file?: string; line?: number; message: string }[]): string {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.file ?? ""}:${d.line ?? ""} ${d.message}`).join("\n") + "\n";
}

function expectGolden(path: string, actual: string): void {
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${path}: run with UPDATE=1 and review it`);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("golden models (hand-built inputs)", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  for (const name of cases) {
    it(name, () => {
      const input = loadModelInput(join(root, name, "input.json"));
      const { model, diagnostics } = buildModel(input);
      expect(findInvariantViolations(model)).toEqual([]);
      expectGolden(join(root, name, "expected", "model.json"), serializeModel(model));
      expectGolden(join(root, name, "expected", "tree.txt"), formatModelTree(model) + report(diagnostics));
    });
  }
});

describe("golden models (markdown through compile)", () => {
  it("has cases", () => expect(markdownCases.length).toBeGreaterThanOrEqual(1));
  for (const name of markdownCases) {
    it(name, () => {
      const files = readTree(join(root, name));
      for (const f of files) expect(f.content).toMatch(/SOURCE: /);
      const { model, diagnostics } = compile({ files, config: { system: "Corpus Mix" } });
      expect(findInvariantViolations(model)).toEqual([]);
      expectGolden(join(root, name, "expected", "model.json"), serializeModel(model));
      expectGolden(join(root, name, "expected", "tree.txt"), formatModelTree(model) + report(diagnostics.filter((d) => d.code.startsWith("MODEL_"))));
    });
  }
});
