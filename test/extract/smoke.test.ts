import { describe, expect, it } from "@jest/globals";
import { extractFacts } from "../../lib/extract/extract-facts.js";
import { makeStatement } from "./make-statement.js";

describe("extractFacts (smoke)", () => {
  it("reads a user story", () => {
    const [f] = extractFacts([makeStatement("As a registered user, I want to create, update and delete events.", "user-story")]);
    expect(f!.actors).toEqual(["registered user"]);
    expect(f!.actions.map((a) => a.verb)).toEqual(["create", "update", "delete"]);
  });
});
