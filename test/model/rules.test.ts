import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MODEL_RULES } from "../../lib/model/rules.js";

/*
 * Parity (as ESLint's rule registry): every rule id a pass can write into `why` is listed in
 * lib/model/rules.ts, and every listed rule is documented in docs/model.md.
 */
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");

function rulesUsedInPasses(): Set<string> {
  const dir = join(repo, "lib", "model");
  const used = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".ts") || f === "rules.ts") continue;
    const text = readFileSync(join(dir, f), "utf8");
    for (const m of text.matchAll(/["`]((?:declarations|entities|fields|components|operations|events|errors|constraints|actors)\/[a-z-]+)["`]/g)) used.add(m[1]!);
  }
  return used;
}

describe("model rules", () => {
  it("every rule a pass writes is in the registry", () => {
    const missing = [...rulesUsedInPasses()].filter((r) => !(r in MODEL_RULES));
    expect(missing).toEqual([]);
  });

  it("every registered rule is documented in docs/model.md", () => {
    const doc = readFileSync(join(repo, "docs", "model.md"), "utf8");
    const undocumented = Object.keys(MODEL_RULES).filter((r) => !doc.includes(`\`${r}\``));
    expect(undocumented).toEqual([]);
  });

  it("every registered rule is used by a pass", () => {
    const used = rulesUsedInPasses();
    expect(Object.keys(MODEL_RULES).filter((r) => !used.has(r))).toEqual([]);
  });
});
