import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import type { Diagnostic } from "../diagnostics.js";

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

/** Thrown when `.github/penult.yml` is invalid: commands stop with exit code 2 and list every problem. */
export class ConfigError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`.github/penult.yml has ${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"}`);
    this.name = "ConfigError";
  }
}

/** Loads and validates the config of `root`, throwing {@link ConfigError} when it is invalid. */
export function requireConfig(root: string): ResolvedConfig {
  const loaded = loadConfig({ root });
  if (loaded.diagnostics.some((d) => d.severity === "error")) throw new ConfigError(loaded.diagnostics);
  return loaded.config;
}
