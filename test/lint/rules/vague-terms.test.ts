import { describe, expect, it } from "@jest/globals";
import { expectGolden, lintFixture } from "../helpers/golden.js";

describe("vague-terms", () => {
  it("matches the golden findings on its fixture", () => {
    const { actual, expected } = expectGolden("vague-terms");
    expect(actual).toBe(expected);
  });

  it("points at the word's column and skips quoted text and words inside words", () => {
    const found = lintFixture("vague-terms");
    expect(found.find((d) => d.message.includes('"user-friendly"'))).toMatchObject({ line: 6, column: 23 });
    expect(found.some((d) => d.line === 9)).toBe(false); // "fast" in quotes
    expect(found.filter((d) => d.line === 10).map((d) => d.message)).toEqual([expect.stringContaining("approximately")]); // not "breakfast"
  });

  it("takes extra terms and an allow list from options", () => {
    const found = lintFixture("vague-terms", { terms: ["distributed"], allow: ["fast", "faster"] });
    expect(found.some((d) => d.message.includes('"distributed"'))).toBe(true);
    expect(found.some((d) => /"fast(er)?"/.test(d.message))).toBe(false);
  });
});
