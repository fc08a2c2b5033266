import { describe, expect, it } from "@jest/globals";
import { expectGolden, lintFixture } from "../helpers/golden.js";

describe("duplicate-statement", () => {
  it("matches the golden findings on its fixture", () => {
    const { actual, expected } = expectGolden("duplicate-statement");
    expect(actual).toBe(expected);
  });

  it("reports exact and near duplicates once each, and not short metadata lines", () => {
    const found = lintFixture("duplicate-statement");
    expect(found.map((d) => [d.line, d.message.startsWith("Same") ? "exact" : "near"])).toEqual([
      [5, "exact"],
      [6, "near"],
    ]);
  });

  it("finds no near duplicate below the threshold", () => {
    expect(lintFixture("duplicate-statement", { threshold: 0.95 }).map((d) => d.line)).toEqual([5]);
  });
});
