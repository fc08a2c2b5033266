import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { OutputFile } from "../../../lib/emitters/index.js";
import { compileCsharp } from "./csharp.js";
import { compileGo } from "./go.js";
import { compileJava } from "./java.js";
import { compileJsonschema } from "./jsonschema.js";
import { compileMarkdown } from "./markdown.js";
import { compileMermaid } from "./mermaid.js";
import { compilePython } from "./python.js";
import { compileRust } from "./rust.js";
import type { CompileOutcome } from "./run-tool.js";
import { compileTypescript } from "./typescript.js";

export type { CompileOutcome } from "./run-tool.js";

/**
 * The real tool that proves each target's output, by target name. Each takes the folder that holds
 * that target's files (`<root>/<target>`). Alphabetical; one line per target.
 */
export const COMPILERS: Readonly<Record<string, (dir: string) => Promise<CompileOutcome>>> = {
  csharp: compileCsharp,
  go: compileGo,
  java: compileJava,
  jsonschema: compileJsonschema,
  markdown: compileMarkdown,
  mermaid: compileMermaid,
  python: compilePython,
  rust: compileRust,
  typescript: compileTypescript,
};

/** Writes emitted files under a fresh temporary root and returns it. */
export function writeEmitted(files: readonly OutputFile[], prefix = "penult-emit-"): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const f of files) {
    const path = join(root, ...f.path.split("/"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  return root;
}

/**
 * Compiles every target present in `files` with its real tool, targets in sequence (the machine is
 * shared; each tool already batches all files of its target in one call). With `subfolders`, each
 * `<target>/<subfolder>` is proven on its own (several repositories' output side by side) and the
 * results are keyed `<target>/<subfolder>`. Targets without a compiler are reported as failures.
 */
export async function compileEmitted(options: {
  files: readonly OutputFile[];
  targets: readonly string[];
  subfolders?: readonly string[];
  keep?: boolean;
}): Promise<Record<string, CompileOutcome>> {
  const root = writeEmitted(options.files);
  const results: Record<string, CompileOutcome> = {};
  try {
    for (const target of options.targets) {
      const compiler = COMPILERS[target];
      if (!compiler) {
        results[target] = { ok: false, output: `no compiler registered for target ${target} in test/helpers/compile/index.ts` };
        continue;
      }
      // A model with nothing a target renders (a component without interfaces) gives no files: nothing to prove.
      if (!options.subfolders && !options.files.some((f) => f.path.startsWith(`${target}/`) && !/\/(?:tsconfig\.json|go\.mod|Cargo\.toml|[^/]*\.csproj|pom\.xml|package\.json)$/.test(f.path))) {
        results[target] = { ok: true, output: "no files to compile" };
        continue;
      }
      mkdirSync(join(root, target), { recursive: true });
      if (!options.subfolders) results[target] = await compiler(join(root, target));
      else for (const sub of options.subfolders) results[`${target}/${sub}`] = await compiler(join(root, target, sub));
    }
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
  return results;
}
