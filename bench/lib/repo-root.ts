import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above `fromUrl` (an `import.meta.url`) that holds
 * package.json. Benches run from bench/ (ts-jest) and from dist/bench/ (`npm run bench`), so a
 * fixed number of `..` would be wrong in one of the two.
 */
export function repoRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`bench: no package.json above ${fileURLToPath(fromUrl)}`);
    dir = up;
  }
  return dir;
}
