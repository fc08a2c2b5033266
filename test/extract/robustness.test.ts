import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { extractFacts } from "../../lib/extract/extract-facts.js";
import type { StatementKind } from "../../lib/statements/types.js";
import { loadAllSentences, toStatement } from "../../bench/extract.bench.js";
import { makeStatement } from "./make-statement.js";

const KINDS: StatementKind[] = ["user-story", "ears-ubiquitous", "ears-event", "ears-state", "ears-unwanted", "ears-optional", "ears-complex", "shall", "scenario", "glossary", "prose", "chat"];

// Words that steer the extractor into its look-through, coordination and clause paths.
const WORDS = ["the", "a", "user", "users", "system", "SHALL", "must", "not", "be", "able", "to", "allow", "provide", "way", "and", "or", ",", "when", "if", "then", "create", "update", "delete", "events", "order", "has", "with", "'s", "within", "200", "ms", "99.9%", "of", "I", "want", "have", "`code`", "\"quoted\"", "Kiro_Worker", ".", ":", "(", ")", "each", "shows", "fails", "so", "that", "As", "Given", "When", "Then"];

describe("extractFacts robustness", () => {
  it("never throws and returns one Facts per statement, for any kind and word salad", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.string({ maxLength: 40 }), (kind, words, noise) => {
        const text = `${words.join(" ")} ${noise}`;
        const facts = extractFacts([makeStatement(text, kind)]);
        expect(facts).toHaveLength(1);
        expect(Array.isArray(facts[0]!.actions)).toBe(true);
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });

  it("handles empty, whitespace-only and huge statements", () => {
    const big = "The system shall create events and update orders within 200 ms. ".repeat(500);
    const facts = extractFacts([makeStatement("", "prose"), makeStatement("   ", "shall"), makeStatement(big, "prose")]);
    expect(facts).toHaveLength(3);
    expect(facts[0]!.actions).toEqual([]);
    expect(facts[2]!.actions.length).toBeGreaterThan(0);
  });

  it("reads every sentence of every corpus without throwing", () => {
    const sentences = loadAllSentences();
    expect(sentences.length).toBeGreaterThan(5000);
    const facts = extractFacts(sentences.map((t, i) => toStatement(t, "prose", `c${i}`)));
    expect(facts).toHaveLength(sentences.length);
  });

  it("handles a sentence that is only a leading clause", () => {
    expect(extractFacts([makeStatement("When the user clicks,", "prose"), makeStatement("If it fails then", "shall")])).toHaveLength(2);
  });

  it("handles parts that are empty or odd", () => {
    const s = makeStatement("WHEN , THE  SHALL", "ears-event", { ears: { pattern: "event", trigger: "", subject: "", modal: "SHALL", response: "" } });
    const g = makeStatement(":", "glossary", { glossary: { term: "", definition: "" } });
    const u = makeStatement("As a , I want", "user-story", { story: { role: "", want: "" } });
    expect(extractFacts([s, g, u])).toHaveLength(3);
  });
});
