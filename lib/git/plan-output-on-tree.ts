import { planOutput, type OutputFile, type OutputPlan } from "../write-output.js";
import type { TreeReader } from "./tree-reader.js";

/**
 * Reads, as text, the files of `paths` that exist in the tree (missing ones are simply absent).
 * Batch readers are asked only for paths the tree lists, since some throw on a missing path.
 */
export async function readTextFiles(tree: TreeReader, paths: readonly string[]): Promise<Map<string, string>> {
  const decoder = new TextDecoder();
  const out = new Map<string, string>();
  if (tree.readFiles) {
    // One listing of the whole tree: matching thousands of literal globs would cost far more.
    const listed = new Set(await tree.listFiles(["**"]));
    for (const [p, b] of await tree.readFiles(paths.filter((x) => listed.has(x)))) out.set(p, decoder.decode(b));
    return out;
  }
  for (const p of paths) {
    try {
      out.set(p, decoder.decode(await tree.readFile(p)));
    } catch {
      // absent: nothing to compare with
    }
  }
  return out;
}

/**
 * What writing `files` would do to a tree (a git revision, a commit read through the GitHub API):
 * the same plan `generate` makes against the disk, reading only the generated paths, the
 * manifest and the files the manifest lists. Returns the plan and the texts it read.
 */
export async function planOutputOnTree(options: {
  tree: TreeReader;
  files: readonly OutputFile[];
  manifest: string;
  /** More paths to read along (returned in `existing`). */
  alsoRead?: readonly string[];
}): Promise<{ plan: OutputPlan; existing: Map<string, string> }> {
  const { tree, manifest } = options;
  const manifestText = (await readTextFiles(tree, [manifest])).get(manifest);
  const listed = Object.keys(safeJson<{ files?: Record<string, string> }>(manifestText)?.files ?? {});
  const existing = await readTextFiles(tree, [...new Set([...options.files.map((f) => f.path), ...listed, ...(options.alsoRead ?? [])])]);
  if (manifestText !== undefined) existing.set(manifest, manifestText);
  const plan = planOutput({ files: options.files, manifest, read: (p) => existing.get(p) });
  return { plan, existing };
}

/** Parsed JSON, or undefined when absent or unreadable. */
export function safeJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
