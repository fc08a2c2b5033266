import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import type { Diagnostic } from "../diagnostics.js";
import { DEFAULT_JOB_LIMITS, type JobLimits } from "../limits/job-limits.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import { createRecordTemplateSource, type TemplateSource, type TreeReader } from "./stages.js";

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

/**
 * The repository's template overrides (`<templates>/<target>/...`) from any tree: disk or a git
 * revision. Override files are untrusted input: more files, or a bigger file, than the limits allow
 * stop the job with a {@link LimitExceededError} naming the file.
 */
export async function loadTemplateOverrides(options: {
  reader: TreeReader;
  folder: string;
  limits?: Partial<Pick<JobLimits, "templateBytes" | "templateFiles">>;
}): Promise<TemplateSource | undefined> {
  const maxBytes = options.limits?.templateBytes ?? DEFAULT_JOB_LIMITS.templateBytes;
  const maxFiles = options.limits?.templateFiles ?? DEFAULT_JOB_LIMITS.templateFiles;
  const prefix = options.folder.replace(/\/+$/, "") + "/";
  const paths = await options.reader.listFiles([`${prefix}**`]);
  if (paths.length === 0) return undefined;
  if (paths.length > maxFiles) throw new LimitExceededError("templateFiles", `${prefix} holds ${paths.length} template files, more than ${maxFiles}`);
  const contents = options.reader.readFiles
    ? await options.reader.readFiles(paths)
    : new Map(await Promise.all(paths.map(async (p) => [p, await options.reader.readFile(p)] as const)));
  const decoder = new TextDecoder();
  const record: Record<string, string> = {};
  for (const p of paths) {
    const bytes = contents.get(p) ?? new Uint8Array();
    if (bytes.length > maxBytes) throw new LimitExceededError("templateBytes", `the template ${p} is ${bytes.length} bytes, more than ${maxBytes}`);
    record[p.slice(prefix.length)] = decoder.decode(bytes);
  }
  return createRecordTemplateSource(record);
}

/** `<output>/.penult-manifest.json`. */
export function manifestPath(config: ResolvedConfig): string {
  return config.output === "." ? ".penult-manifest.json" : `${config.output}/.penult-manifest.json`;
}
