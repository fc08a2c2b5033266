import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintStatements } from "../../../lib/lint/lint-statements.js";
import { earsShape } from "../../../lib/lint/rules/ears-shape.js";
import { expectGolden, lintFixture } from "../helpers/golden.js";
import { readStatements } from "../helpers/read-statements.js";
import { corpusPath } from "../../../bench/corpus-path.js";

describe("ears-shape", () => {
  it("matches the golden findings on its fixture", () => {
    const { actual, expected } = expectGolden("ears-shape");
    expect(actual).toBe(expected);
  });

  it("finds no shape problems in real Kiro EARS (corpus read directly)", () => {
    const corpus = corpusPath("ears-kiro");
    const file = "staneslevski_kiro-autonomous-build/kiro-codebuild-worker/requirements.md";
    const content = readFileSync(join(corpus, file), "utf8");
    const statements = readStatements({ file, content });
    const found = lintStatements({ statements, rules: [earsShape] });
    expect(statements.filter((s) => /\bSHALL\b/.test(s.text)).length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it("reports each broken line once and leaves complete EARS alone", () => {
    const lines = lintFixture("ears-shape").map((d) => d.line);
    expect(lines).toEqual([10, 11, 12, 13, 14, 15, 16]);
  });
});
