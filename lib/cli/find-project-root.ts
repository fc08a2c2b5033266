import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The repository a command works on: the nearest folder at or above `cwd` holding
 * `.github/penult.yml`, else the nearest git work tree, else `cwd` itself. Running penult from a
 * sub-folder therefore behaves like running it at the root, as git does.
 */
export function findProjectRoot(cwd: string): string {
  const start = resolve(cwd);
  for (const marker of [join(".github", "penult.yml"), join(".github", "penult.yaml"), ".git"]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, marker))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return start;
}
