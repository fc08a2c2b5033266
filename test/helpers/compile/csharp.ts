import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTool, type CompileOutcome } from "./run-tool.js";

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

/**
 * Compiles every `.cs` file under `dir` (the `csharp/` output folder) into one library with Mono's
 * C# compiler, warnings as errors, XML docs checked (`-doc`, so a malformed doc comment fails).
 */
export async function compileCsharp(dir: string): Promise<CompileOutcome> {
  const files = listFiles(dir, ".cs");
  if (files.length === 0) return { ok: false, output: `no .cs files under ${dir}` };
  const outDir = mkdtempSync(join(tmpdir(), "penult-mcs-"));
  try {
    return await runTool({
      command: "mcs",
      args: ["-target:library", "-warnaserror+", "-warn:4", `-out:${join(outDir, "Contracts.dll")}`, `-doc:${join(outDir, "Contracts.xml")}`, ...files],
      cwd: dir,
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
