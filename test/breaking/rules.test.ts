import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkBreaking, RULES } from "../../lib/breaking/index.js";
import { cmp } from "../../lib/diagnostics.js";
import { diffModels } from "../../lib/diff/diff-model.js";
import type { Model } from "../../lib/model/types.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/diff");
const RULES_DIR = join(import.meta.dirname, "../../lib/breaking/rules");
const UPDATE = process.env.UPDATE === "1";

function load(rule: string, side: "previous" | "current"): Model {
  return JSON.parse(readFileSync(join(FIXTURES, rule, side, "model.json"), "utf8")) as Model;
}

function kebab(id: string): string {
  return id.toLowerCase().replace(/_/g, "-");
}

describe("breaking rule registry", () => {
  it("is sorted by id, ids are unique SCREAMING_SNAKE, and every rule has a purpose", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect([...ids].sort(cmp)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(r.meta.purpose.length).toBeGreaterThan(20);
      expect(["implementer", "caller", "non-breaking"]).toContain(r.meta.category);
    }
  });

  it("has exactly one file per rule, named after its id", () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, "")).sort(cmp);
    expect(files).toEqual(RULES.map((r) => kebab(r.meta.id)).sort(cmp));
  });

  it("has a previous/current fixture pair for every rule, and no fixture without a rule", () => {
    // Upper-case folders are rule fixtures; lower-case ones (statements/, reports/) hold other cases.
    const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && /^[A-Z_]+$/.test(d.name)).map((d) => d.name).sort(cmp);
    expect(dirs).toEqual(RULES.map((r) => r.meta.id).sort(cmp));
    for (const d of dirs) {
      expect(existsSync(join(FIXTURES, d, "previous", "model.json"))).toBe(true);
      expect(existsSync(join(FIXTURES, d, "current", "model.json"))).toBe(true);
    }
  });
});

describe.each(RULES.map((r) => r.meta.id))("%s", (id) => {
  const previous = load(id, "previous");
  const current = load(id, "current");
  const diff = diffModels({ previous, current });
  const findings = checkBreaking({ diff });

  it("fires on its fixture pair", () => {
    expect(findings.filter((f) => f.rule === id).length).toBeGreaterThan(0);
  });

  it("does not fire when nothing changed", () => {
    const same = checkBreaking({ diff: diffModels({ previous, current: previous }) });
    expect(same).toEqual([]);
  });

  it("classifies every element change of the pair (no change goes unexplained)", () => {
    const explained = new Set(findings.map((f) => f.element));
    const unexplained = diff.changes.filter((c) => !explained.has(c.id) && !(c.parent && diff.changes.some((p) => p.id === c.parent && p.change === c.change)));
    expect(unexplained.map((c) => `${c.change} ${c.id} ${c.aspects.join(",")}`)).toEqual([]);
  });

  it("matches the golden findings (expected.json; UPDATE=1 rewrites)", () => {
    const file = join(FIXTURES, id, "expected.json");
    const text = JSON.stringify(findings.map((f) => ({ rule: f.rule, category: f.category, element: f.element, message: f.message, statements: f.statements })), null, 2) + "\n";
    if (UPDATE) writeFileSync(file, text);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
