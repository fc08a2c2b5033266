import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cmp } from "../../lib/diagnostics.js";
import { RULES } from "../../lib/lint/rules/index.js";
import { REPO } from "./helpers/golden.js";

describe("lint rule registry", () => {
  it("is alphabetical by id with unique ids", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...new Set(ids)].sort(cmp));
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s has docs, a test, fixtures and a complete meta block", (id, rule) => {
    expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    const doc = join(REPO, "docs", "lint-rules", `${id}.md`);
    expect(existsSync(doc)).toBe(true);
    expect(readFileSync(doc, "utf8")).toContain(`# ${id}`);
    expect(existsSync(join(REPO, "test", "lint", "rules", `${id}.test.ts`))).toBe(true);
    expect(existsSync(join(REPO, "test", "fixtures", "lint", id, "input.md"))).toBe(true);
    expect(existsSync(join(REPO, "test", "fixtures", "lint", id, "expected.txt"))).toBe(true);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(["error", "warning", "info"]).toContain(rule.meta.severity);
    expect(rule.meta.options["type"]).toBe("object");
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    // Every message id a doc mentions is real, and the doc lists every default option.
    for (const key of Object.keys(rule.meta.defaults)) expect(readFileSync(doc, "utf8")).toContain(`\`${key}\``);
  });
});
