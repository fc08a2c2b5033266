import { CONFIG_PATHS, parseConfig, readConfigText, resolveConfig, resolveDefaults, type ResolvedConfig } from "../../lib/config/load-config.js";
import { checkConfigPaths } from "../../lib/config/check-config-paths.js";
import { mergeConfigs } from "../../lib/config/merge-configs.js";
import type { Diagnostic } from "../../lib/diagnostics.js";
import type { CommitArchive } from "../github/repo-client.js";

/** Largest shared config read (a config is a few hundred bytes; this only bounds the parse). */
const SHARED_CONFIG_CHARS = 100_000;

export interface RepoConfigSources {
  archive: CommitArchive;
  /** The repository's owner: `_extends` may only name `<owner>/.github`. */
  owner: string;
  /** Reads the shared config of `<owner>/.github` (RepoClient.readSharedConfig). */
  readSharedConfig: () => Promise<{ file: string; text: string } | undefined>;
  /** The repository's name: the system's name when the config sets no `system:`, as the CLI names it. */
  repoName: string;
}

/**
 * The config of the commit itself (`.github/penult.yml`, else `.github/penult.yaml`), so
 * statements and config always match. `_extends` may only bring in the shared settings of the same
 * owner's `.github` repository (`_extends: .github`): never another repository of the
 * installation, and never a chain. Problems in the shared file are counted, never quoted: its
 * keys and values are not this repository's to read in a check run. Without `system:`, the
 * system is named after the repository.
 */
export async function loadRepoConfig(sources: RepoConfigSources): Promise<{ config?: ResolvedConfig; diagnostics: Diagnostic[]; file?: string }> {
  const loaded = await loadConfigOf(sources);
  return loaded.config && !loaded.config.system ? { ...loaded, config: { ...loaded.config, system: sources.repoName } } : loaded;
}

async function loadConfigOf(sources: RepoConfigSources): Promise<{ config?: ResolvedConfig; diagnostics: Diagnostic[]; file?: string }> {
  const tree = await sources.archive.read((p) => CONFIG_PATHS.includes(p));
  const found = await readConfigText(tree);
  if (!found) return { config: resolveDefaults(), diagnostics: [] };
  const local = parseConfig({ ...found, allowExtends: true });
  if (local.diagnostics.some((d) => d.severity === "error") || !local.raw) return { diagnostics: local.diagnostics, file: found.file };
  if (!local.extends) return { config: local.config, diagnostics: local.diagnostics, file: found.file };

  const refuse = (message: string): { diagnostics: Diagnostic[]; file: string } => ({
    diagnostics: [{ code: "CONFIG_EXTENDS", severity: "error", message, file: found.file, ...(local.extends?.line ? { line: local.extends.line } : {}) }],
    file: found.file,
  });
  const shared = `${sources.owner}/.github`;
  const target = local.extends.value.toLowerCase();
  if (target !== ".github" && target !== shared.toLowerCase()) {
    return refuse(`_extends may only name this owner's shared settings (\`_extends: .github\`, i.e. ${shared}); penult does not read settings from other repositories`);
  }
  const text = await sources.readSharedConfig();
  if (!text) return refuse(`_extends: .github names ${shared}, which has no .github/penult.yml (or the App cannot read it)`);
  const parsed = text.text.length > SHARED_CONFIG_CHARS ? undefined : parseConfig({ text: text.text, file: `${shared}/${text.file}` });
  const problems = parsed ? parsed.diagnostics.filter((d) => d.severity === "error").length : 1;
  if (!parsed?.raw || problems) {
    return refuse(`the shared settings in ${shared} (${text.file}) are invalid (${problems} problem${problems === 1 ? "" : "s"}); fix them there (\`npx penult check\` in that repository). Their content is not shown here`);
  }
  const merged = mergeConfigs(parsed.raw, local.raw);
  if (checkConfigPaths(merged).length) {
    return refuse(`this config and the shared settings of ${shared} together put a path outside the repository or the output folder (e.g. llm.cache outside output); set the path here`);
  }
  return { config: resolveConfig(merged), diagnostics: local.diagnostics, file: found.file };
}
