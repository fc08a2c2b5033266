import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every relative import of every .ts file under `dir`, resolved to a repository path. */
function imports(dir: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const e of readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith(".ts")) continue;
    const file = join(e.parentPath, e.name);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      out.push({ from: relative(repo, file), to: relative(repo, resolve(dirname(file), m[1]!)) });
    }
  }
  return out;
}

describe("one pipeline", () => {
  it("the App and the library reach the compiler through lib/pipeline, never through the CLI", () => {
    const leaks = [...imports("app"), ...imports("lib")].filter((i) => !i.from.startsWith("lib/cli/") && i.to.startsWith("lib/cli/"));
    expect(leaks).toEqual([]);
  });

  it("contracts are emitted only by lib/pipeline, the impact report's fallback for a side given without files, and implement (one target, for its scaffold)", () => {
    const callers = [...imports("app"), ...imports("lib")]
      .filter((i) => i.to === "lib/emitters/index.js" && /\bemitContracts\b/.test(readFileSync(join(repo, i.from), "utf8")))
      .map((i) => i.from)
      .filter((f) => !f.startsWith("lib/emitters/"));
    expect(callers.sort()).toEqual(["lib/diff/compute-impact.ts", "lib/implement/scaffold-implementation.ts", "lib/pipeline/compile-tree.ts"]);
  });
});
