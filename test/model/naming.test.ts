import { describe, expect, it } from "@jest/globals";
import { conceptKey, readConcept, splitWords, toMemberName, toTypeName } from "../../lib/model/naming.js";

describe("naming", () => {
  it("splits identifiers, possessives and plural acronyms into words", () => {
    expect(splitWords("Kiro_Worker")).toEqual(["kiro", "worker"]);
    expect(splitWords("EventInterest")).toEqual(["event", "interest"]);
    expect(splitWords("the teacher's profile")).toEqual(["the", "teacher", "profile"]);
    expect(splitWords("generate URLs and APIs")).toEqual(["generate", "urls", "and", "apis"]);
    expect(splitWords("Café")).toEqual(["cafe"]);
  });

  it("reads the concept of a noun phrase: no determiners, no trailing qualifiers, singular", () => {
    expect(readConcept("the list of upcoming events near me")).toEqual({ words: ["upcoming", "event"], plural: true });
    expect(readConcept("event details")).toEqual({ words: ["event"], plural: false });
    expect(conceptKey("all the Shopping Carts")).toBe("shopping cart");
    expect(conceptKey("the data")).toBe("data");
    expect(conceptKey("RSVPs")).toBe("rsvp");
    expect(conceptKey("APIs")).toBe("api");
  });

  it("makes safe type and member names", () => {
    expect(toTypeName(["3d", "model"], "Entity")).toBe("Model3d");
    expect(toTypeName(["001"], "Subsystem")).toBe("Subsystem001");
    expect(toTypeName([], "Entity")).toBe("Entity");
    expect(toMemberName(["add", "item"], "op")).toBe("addItem");
    expect(toMemberName(["!!"], "value")).toBe("value");
  });
});
