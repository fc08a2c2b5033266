import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { SCHEMA_ID_BASE } from "../../../lib/emitters/jsonschema.js";
import type { CompileOutcome } from "./run-tool.js";

// ajv-formats is CommonJS: under ESM its default export is the module object or the function.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : p.endsWith(".schema.json") ? [p] : [];
  });
}

/**
 * Proves every `*.schema.json` under `dir` (the `jsonschema/` output folder) with ajv (2020-12) in
 * strict mode: each is a valid schema, its `$id` names its own file, and it compiles, which resolves
 * every `$ref` to another emitted schema.
 */
export async function compileJsonschema(dir: string): Promise<CompileOutcome> {
  const problems: string[] = [];
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const schemas: { file: string; id: string }[] = [];
  for (const file of listFiles(dir).sort()) {
    const rel = relative(dir, file).split(sep).join("/");
    try {
      const schema = JSON.parse(readFileSync(file, "utf8")) as { $id?: string };
      const expected = `${SCHEMA_ID_BASE}jsonschema/${rel}`;
      if (schema.$id !== expected) problems.push(`${rel}: $id ${schema.$id} is not ${expected}`);
      if (!ajv.validateSchema(schema)) problems.push(`${rel}: not a valid 2020-12 schema: ${ajv.errorsText(ajv.errors)}`);
      ajv.addSchema(schema);
      schemas.push({ file: rel, id: expected });
    } catch (err) {
      problems.push(`${rel}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const s of schemas) {
    try {
      if (!ajv.getSchema(s.id)) problems.push(`${s.file}: did not compile`);
    } catch (err) {
      problems.push(`${s.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // a model without entities, enums or events has nothing to prove here
  return { ok: problems.length === 0, output: problems.join("\n") };
}
