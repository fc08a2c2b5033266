import { describe, expect, it } from "@jest/globals";
import { expectGolden, lintFixture } from "../helpers/golden.js";

describe("missing-modal", () => {
  it("matches the golden findings on its fixture", () => {
    const { actual, expected } = expectGolden("missing-modal");
    expect(actual).toBe(expected);
  });

  it("reports weak modals at their column, and lets MUST through unless shallOnly", () => {
    const found = lintFixture("missing-modal");
    expect(found.find((d) => d.line === 5)).toMatchObject({ column: 18 });
    expect(found.some((d) => d.line === 4)).toBe(false);
    expect(lintFixture("missing-modal", { shallOnly: true }).some((d) => d.line === 4)).toBe(true);
    expect(found.some((d) => (d.line ?? 0) >= 8)).toBe(false); // a note and a fragment
  });
});
