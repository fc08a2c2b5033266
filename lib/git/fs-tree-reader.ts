import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { cmp } from "../diagnostics.js";
import { matchGlobs, staticPrefix } from "./match-globs.js";
import { TreeReadError, type TreeReader } from "./tree-reader.js";

/** Folders never holding statements; walking them would only cost time. */
const SKIPPED_DIRS = new Set([".git", "node_modules"]);

/** The working tree of a checkout (what `penult diff` compares against when no head is given). */
export function createFsTreeReader(options: { rootDir: string; label?: string }): TreeReader {
  const { rootDir } = options;
  const label = options.label ?? "working tree";
  return {
    label,
    async listFiles(globs) {
      const match = matchGlobs(globs);
      const starts = [...new Set(globs.map(staticPrefix))].sort(cmp);
      // A prefix inside another prefix would list files twice.
      const roots = starts.filter((s) => !starts.some((o) => o !== s && (o === "" || s.startsWith(o + "/"))));
      const found = new Set<string>();
      for (const root of roots) await walk(rootDir, root, match, found);
      return [...found].sort(cmp);
    },
    async readFile(path) {
      try {
        return new Uint8Array(await readFile(join(rootDir, path)));
      } catch (err) {
        throw new TreeReadError("FILE_NOT_FOUND", `${path} cannot be read from the ${label}: ${(err as Error).message}`);
      }
    },
  };
}

async function walk(rootDir: string, rel: string, match: (p: string) => boolean, out: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(rootDir, rel), { withFileTypes: true });
  } catch {
    return; // a glob's folder that does not exist simply matches nothing
  }
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) await walk(rootDir, path, match, out);
    } else if (e.isFile() && match(path)) {
      out.add(path);
    }
  }
}
