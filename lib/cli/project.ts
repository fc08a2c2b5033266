import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import type { Diagnostic } from "../diagnostics.js";
import { withRepositoryName } from "./repository-name.js";
import { createRecordTemplateSource, type TemplateSource, type TreeReader } from "./stages.js";

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

/** The repository's template overrides (`<templates>/<target>/...`) from any tree: disk or a git revision. */
export async function loadTemplateOverrides(options: { reader: TreeReader; folder: string }): Promise<TemplateSource | undefined> {
  const prefix = options.folder.replace(/\/+$/, "") + "/";
  const paths = await options.reader.listFiles([`${prefix}**`]);
  if (paths.length === 0) return undefined;
  const contents = options.reader.readFiles
    ? await options.reader.readFiles(paths)
    : new Map(await Promise.all(paths.map(async (p) => [p, await options.reader.readFile(p)] as const)));
  const decoder = new TextDecoder();
  const record: Record<string, string> = {};
  for (const p of paths) record[p.slice(prefix.length)] = decoder.decode(contents.get(p));
  return createRecordTemplateSource(record);
}

/** `<output>/.penult-manifest.json`. */
export function manifestPath(config: ResolvedConfig): string {
  return config.output === "." ? ".penult-manifest.json" : `${config.output}/.penult-manifest.json`;
}
