/**
 * compileWithBudget runs a job in a worker thread (the build in dist/: `npm test` builds first)
 * and stops it at its limits. Outcomes only; how long another installation waits meanwhile is in
 * `npm run bench -- isolation`.
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveDefaults } from "../../lib/config/load-config.js";
import { createMemoryTreeReader } from "../../lib/git/memory-tree-reader.js";
import { compileWithBudget } from "../../lib/jobs/compile-with-budget.js";
import { planContractsUpdate } from "../../lib/jobs/plan-contracts-update.js";
import type { PlanTask } from "../../lib/jobs/run-budget-task.js";
import type { Statement } from "../../lib/statements/types.js";
import { limitHit, partialBomb } from "../helpers/hostile-content.js";

const SHA = "a".repeat(40);

function bookshopFiles(): Record<string, Uint8Array> {
  const root = join(process.cwd(), "examples", "bookshop");
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(root, { recursive: true }).map(String)) {
    if (name.startsWith("statements/") && name.endsWith(".md")) files[name] = new Uint8Array(readFileSync(join(root, name)));
  }
  return files;
}

function planTask(extra: Partial<PlanTask> = {}): PlanTask {
  return { kind: "plan", files: bookshopFiles(), label: "bookshop", sha: SHA, config: resolveDefaults(), ...extra };
}

describe("compileWithBudget", () => {
  it("gives the same plan as planContractsUpdate run in place", async () => {
    const task = planTask();
    const inWorker = await compileWithBudget({ task });
    const inPlace = await planContractsUpdate({ tree: createMemoryTreeReader(task.files, task.label), sha: SHA, config: task.config });
    expect(inWorker.plan.changes).toEqual(inPlace.changes);
    expect(inWorker.plan.body).toBe(inPlace.body);
    expect(inWorker.implementations).toEqual([]);
  });

  it("compiles statements for the command jobs", async () => {
    const r = await compileWithBudget({ task: { kind: "compile", files: bookshopFiles(), label: "bookshop", config: resolveDefaults() } });
    expect(r.statements.length).toBeGreaterThan(10);
    expect(r.model.statements.length).toBe(r.statements.length);
  });

  it("a template bomb ends in a LimitExceededError naming the limit, from inside the worker", async () => {
    const files = { ...planTask().files };
    for (const [p, t] of Object.entries({ ...partialBomb("typescript", 8), "typescript/module.ts.mustache": "{{> p0}}" })) files[`.penult/templates/${p}`] = new TextEncoder().encode(t);
    await expect(limitHit(() => compileWithBudget({ task: planTask({ files }), limits: { renderedChars: 1_000_000 } }))).resolves.toBe("renderedChars");
  });

  it("stops a job over its busy-time limit", async () => {
    const files = { ...planTask().files };
    for (const [p, t] of Object.entries({ ...partialBomb("typescript", 10), "typescript/module.ts.mustache": "{{> p0}}" })) files[`.penult/templates/${p}`] = new TextEncoder().encode(t);
    await expect(limitHit(() => compileWithBudget({ task: planTask({ files }), limits: { cpuMs: 1_500, partialDepth: 20, renderedChars: Number.MAX_SAFE_INTEGER } }))).resolves.toBe("cpuMs");
  });

  it("stops a job over its heap limit", async () => {
    await expect(limitHit(() => compileWithBudget({ task: planTask(), limits: { memoryMb: 8 } }))).resolves.toBe("memoryMb");
  });

  it("proxies LLM requests to the caller, and a failure keeps the offline facts with the reason", async () => {
    const asked: string[] = [];
    const ask = async (s: Statement) => {
      asked.push(s.id);
      throw Object.assign(new Error("budget spent"), { status: 429 });
    };
    const task = planTask({ config: { ...resolveDefaults(), llm: { model: "m" } }, llm: true });
    const r = await compileWithBudget({ task, ask });
    expect(asked.length).toBeGreaterThan(5);
    expect(r.plan.body).toContain("rate limited (429) after retries");
  });
});
