import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { compile } from "../../lib/compile.js";
import { walkModel } from "../../lib/model/walk-model.js";
import { findInvariantViolations } from "./model-invariants.js";
import { seedConversationPath } from "../../bench/corpus-path.js";

/*
 * The seed conversation (examples/seed-conversation, the transcript that started penult) describes a
 * system that parses intent from statements, generates the architecture, creates abstractions and
 * manifests the implementation, and spells it out as a Python abstract class. Through the general
 * rules of docs/model.md (code declarations outside examples, transcripts make no components from
 * their titles) the model must be that system; nothing here or in lib/ knows this file.
 */
const seed = seedConversationPath();

describe("the seed conversation", () => {
  const { model, statements } = compile({ files: [{ path: "statements/conversation.txt", content: readFileSync(seed, "utf8") }] });

  it("compiles into the system it describes, with the transcript's own abstract class honoured", () => {
    expect(statements.length).toBeGreaterThan(100);
    expect(findInvariantViolations(model)).toEqual([]);
    const ops: Record<string, string> = {};
    walkModel(model, { interface: (i) => void i.operations.forEach((o) => (ops[`${i.name}.${o.name}`] = o.sources[0]!)) });
    expect(Object.keys(ops).sort()).toEqual([
      "StatementToRealitySystem.createAbstractions",
      "StatementToRealitySystem.generateArchitecture",
      "StatementToRealitySystem.manifestImplementation",
      "StatementToRealitySystem.parseConversationalIntent",
    ]);
    // Each part traces to the code block that declares it.
    const byId = new Map(statements.map((s) => [s.id, s]));
    for (const source of Object.values(ops)) expect(byId.get(source)!.kind).toBe("code");
  });

  it("types its operations with the transcript's types, and makes nothing of chat titles or examples", () => {
    const entities: string[] = [];
    const components: string[] = [];
    walkModel(model, { entity: (e) => void entities.push(e.name), component: (c) => void components.push(c.name) });
    expect(entities.sort()).toEqual(["AbstractModels", "Architecture", "Conversation", "Requirements", "RunningSystem"]);
    expect(components).toEqual(["StatementToRealitySystem"]);
  });
});
