import { describe, expect, it } from "@jest/globals";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CONFIG } from "../../lib/config/types.js";
import { buildModel } from "../../lib/model/build-model.js";
import { serializeModel } from "../../lib/model/serialize-model.js";
import { loadModelInput } from "./load-fixture.js";
import { arbitraryInput } from "./random-input.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const schema = JSON.parse(readFileSync(join(repo, "schema", "model.schema.json"), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function errorsOf(json: string): string[] {
  return validate(JSON.parse(json)) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}

describe("schema/model.schema.json", () => {
  it("is draft 2020-12", () => expect((schema as { $schema: string }).$schema).toBe("https://json-schema.org/draft/2020-12/schema"));

  it("accepts every golden model.json and every fixture's fresh build", () => {
    const root = join(repo, "test", "fixtures", "model");
    for (const name of readdirSync(root).sort()) {
      expect(errorsOf(readFileSync(join(root, name, "expected", "model.json"), "utf8"))).toEqual([]);
      if (existsSync(join(root, name, "input.json"))) expect(errorsOf(serializeModel(buildModel(loadModelInput(join(root, name, "input.json"))).model))).toEqual([]);
    }
  });

  it("accepts models built from arbitrary inputs (property), including the empty model", () => {
    fc.assert(
      fc.property(arbitraryInput, ({ statements, facts }) => {
        expect(errorsOf(serializeModel(buildModel({ statements, facts, config: DEFAULT_CONFIG }).model))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("rejects what breaks the contract: empty sources, bad names, unknown keys", () => {
    const { model } = buildModel(loadModelInput(join(repo, "test", "fixtures", "model", "speckit-entities", "input.json")));
    const good = JSON.parse(serializeModel(model));
    const noSources = structuredClone(good);
    noSources.system.entities[0].sources = [];
    expect(errorsOf(JSON.stringify(noSources)).length).toBeGreaterThan(0);
    const badName = structuredClone(good);
    badName.system.entities[0].name = "3Event";
    expect(errorsOf(JSON.stringify(badName)).length).toBeGreaterThan(0);
    const extra = structuredClone(good);
    extra.system.entities[0].colour = "red";
    expect(errorsOf(JSON.stringify(extra)).length).toBeGreaterThan(0);
  });
});
