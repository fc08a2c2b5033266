import { createConfinedFs, type ConfinedFs } from "../confined-fs.js";
import { cmp } from "../diagnostics.js";
import { matchGlobs, staticPrefix } from "./match-globs.js";
import { TreeReadError, type TreeReader } from "./tree-reader.js";

/** Folders never holding statements; walking them would only cost time. */
const SKIPPED_DIRS = new Set([".git", "node_modules"]);

/**
 * The working tree of a checkout (what `penult diff` compares against when no head is given).
 * Reads stay inside `rootDir`: symbolic links (to files or folders) are not followed, so a cloned
 * repository cannot make penult read `~/.ssh` into model.json.
 */
export function createFsTreeReader(options: { rootDir: string; label?: string }): TreeReader {
  const label = options.label ?? "working tree";
  const fs = createConfinedFs(options.rootDir);
  return {
    label,
    async listFiles(globs) {
      const match = matchGlobs(globs);
      const starts = [...new Set(globs.map(staticPrefix))].sort(cmp);
      // A prefix inside another prefix would list files twice.
      const roots = starts
        .filter((s) => !starts.some((o) => o !== s && (o === "" || s.startsWith(o + "/"))))
        .filter((s) => !s.split("/").some((seg) => seg.toLowerCase() === ".git"));
      const found = new Set<string>();
      for (const root of roots) walk(fs, root, match, found);
      return [...found].sort(cmp);
    },
    async readFile(path) {
      const bytes = fs.readBytes(path);
      if (bytes === undefined) {
        const link = fs.linkIn(path);
        throw new TreeReadError("FILE_NOT_FOUND", `${path} cannot be read from the ${label}: ${link ? `${link} is a symbolic link, and penult does not follow links` : "no such file"}`);
      }
      return bytes;
    },
  };
}

function walk(fs: ConfinedFs, rel: string, match: (p: string) => boolean, out: Set<string>): void {
  // A glob's folder that does not exist (or is a link) simply matches nothing.
  for (const e of fs.list(rel)) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.kind === "dir") {
      if (!SKIPPED_DIRS.has(e.name.toLowerCase())) walk(fs, path, match, out);
    } else if (e.kind === "file" && match(path)) {
      out.add(path);
    }
  }
}
