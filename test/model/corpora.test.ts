import { describe, expect, it } from "@jest/globals";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../lib/compile.js";
import { serializeModel } from "../../lib/model/serialize-model.js";
import type { SourceFile } from "../../lib/statements/types.js";
import { findInvariantViolations } from "./model-invariants.js";
import { corporaDir } from "../../bench/corpus-path.js";

/*
 * Every markdown corpus in test/corpora, compiled through the real pipeline: the model keeps
 * its invariants (traces, ids, names, references) and validates against the published schema.
 */
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const corpora = corporaDir();
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(repo, "schema", "model.schema.json"), "utf8")) as object);

function markdownUnder(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownUnder(p));
    else if (/\.md$/.test(name) && !/^(?:LICENSE|README)/i.test(name)) out.push({ path: `statements/${relative(corpora, p)}`, content: readFileSync(p, "utf8") });
  }
  return out;
}

describe("models of the corpora", () => {
  for (const corpus of ["speckit-specs", "ears-kiro", "openspec-specs"]) {
    it(corpus, () => {
      const files = markdownUnder(join(corpora, corpus));
      expect(files.length).toBeGreaterThan(3);
      const { model, statements } = compile({ files });
      expect(statements.length).toBeGreaterThan(100);
      expect(findInvariantViolations(model)).toEqual([]);
      const ok = validate(JSON.parse(serializeModel(model)));
      expect(ok ? [] : (validate.errors ?? []).slice(0, 5).map((e: ErrorObject) => `${e.instancePath} ${e.message}`)).toEqual([]);
      // Folders are subsystems: one per corpus project at least.
      expect(model.system.subsystems.length).toBeGreaterThan(0);
    });
  }
});
