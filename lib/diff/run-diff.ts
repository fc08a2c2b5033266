import { loadConfig } from "../config/load-config.js";
import type { PenultConfig } from "../config/types.js";
import type { TemplateSource } from "../emitters/types.js";
import { createFsTreeReader } from "../git/fs-tree-reader.js";
import { findRepoRoot, openGitRevision } from "../git/git-tree-reader.js";
import { renderImpactJson } from "../report/render-impact-json.js";
import { renderImpactMarkdown } from "../report/render-impact-markdown.js";
import type { ImpactReport } from "../report/types.js";
import { computeImpact } from "./compute-impact.js";

export interface RunDiffOptions {
  /** A folder of the repository (its root is found by git). */
  repoDir: string;
  /** Base revision; default `HEAD~1`. */
  base?: string;
  /** Head revision; default: the working tree. */
  head?: string;
  format?: "markdown" | "json";
  /** Config; default: `.github/penult.yml` of the working tree. */
  config?: Partial<PenultConfig>;
  /** Report template overrides. */
  templates?: TemplateSource;
  /** Emit contracts of both sides to explain per contract file (default true). */
  emit?: boolean;
}

export interface RunDiffResult {
  /** The report as text in the requested format, ending with a newline. */
  output: string;
  report: ImpactReport;
  /** True when a breaking rule fired (the CLI may exit non-zero on it). */
  breaking: boolean;
}

/**
 * `penult diff [base] [head]`: compares the statements of two revisions of a local repository
 * (head defaults to the working tree) and renders the impact report. Throws TreeReadError with a
 * how-to-fix message when a revision cannot be read; everything else is in the report.
 */
export async function runDiff(options: RunDiffOptions): Promise<RunDiffResult> {
  const config = options.config ?? loadConfig({ root: options.repoDir }).config;
  const base = await openGitRevision({ repoDir: options.repoDir, rev: options.base ?? "HEAD~1" });
  const head = options.head
    ? await openGitRevision({ repoDir: options.repoDir, rev: options.head })
    : createFsTreeReader({ rootDir: await findRepoRoot(options.repoDir) });
  const impact = await computeImpact({ base, head, config, ...(options.emit !== undefined ? { emit: options.emit } : {}) });
  const output =
    options.format === "json"
      ? renderImpactJson(impact.report)
      : renderImpactMarkdown(impact.report, options.templates ? { templates: options.templates } : {});
  return { output, report: impact.report, breaking: impact.findings.some((f) => f.category !== "non-breaking") };
}
