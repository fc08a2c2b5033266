import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTool, type CompileOutcome } from "./run-tool.js";

/**
 * Compiles the crate rooted at `dir/lib.rs` (the `rust/` output folder) with plain rustc, offline
 * and without crates: edition 2021, library, metadata only (type-checks everything, no codegen),
 * every warning an error.
 */
export async function compileRust(dir: string): Promise<CompileOutcome> {
  const outDir = mkdtempSync(join(tmpdir(), "penult-rustc-"));
  try {
    return await runTool({
      command: "rustc",
      args: ["--crate-type", "lib", "--edition", "2021", "--crate-name", "contracts", "--emit", "metadata", "-D", "warnings", "--out-dir", outDir, join(dir, "lib.rs")],
      cwd: dir,
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
