import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { findSeedParts } from "../../bench/model.bench.js";
import { compile } from "../../lib/compile.js";
import { walkModel } from "../../lib/model/walk-model.js";
import { findInvariantViolations } from "./model-invariants.js";
import { seedConversationPath } from "../../bench/corpus-path.js";

/*
 * The seed conversation (examples/seed-conversation, a chat transcript kept unchanged) describes
 * a system that parses intent from statements, generates the architecture, creates abstractions and
 * manifests the implementation. The model must name those parts through the general rules of
 * docs/model.md (chat turns, verb-initial fragments); nothing here or in lib/ knows this file.
 */

describe("the seed conversation", () => {
  it("yields a model naming the four parts it describes", () => {
    const seed = seedConversationPath();
    const { model, statements } = compile({ files: [{ path: "statements/conversation.txt", content: readFileSync(seed, "utf8") }] });
    expect(statements.length).toBeGreaterThan(100);
    expect(findInvariantViolations(model)).toEqual([]);
    const parts = findSeedParts(model);
    expect(parts.filter((p) => p.found.length === 0).map((p) => p.part)).toEqual([]);
    // Each part traces back to a statement that says it.
    const ops = new Map<string, string[]>();
    walkModel(model, { operation: (o) => void ops.set(o.name, o.sources) });
    const text = new Map(model.statements.map((s) => [s.id, s.text.toLowerCase()]));
    for (const name of ["parseIntent", "manifestImplementations"]) {
      const sources = ops.get(name);
      expect(sources).toBeDefined();
      expect(sources!.some((id) => text.get(id)!.includes(name === "parseIntent" ? "intent" : "implementation"))).toBe(true);
    }
  });
});
