import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import type { Diagnostic } from "../diagnostics.js";
import { withRepositoryName } from "./repository-name.js";

/** Thrown when `.github/penult.yml` is invalid: commands stop with exit code 2 and list every problem. */
export class ConfigError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`.github/penult.yml has ${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"}`);
    this.name = "ConfigError";
  }
}

/**
 * Loads and validates the config of `root`, throwing {@link ConfigError} when it is invalid. A
 * config without `system` gets the repository's name (see {@link repositoryName}).
 */
export function requireConfig(root: string): ResolvedConfig {
  const loaded = loadConfig({ root });
  if (loaded.diagnostics.some((d) => d.severity === "error")) throw new ConfigError(loaded.diagnostics);
  return withRepositoryName(loaded.config, root);
}
