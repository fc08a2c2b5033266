import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** penult's package: its folder, version, and GitHub repository (`owner/name`, where the Action lives). */
export interface PackageInfo {
  root: string;
  version: string;
  repository: string;
}

let cached: PackageInfo | undefined;

/**
 * penult's own package folder (where `examples/`, `templates/` and package.json live), found by
 * walking up from this module: the same code runs from `lib/` (tests) and `dist/lib/` (the bin).
 */
export function findPackage(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, "utf8")) as { name?: string; version?: string; repository?: { url?: string } };
      const repository = /github\.com[/:]([^/]+\/[^/.]+)/.exec(json.repository?.url ?? "")?.[1] ?? "penult/penult";
      if (json.name === "penult") return (cached = { root: dir, version: json.version ?? "0.0.0", repository });
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find penult's package.json above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}
