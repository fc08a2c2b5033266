import { loadConfig } from "../config/load-config.js";
import type { PenultConfig } from "../config/types.js";
import type { TemplateSource } from "../emitters/types.js";
import { createFsTreeReader } from "../git/fs-tree-reader.js";
import { findRepoRoot, openGitRevision } from "../git/git-tree-reader.js";
import { createMemoryTreeReader } from "../git/memory-tree-reader.js";
import { TreeReadError, type TreeReader } from "../git/tree-reader.js";
import { renderImpactJson } from "../report/render-impact-json.js";
import { renderImpactMarkdown } from "../report/render-impact-markdown.js";
import type { ImpactReport } from "../report/types.js";
import { computeImpact } from "./compute-impact.js";

export interface RunDiffOptions {
  /** A folder of the repository (its root is found by git). */
  repoDir: string;
  /**
   * Base revision; default `HEAD~1`, or an empty repository when HEAD is the first commit (or there
   * is none yet). `empty` (or git's empty tree, 4b825dc) compares against an empty repository.
   */
  base?: string;
  /** Head revision; default: the working tree. */
  head?: string;
  format?: "markdown" | "json";
  /** Markdown only: the full report (every element, every contract file explained) instead of the review-shaped one. */
  full?: boolean;
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
  const base = options.base !== undefined ? await openSide(options.repoDir, options.base) : await openDefaultBase(options.repoDir);
  const head = options.head
    ? await openSide(options.repoDir, options.head)
    : createFsTreeReader({ rootDir: await findRepoRoot(options.repoDir) });
  const impact = await computeImpact({ base, head, config, ...(options.emit !== undefined ? { emit: options.emit } : {}) });
  const output =
    options.format === "json"
      ? renderImpactJson(impact.report)
      : renderImpactMarkdown(impact.report, {
          ...(options.templates ? { templates: options.templates } : {}),
          ...(options.full ? { detail: "full" as const } : { fullReport: "`penult diff --full` prints the full report, with every contract file explained." }),
        });
  return { output, report: impact.report, breaking: impact.findings.some((f) => f.category !== "non-breaking") };
}

/** Names for "nothing": the keyword, and git's own empty tree (what `git diff 4b825dc` compares with). */
const EMPTY_NAMES: ReadonlySet<string> = new Set(["empty", "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "4b825dc"]);

function emptyRepository(why: string): TreeReader {
  return createMemoryTreeReader({}, `an empty repository${why}`);
}

async function openSide(repoDir: string, rev: string): Promise<TreeReader> {
  return EMPTY_NAMES.has(rev) ? emptyRepository("") : openGitRevision({ repoDir, rev });
}

/** HEAD~1; on a repository's first commit (or before it) there is nothing before, so: an empty repository. */
async function openDefaultBase(repoDir: string): Promise<TreeReader> {
  try {
    return await openGitRevision({ repoDir, rev: "HEAD~1" });
  } catch (err) {
    // A shallow clone is not a first commit: that error says how to fetch more.
    if (err instanceof TreeReadError && err.code === "REVISION_NOT_FOUND") return emptyRepository(" (HEAD has no parent)");
    throw err;
  }
}
