import { describe, expect, it } from "@jest/globals";
import { findAmbiguousPronouns } from "../../../lib/lint/rules/ambiguous-pronoun.js";
import { expectGolden } from "../helpers/golden.js";

describe("ambiguous-pronoun", () => {
  it("matches the golden findings on its fixture", () => {
    const { actual, expected } = expectGolden("ambiguous-pronoun");
    expect(actual).toBe(expected);
  });

  it("flags a pronoun with several candidates and not one with a single candidate", () => {
    const found = findAmbiguousPronouns({ text: "Once material has arrived, it must undergo several reviews." });
    expect(found).toEqual([]);
    const two = findAmbiguousPronouns({ text: "The system SHALL archive the orders and notify the customers when they are shipped." });
    expect(two).toEqual([{ offset: 66, pronoun: "they", reason: "ambiguous", candidates: ["the orders", "the customers"] }]);
  });

  it("keeps Joined_Terms whole as candidates", () => {
    const found = findAmbiguousPronouns({ text: "WHEN a Spec_Task is provided, THEN the Kiro_Worker SHALL pass it to Kiro CLI." });
    expect(found[0]?.candidates).toEqual(["a Spec_Task", "the Kiro_Worker"]);
  });
});
