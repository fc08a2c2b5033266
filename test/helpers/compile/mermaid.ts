import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { CompileOutcome } from "./run-tool.js";

type MermaidApi = { parse(text: string): Promise<unknown> };
let mermaid: Promise<MermaidApi> | undefined;

/**
 * Mermaid's own parser (mermaid 11, the last major that runs on Node 20). Its sanitiser (DOMPurify)
 * needs a DOM even to parse, so a happy-dom window is installed as the global once, before the first
 * import. `@mermaid-js/parser` alone cannot be used: it covers the newer Langium grammars (pie,
 * gitGraph, architecture, ...) but not classDiagram or flowchart, which are still Jison parsers
 * inside the mermaid package.
 */
export function loadMermaid(): Promise<MermaidApi> {
  mermaid ??= (async () => {
    const { Window } = await import("happy-dom");
    const g = globalThis as unknown as Record<string, unknown>;
    if (!g.window) {
      const w = new Window();
      g.window = w;
      g.document = w.document;
    }
    const mod = (await import("mermaid")) as unknown as { default: MermaidApi };
    return mod.default;
  })();
  return mermaid;
}

/** Parses one diagram; `undefined` when it parses, else the parser's message. */
export async function parseMermaid(text: string): Promise<string | undefined> {
  const api = await loadMermaid();
  try {
    await api.parse(text);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : p.endsWith(".mmd") ? [p] : [];
  });
}

/** Parses every `.mmd` file under `dir` (the `mermaid/` output folder) with Mermaid's parser. */
export async function compileMermaid(dir: string): Promise<CompileOutcome> {
  const problems: string[] = [];
  const files = listFiles(dir).sort();
  for (const file of files) {
    const message = await parseMermaid(readFileSync(file, "utf8"));
    if (message) problems.push(`${relative(dir, file).split(sep).join("/")}: ${message}`);
  }
  if (files.length === 0) problems.push("no .mmd files found");
  return { ok: problems.length === 0, output: problems.join("\n") };
}
