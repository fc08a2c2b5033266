import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Model } from "../../lib/model/types.js";

/** Hand-built model fixtures shared by every emitter test: shop, nested, hostile. */
export const FIXTURE_MODELS = ["hostile", "nested", "shop"] as const;

export function loadFixtureModel(name: string): Model {
  return JSON.parse(readFileSync(join("test", "fixtures", "models", `${name}.json`), "utf8")) as Model;
}
