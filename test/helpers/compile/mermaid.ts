import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompileOutcome } from "./run-tool.js";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Parses diagrams with Mermaid's own parser (mermaid 11 + happy-dom, see parse-mermaid.mjs), all in
 * one child process. `@mermaid-js/parser` alone cannot be used: it covers the newer Langium grammars
 * (pie, gitGraph, architecture, ...) but not classDiagram or flowchart, which are Jison parsers
 * inside the mermaid package. Returns the parser's message per diagram name (undefined = parses).
 */
export function parseMermaidDiagrams(diagrams: readonly { name: string; text: string }[]): Promise<Map<string, string | undefined>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, "parse-mermaid.mjs")], { cwd: join(here, "..", "..", "..") });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        const results = JSON.parse(out) as { name: string; error?: string }[];
        resolve(new Map(results.map((r) => [r.name, r.error])));
      } catch {
        reject(new Error(`mermaid parser process failed (exit ${code}): ${err.slice(0, 2000)}`));
      }
    });
    child.stdin.end(JSON.stringify(diagrams));
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : p.endsWith(".mmd") ? [p] : [];
  });
}

/** Parses every `.mmd` file under `dir` (the `mermaid/` output folder) with Mermaid's parser. */
export async function compileMermaid(dir: string): Promise<CompileOutcome> {
  const files = listFiles(dir).sort();
  if (files.length === 0) return { ok: true, output: "no .mmd files (a model without types or components)" };
  const diagrams = files.map((f) => ({ name: relative(dir, f).split(sep).join("/"), text: readFileSync(f, "utf8") }));
  const results = await parseMermaidDiagrams(diagrams);
  const problems = diagrams.flatMap((d) => {
    const e = results.has(d.name) ? results.get(d.name) : "not parsed";
    return e ? [`${d.name}: ${e}`] : [];
  });
  return { ok: problems.length === 0, output: problems.join("\n") };
}
