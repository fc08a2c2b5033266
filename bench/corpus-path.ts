import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Where the benches and tests find the text nobody here wrote: the corpora vendored under
 * test/corpora/ (each with its SOURCE and licence) and the seed conversation in
 * examples/seed-conversation/. Everything is inside the repository, so a clean clone runs alone.
 */

/** The repository root: the nearest folder above this file with package.json (bench/ or dist/bench/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** `test/corpora` of this repository. */
export function corporaDir(): string {
  return need(join(repoRoot(), "test", "corpora"));
}

/** `test/corpora/<name>`; throws naming the path when it is missing. */
export function corpusPath(name: string): string {
  return need(join(corporaDir(), name));
}

/** The seed conversation, kept unchanged as the `seed-conversation` example. */
export function seedConversationPath(): string {
  return need(join(repoRoot(), "examples", "seed-conversation", "statements", "000_bbe30278221eec2b.txt"));
}

function need(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: the corpora are part of the repository (see test/corpora/README.md)`);
  return path;
}
