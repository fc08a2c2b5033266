import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cmp } from "../diagnostics.js";
import { runGit } from "../sync/run-git.js";
import { syncContracts, SyncError, type SyncContractsResult } from "../sync/sync-contracts.js";
import { findPackage } from "./package-info.js";
import { requireConfig } from "./project.js";
import { planContractsUpdate } from "../jobs/plan-contracts-update.js";
import { openGitRevision, type TreeReader } from "./stages.js";

export interface RunDemoOptions {
  /** Folder name under examples/ (default `bookshop`). */
  example?: string;
  /** Keep the temporary repository instead of deleting it. */
  keep?: boolean;
  /** Where examples live (default: penult's own `examples/`). */
  examplesDir?: string;
  progress?: (message: string) => void;
}

export interface DemoStep {
  title: string;
  detail: string[];
}

export interface RunDemoResult {
  example: string;
  repoDir: string;
  kept: boolean;
  steps: DemoStep[];
  first: SyncContractsResult;
  second: SyncContractsResult;
  /** What the GitHub App would post on the contracts pull request. */
  pullRequest: { title: string; body: string; head: string; base: string };
}

interface DemoEdit {
  file: string;
  find: string;
  replace: string;
  message: string;
}

/** The author of the demo's own commits, so the demo needs no git identity on the machine. */
const DEMO_IDENTITY = {
  GIT_AUTHOR_NAME: "Demo Author",
  GIT_AUTHOR_EMAIL: "author@example.com",
  GIT_COMMITTER_NAME: "Demo Author",
  GIT_COMMITTER_EMAIL: "author@example.com",
};

/** Names of the bundled examples (folders under examples/). */
export function listExamples(examplesDir = join(findPackage().root, "examples")): string[] {
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(cmp);
}

/**
 * `penult demo`: the main job end to end, offline. Copies an example into a fresh temporary git
 * repository, commits its statements, syncs, merges that contracts branch (as a team merges the
 * bot's PR), edits one statement, commits, syncs again, and returns what the GitHub App would
 * post for that push: the contracts PR's title and body (the impact report), computed by the
 * App's own job (lib/jobs/plan-contracts-update.ts).
 */
export async function runDemo(options: RunDemoOptions = {}): Promise<RunDemoResult> {
  const progress = options.progress ?? (() => {});
  const examplesDir = options.examplesDir ?? join(findPackage().root, "examples");
  const example = options.example ?? "bookshop";
  const source = join(examplesDir, example);
  if (!existsSync(source)) {
    throw new SyncError(`there is no example "${example}"; available: ${listExamples(examplesDir).join(", ")}`);
  }
  const edits = JSON.parse(readFileSync(join(examplesDir, "demo-edits.json"), "utf8")) as Record<string, DemoEdit>;
  const edit = edits[example];
  if (!edit) throw new SyncError(`examples/demo-edits.json has no edit for "${example}"; add one (file, find, replace, message)`);

  const repoDir = mkdtempSync(join(tmpdir(), `penult-demo-${example}-`));
  const git = (args: string[]) => runGit(args, { cwd: repoDir, env: DEMO_IDENTITY });
  const steps: DemoStep[] = [];
  try {
    cpSync(source, repoDir, { recursive: true });
    await git(["init", "-q", "-b", "main"]);
    await git(["add", "-A"]);
    await git(["-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", `Add ${example} statements`]);
    const config = requireConfig(repoDir);
    const files = (await git(["ls-files", "--", ...config.statements.map((g) => `:(glob)${g}`)])).stdout.trim().split("\n").filter(Boolean);
    const c1 = (await git(["rev-parse", "HEAD"])).stdout.trim();
    steps.push({ title: `committed the statements of examples/${example} (${files.length} files) on main`, detail: [`main ${c1.slice(0, 7)} "Add ${example} statements"`, ...files.map((f) => `  ${f}`)] });

    progress("sync 1: generating the contracts");
    const sync = () => syncContracts({ cwd: repoDir, progress });
    // What the App posts comes from the App's own job (lib/jobs), run on the pushed commit.
    const planPush = async (sha: string, subject: string) => planContractsUpdate({ tree: await readCommit(repoDir, sha), sha, subject, config });
    const first = await sync();
    const firstPr = await planPush(c1, `Add ${example} statements`);
    steps.push({ title: `npx penult sync -> ${first.branch} ${first.status}`, detail: [syncLine(first), `the GitHub App would open a pull request: "${firstPr.title}"`] });

    // The team merges the first contracts PR, so the next one shows only what the edit changes.
    await git(["merge", "-q", "--ff-only", first.branch]);
    const merged = (await git(["rev-parse", "HEAD"])).stdout.trim();
    steps.push({ title: `merged that pull request into main (fast-forward to ${merged.slice(0, 7)})`, detail: [] });

    const path = join(repoDir, edit.file);
    const before = readFileSync(path, "utf8");
    if (!before.includes(edit.find)) throw new SyncError(`examples/demo-edits.json: "${edit.find}" is not in ${edit.file}; update the edit to match the example`);
    writeFileSync(path, before.replace(edit.find, edit.replace));
    const line = before.slice(0, before.indexOf(edit.find)).split("\n").length;
    await git(["-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-am", edit.message]);
    const c2 = (await git(["rev-parse", "HEAD"])).stdout.trim();
    steps.push({
      title: `edited one statement and committed it on main (${c2.slice(0, 7)} "${edit.message}")`,
      detail: [`${edit.file}:${line}`, `- ${edit.find}`, `+ ${edit.replace}`],
    });

    progress("sync 2: regenerating after the edit");
    const second = await sync();
    steps.push({ title: `npx penult sync -> ${second.branch} ${second.status}`, detail: [syncLine(second)] });

    progress("building the pull request the GitHub App would post");
    const pr = await planPush(c2, edit.message);
    return {
      example,
      repoDir,
      kept: Boolean(options.keep),
      steps,
      first,
      second,
      pullRequest: { title: pr.title, body: pr.body, head: second.branch, base: "main" },
    };
  } finally {
    if (!options.keep) rmSync(repoDir, { recursive: true, force: true });
  }
}

/**
 * A commit's tree whose batch read skips paths that do not exist (like `readFile` failing one by
 * one would), so callers may ask for optional files such as a manifest that is not there yet.
 */
async function readCommit(repoDir: string, sha: string): Promise<TreeReader> {
  const reader = await openGitRevision({ repoDir, rev: sha });
  const present = new Set(await reader.listFiles(["**"]));
  const readFiles = reader.readFiles?.bind(reader);
  return readFiles ? { ...reader, listFiles: reader.listFiles.bind(reader), readFile: reader.readFile.bind(reader), readFiles: (paths) => readFiles(paths.filter((p) => present.has(p))) } : reader;
}

function syncLine(r: SyncContractsResult): string {
  if (r.status === "unchanged") return "no commit: nothing changed";
  const n = r.statementChanges.length;
  const { added, changed, removed } = r.branchChanges;
  const since = r.status === "created" ? "" : " since the previous contracts commit";
  return `${r.commit?.slice(0, 7)} on ${r.base.slice(0, 7)}: ${n} changed statement${n === 1 ? "" : "s"}; contract files${since}: ${added.length} added, ${changed.length} changed, ${removed.length} removed`;
}
