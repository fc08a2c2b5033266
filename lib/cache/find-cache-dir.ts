import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * Where the compile cache of the project at `root` lives: inside the git directory of the checkout
 * that holds it (`<git dir>/penult-cache/<project>`), or, outside any git checkout, in
 * `<root>/.penult/cache` (which ignores itself for git).
 *
 * Why the git directory: nothing a repository contains can write there (no commit, fork pull
 * request or tarball carries `.git/`), so a cache of rendered contracts cannot be poisoned by the
 * content it is about; it is never committed, and it goes away with the checkout. Deleting it is
 * always safe: the next run is cold.
 */
export function findCacheDir(root: string): string {
  const abs = resolve(root);
  for (let dir = abs; ; dir = dirname(dir)) {
    const gitDir = readGitDir(join(dir, ".git"));
    if (gitDir) {
      // Several penult projects in one repository (a monorepo) each get their own folder.
      const project = relative(dir, abs).split("\\").join("/");
      return join(gitDir, "penult-cache", project === "" ? "root" : createHash("sha256").update(project).digest("hex").slice(0, 16));
    }
    if (dirname(dir) === dir) break;
  }
  return join(abs, ".penult", "cache");
}

/** The git directory a `.git` entry names: the folder itself, or the `gitdir:` of a worktree's `.git` file. */
function readGitDir(dotGit: string): string | undefined {
  if (!existsSync(dotGit)) return undefined;
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, "utf8"));
    if (!m) return undefined;
    return isAbsolute(m[1]!) ? m[1]! : resolve(dirname(dotGit), m[1]!);
  } catch {
    return undefined;
  }
}
