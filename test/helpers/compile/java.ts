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
 * Compiles every `.java` file under `dir` (the `java/` output folder) in one javac call, Java 17,
 * UTF-8 sources, all lint warnings turned into errors (`-Xlint:all -Werror`), classes to a temp dir.
 */
export async function compileJava(dir: string): Promise<CompileOutcome> {
  const files = listFiles(dir, ".java");
  if (files.length === 0) return { ok: false, output: `no .java files under ${dir}` };
  const classes = mkdtempSync(join(tmpdir(), "penult-javac-"));
  try {
    return await runTool({
      command: "javac",
      args: ["--release", "17", "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-implicit:none", "-d", classes, "-sourcepath", dir, ...files],
      cwd: dir,
    });
  } finally {
    rmSync(classes, { recursive: true, force: true });
  }
}
