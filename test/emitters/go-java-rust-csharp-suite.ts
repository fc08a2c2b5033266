import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { findImplementations } from "../../lib/check/find-implementations.js";
import { emitContracts } from "../../lib/emitters/index.js";
import { createRecordTemplateSource } from "../../lib/emitters/templates.js";
import type { Model } from "../../lib/model/types.js";
import { compileEmitted } from "../helpers/compile/index.js";
import type { OutputFile } from "../../lib/emitters/index.js";
import { FIXTURE_MODELS, loadFixtureModel } from "./load-fixture-model.js";

/** Reverses every array of the model: emitting must not depend on the order elements come in. */
function reverseArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseArrays).reverse();
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "params" || k === "values" || k === "path" ? (v as unknown[]).map(reverseArrays) : reverseArrays(v)]));
  return value;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p).map((f) => `${name}/${f}`));
    else out.push(name);
  }
  return out;
}

/**
 * The proof suite of one of the Java/Rust/Go/C# targets: every fixture model compiles with the
 * real compiler, the n-1 guard finds nothing in what the emitter wrote, output does not depend on
 * array order, and the shop model matches its golden files (`UPDATE=1` rewrites them; a missing, an
 * extra and a stale file all fail).
 */
export function describeTargetSuite(
  target: string,
  /** Files that must NOT compile: proves the helper really runs the compiler and reads its verdict. */
  broken?: readonly OutputFile[],
  extra?: (emit: (m: Model) => Map<string, string>) => void,
): void {
  const emit = (model: Model): Map<string, string> => {
    const { files, diagnostics } = emitContracts({ model, targets: [target] });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return new Map(files.map((f) => [f.path, f.content]));
  };

  describe(`${target} emitter`, () => {
    for (const name of FIXTURE_MODELS) {
      it(`${name}: compiles with the real compiler and holds no implementation`, async () => {
        const { files } = emitContracts({ model: loadFixtureModel(name), targets: [target] });
        expect(files.length).toBeGreaterThan(0);
        expect(files.every((f) => f.path.startsWith(`${target}/`))).toBe(true);
        const results = await compileEmitted({ files, targets: [target] });
        const r = results[target]!;
        if (!r.ok) throw new Error(`${name}/${target} does not compile:\n${r.output.slice(0, 6000)}`);
        expect(findImplementations({ files })).toEqual([]);
      });
    }

    it("gives the same bytes whatever the order of the model's arrays", () => {
      for (const name of FIXTURE_MODELS) {
        const model = loadFixtureModel(name);
        expect(emit(reverseArrays(model) as Model)).toEqual(emit(model));
      }
    });

    it("matches the golden files of the shop model", () => {
      const dir = join("test", "fixtures", "emit-shop", "expected", target);
      const got = emit(loadFixtureModel("shop"));
      const rel = new Map([...got].map(([p, c]) => [p.slice(target.length + 1), c]));
      if (process.env.UPDATE === "1") {
        rmSync(dir, { recursive: true, force: true });
        for (const [p, c] of rel) {
          mkdirSync(dirname(join(dir, p)), { recursive: true });
          writeFileSync(join(dir, p), c);
        }
      }
      const expected = listFiles(dir);
      if (expected.length === 0) throw new Error(`no golden files in ${dir}: run with UPDATE=1`);
      expect([...rel.keys()].sort()).toEqual(expected);
      for (const p of expected) expect(rel.get(p)).toBe(readFileSync(join(dir, p), "utf8"));
    });

    // Targets whose comments go through a `doc` partial: overriding it must change the output.
    if (existsSync(join("templates", target, "doc.mustache"))) it("uses a repository's template override before the built-in one", () => {
      const marker = "OVERRIDDEN-BY-REPO";
      const { files } = emitContracts({
        model: loadFixtureModel("shop"),
        targets: [target],
        templates: createRecordTemplateSource({ [`${target}/doc.mustache`]: `{{#doc}}\n// ${marker}\n{{/doc}}\n` }),
      });
      expect(files.some((f) => f.content.includes(marker))).toBe(true);
    });

    if (broken) it("its compile helper rejects a broken file", async () => {
      const r = (await compileEmitted({ files: broken, targets: [target] }))[target]!;
      expect(r.ok).toBe(false);
      expect(r.output.length).toBeGreaterThan(0);
    });

    extra?.(emit);
  });
}
