import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Files under `dir` (recursively, sorted) whose names end with `ext`; [] when `dir` does not exist. */
export function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n), ext) : n.endsWith(ext) ? [join(dir, n)] : []));
}
