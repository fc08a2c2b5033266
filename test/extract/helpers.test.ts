import { describe, expect, it } from "@jest/globals";
import { findConstraints } from "../../lib/extract/find-constraints.js";
import { guessFieldType } from "../../lib/extract/guess-field-type.js";
import { normaliseName } from "../../lib/extract/normalise-phrase.js";
import { parseScenarioText, parseStoryText } from "../../lib/extract/parse-parts.js";
import { toPastParticiple } from "../../lib/extract/to-past-participle.js";
import { tagText } from "../../lib/nlp/tag-text.js";

describe("findConstraints", () => {
  const one = (text: string) => findConstraints(text).map(({ metric, op, value, unit }) => ({ metric, op, value, unit }));
  it("reads latency bounds", () => {
    expect(one("THE Cart SHALL update the total within 200 ms")).toEqual([{ metric: "latency", op: "<=", value: 200, unit: "ms" }]);
    // PROMISE project 4 (PE)
    expect(one("The recycled parts audit report shall be returned to the user within 10 seconds.")).toEqual([{ metric: "latency", op: "<=", value: 10, unit: "s" }]);
    expect(one("search results appear in less than 2 seconds")).toEqual([{ metric: "latency", op: "<", value: 2, unit: "s" }]);
  });
  it("reads availability, concurrency, size, throughput and retention", () => {
    expect(one("The system will be available 99.9% of the time")).toEqual([{ metric: "availability", op: ">=", value: 99.9, unit: "%" }]);
    expect(one("support at least 1000 concurrent users")).toEqual([{ metric: "concurrent-users", op: ">=", value: 1000, unit: "users" }]);
    // PROMISE project 6 (SC): "10 000" uses a space as thousands separator.
    expect(one("The product shall be able to handle 10 000 concurrent users within 2 years of the initial launch.")[0]).toEqual({ metric: "concurrent-users", op: ">=", value: 10000, unit: "users" });
    expect(one("users can upload images up to 10 MB")).toEqual([{ metric: "size", op: "<=", value: 10, unit: "MB" }]);
    expect(one("process 500 requests per second")).toEqual([{ metric: "throughput", op: ">=", value: 500, unit: "request/s" }]);
    expect(one("audit logs shall be retained for 7 years")).toEqual([{ metric: "retention", op: ">=", value: 7, unit: "year" }]);
  });
  it("keeps the source phrase and finds nothing in plain behaviour", () => {
    expect(findConstraints("within 200 ms.")[0]!.text).toBe("within 200 ms");
    expect(findConstraints("The system shall allow users to create events.")).toEqual([]);
  });
});

describe("guessFieldType", () => {
  it("maps field words to type hints", () => {
    expect(guessFieldType("created at")).toBe("datetime");
    expect(guessFieldType("start date")).toBe("date");
    expect(guessFieldType("quantity")).toBe("integer");
    expect(guessFieldType("unit price")).toBe("number");
    expect(guessFieldType("is active")).toBe("boolean");
    expect(guessFieldType("user id")).toBe("uuid");
    expect(guessFieldType("email")).toBe("string");
    expect(guessFieldType("location")).toBeUndefined();
  });
});

describe("toPastParticiple", () => {
  it("conjugates regular, doubling and irregular verbs", () => {
    expect(["add", "create", "submit", "apply", "send", "log in"].map(toPastParticiple)).toEqual(["added", "created", "submitted", "applied", "sent", "logged in"]);
  });
});

describe("normaliseName", () => {
  it("drops determiners, lower-cases and singularises the head", () => {
    expect(normaliseName("the shopping carts")).toBe("shopping cart");
    expect(normaliseName("Registered Users")).toBe("registered user");
    expect(normaliseName("the order status")).toBe("order status");
  });
});

describe("parseStoryText / parseScenarioText", () => {
  it("splits a Dalpiaz story line", () => {
    // dalpiaz-userstories/g03-loudoun.txt
    expect(parseStoryText("#G03# As a staff member, I want to denote an application with a Final Action status. So that I can finish it.")).toEqual({
      role: "staff member",
      want: "I want to denote an application with a Final Action status",
      benefit: "I can finish it",
    });
    expect(parseStoryText("As an Applicant, I want to Submit Application, so that I can provide my information")).toEqual({
      role: "Applicant",
      want: "I want to Submit Application",
      benefit: "I can provide my information",
    });
    expect(parseStoryText("The system shall do X")).toBeUndefined();
  });
  it("splits Given/When/Then text into steps", () => {
    expect(parseScenarioText("Given a user with an empty cart When the user adds a product Then the cart shows 1 item And the total is updated")).toEqual([
      { keyword: "given", text: "a user with an empty cart" },
      { keyword: "when", text: "the user adds a product" },
      { keyword: "then", text: "the cart shows 1 item" },
      { keyword: "and", text: "the total is updated" },
    ]);
  });
});

describe("tagText", () => {
  it("keeps identifiers and code spans whole and recovers offsets", () => {
    const t = tagText("WHEN a Kiro_Worker starts, THEN it SHALL read `openspec init` output.");
    const words = t.tokens.map((x) => x.text);
    expect(words).toContain("Kiro_Worker");
    expect(words).toContain("`openspec init`");
    for (const tok of t.tokens) expect(t.text.slice(tok.start, tok.end)).toBe(tok.text);
  });
  it("joins dotted names wink splits, without splitting the sentence there", () => {
    const t = tagText("WHEN implementing Next.js THEN the system SHALL use the App Router.");
    expect(t.tokens.map((x) => x.text)).toContain("Next.js");
    expect(t.sentences).toHaveLength(1);
  });
  it("splits sentences", () => {
    expect(tagText("The cart shows items. The order has a total.").sentences).toHaveLength(2);
  });
});
