import { describe, expect, it } from "@jest/globals";
import { expectGolden, lintFixture } from "../helpers/golden.js";

describe("contradiction", () => {
  it("matches the golden findings on its fixture", () => {
    const { actual, expected } = expectGolden("contradiction");
    expect(actual).toBe(expected);
  });

  it("reports SHALL vs SHALL NOT and conflicting bounds, not statements under another condition", () => {
    const found = lintFixture("contradiction");
    expect(found.map((d) => d.line)).toEqual([5, 8]);
  });
});
