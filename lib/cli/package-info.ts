import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: { root: string; version: string } | undefined;

/**
 * penult's own package folder (where `examples/`, `templates/` and package.json live), found by
 * walking up from this module: the same code runs from `lib/` (tests) and `dist/lib/` (the bin).
 */
export function findPackage(): { root: string; version: string } {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, "utf8")) as { name?: string; version?: string };
      if (json.name === "penult") return (cached = { root: dir, version: json.version ?? "0.0.0" });
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find penult's package.json above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}
