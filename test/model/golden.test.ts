import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildModel } from "../../lib/model/build-model.js";
import { formatModelTree } from "../../lib/model/format-model-tree.js";
import { serializeModel } from "../../lib/model/serialize-model.js";
import { loadModelInput } from "./load-fixture.js";
import { findInvariantViolations } from "./model-invariants.js";

/*
 * Golden models: test/fixtures/model/<case>/input.json (hand-built statements + facts from a named
 * corpus excerpt) -> expected/model.json and expected/tree.txt. `UPDATE=1` rewrites them; a
 * missing or stale expected file fails.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "fixtures", "model");
const update = process.env.UPDATE === "1";
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, "input.json"))).sort();

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
      expectGolden(join(root, name, "expected", "tree.txt"), formatModelTree(model) + diagnostics.map((d) => `${d.severity} ${d.code} ${d.file ?? ""}:${d.line ?? ""} ${d.message}`).join("\n") + "\n");
    });
  }
});
