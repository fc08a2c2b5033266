import { describe, expect, it } from "@jest/globals";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { formatModelTree } from "../../lib/model/format-model-tree.js";
import type { Model } from "../../lib/model/types.js";
import { walkModel } from "../../lib/model/walk-model.js";

const here = dirname(fileURLToPath(import.meta.url));
const model = JSON.parse(readFileSync(join(here, "..", "fixtures", "model", "corpus-mix", "expected", "model.json"), "utf8")) as Model;

describe("walkModel and formatModelTree", () => {
  it("visits subsystems depth-first with their ancestors, and skips a subtree on false", () => {
    const seen: string[] = [];
    walkModel(model, {
      subsystem: (s, ancestors) => {
        seen.push(`${ancestors.map((a) => a.name).join(">")}|${s.name}`);
        return s.path[0] !== "kiro-worker";
      },
      component: (c, ancestors) => void seen.push(`component ${c.name} in ${ancestors[ancestors.length - 1]!.name}`),
    });
    expect(seen.slice(0, 5)).toEqual(["|CorpusMix", "CorpusMix|Events", "component Cities in Events", "component Events in Events", "CorpusMix|KiroWorker"]);
    expect(seen).toContain("CorpusMix|Loudoun");
    expect(seen).not.toContain("component KiroWorker in KiroWorker");
  });

  it("prints level by level and stops at the requested depth", () => {
    const top = formatModelTree(model, { depth: 0, members: false });
    expect(top.split("\n")[0]).toBe("system CorpusMix  [0 components, 0 entities, 0 events, 3 subsystems]");
    expect(top).toContain("  subsystem Events (events)  [...]");
    expect(top).not.toContain("component Events");
    const deep = formatModelTree(model, { depth: 1 });
    expect(deep).toContain("    component Events");
    expect(deep).toContain("        listEvents(): Event[]  [async]");
  });
});
