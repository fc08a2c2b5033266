import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CONFIG } from "../../lib/config/types.js";
import { compile } from "../../lib/compile.js";
import { buildModel } from "../../lib/model/build-model.js";
import { canonicalizeModel, serializeModel } from "../../lib/model/serialize-model.js";
import { loadModelInput } from "./load-fixture.js";
import { findInvariantViolations } from "./model-invariants.js";
import { arbitraryInput } from "./random-input.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "fixtures", "model");

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("determinism", () => {
  it("gives the same bytes for every fixture whatever the order of statements and facts", () => {
    for (const name of readdirSync(root).filter((d) => existsSync(join(root, d, "input.json"))).sort()) {
      const input = loadModelInput(join(root, name, "input.json"));
      const expected = serializeModel(buildModel(input).model);
      for (const seed of [1, 2, 3, 4, 5]) {
        const got = serializeModel(buildModel({ ...input, statements: shuffled(input.statements, seed), facts: shuffled(input.facts, seed * 7) }).model);
        expect(got).toBe(expected);
      }
    }
  });

  it("gives the same bytes through compile() whatever the order of files", () => {
    const dir = join(root, "corpus-mix", "statements");
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return { path: "statements/" + path.slice(dir.length + 1), content: readFileSync(path, "utf8") };
      });
    expect(files.length).toBeGreaterThanOrEqual(3);
    const expected = serializeModel(compile({ files }).model);
    for (const seed of [3, 11]) expect(serializeModel(compile({ files: shuffled(files, seed) }).model)).toBe(expected);
  });

  it("gives the same bytes for arbitrary inputs in any order (property)", () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer({ min: 1, max: 1_000_000 }), ({ statements, facts }, seed) => {
        const a = buildModel({ statements, facts, config: DEFAULT_CONFIG });
        const b = buildModel({ statements: shuffled(statements, seed), facts: shuffled(facts, seed + 1), config: DEFAULT_CONFIG });
        expect(serializeModel(b.model)).toBe(serializeModel(a.model));
        expect(b.diagnostics).toEqual(a.diagnostics);
        expect(findInvariantViolations(a.model)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("serialises canonically: idempotent, 2-space JSON with a trailing newline, declared key order", () => {
    const input = loadModelInput(join(root, "kiro-worker", "input.json"));
    const { model } = buildModel(input);
    const text = serializeModel(model);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "version": 2,');
    expect(serializeModel(canonicalizeModel(JSON.parse(text)))).toBe(text);
    expect(Object.keys(JSON.parse(text).system)).toEqual(["id", "name", "sources", "path", "components", "entities", "enums", "events", "constraints", "subsystems"]);
  });
});
