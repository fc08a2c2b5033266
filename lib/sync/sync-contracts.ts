import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig, readConfigText, resolveDefaults, CONFIG_PATH, type ResolvedConfig } from "../config/load-config.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { diffStatements } from "../diff/diff-statements.js";
import type { StatementChange, StatementInput } from "../diff/types.js";
import { openGitRevision, type TreeReader } from "../git/index.js";
import { planOutputOnTree, readTextFiles, safeJson } from "../git/plan-output-on-tree.js";
import { compileTree, manifestPath, modelPath, type CompiledTree } from "../pipeline/index.js";
import type { PlannedChange } from "../write-output.js";
import { GitError, runGit } from "./run-git.js";

/** Trailer that marks a commit as made by `penult sync`; a branch tip without it is someone's work. */
export const SYNC_TRAILER = "Generated-by: penult sync";

/** The identity sync commits under: the bot's, so no user git config is needed (CI, fresh machines). */
const BOT_IDENTITY = {
  GIT_AUTHOR_NAME: "penult",
  GIT_AUTHOR_EMAIL: "penult@users.noreply.github.com",
  GIT_COMMITTER_NAME: "penult",
  GIT_COMMITTER_EMAIL: "penult@users.noreply.github.com",
};

/**
 * How sync compiles HEAD's tree; default {@link compileTree} offline. The CLI passes one that turns
 * the LLM engine on (its answer cache is read from the same tree).
 */
export type CompileForSync = (input: { tree: TreeReader; config: ResolvedConfig }) => Promise<Pick<CompiledTree, "files" | "diagnostics" | "readDiagnostics">>;

export interface SyncContractsOptions {
  /** Any folder inside the repository. */
  cwd: string;
  compile?: CompileForSync;
  /** Branch to commit to; default: `branch` from the config, else `penult/contracts`. */
  branch?: string;
  /** Plan and describe the commit, but write no ref. */
  dryRun?: boolean;
  progress?: (message: string) => void;
  /** Name of the system when the config at HEAD does not set `system` (the CLI passes the repository's name). */
  defaultSystem?: string;
}

export type SyncStatus = "created" | "updated" | "unchanged";

export interface SyncContractsResult {
  status: SyncStatus;
  branch: string;
  /** The commit the contracts are based on (HEAD when sync ran). */
  base: string;
  /** Branch tip before sync, when the branch existed. */
  previous?: string;
  /** New branch tip (absent when unchanged; in a dry run, the commit that would be made is not written). */
  commit?: string;
  /** Statement changes since the previous sync (or since the contracts committed at HEAD). */
  statementChanges: StatementChange[];
  /** Generated files created, updated or removed relative to HEAD. */
  fileChanges: PlannedChange[];
  /** Generated files added, changed and removed by this commit relative to the previous branch tip (relative to HEAD on a first sync). */
  branchChanges: { added: string[]; changed: string[]; removed: string[] };
  message?: string;
  /** Statement files with uncommitted changes: sync reads HEAD, so these edits are not in the branch. */
  uncommittedStatements: string[];
  diagnostics: Diagnostic[];
}

/** Why sync refused to run; the message says what to do. */
export class SyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncError";
  }
}

/**
 * `penult sync`: regenerates the contracts from the statements committed at HEAD and commits
 * them onto `penult/contracts` (HEAD's tree + the regenerated contracts, parent HEAD), the way the
 * GitHub App does on push. It never touches the current branch, the index, HEAD or the working
 * tree: objects are written with plumbing through a private index file (GIT_INDEX_FILE), and
 * only the contracts branch ref moves (compare-and-swap). Nothing changed -> no commit.
 */
export async function syncContracts(options: SyncContractsOptions): Promise<SyncContractsResult> {
  const progress = options.progress ?? (() => {});
  const git = (args: string[], extra: { env?: Record<string, string>; input?: string; okCodes?: number[] } = {}) =>
    runGit(args, { cwd: options.cwd, ...extra });

  let top: string;
  try {
    top = (await git(["rev-parse", "--show-toplevel"])).stdout.trim();
  } catch {
    throw new SyncError(`${options.cwd} is not inside a git repository: run \`git init\` and commit your statements first`);
  }
  const run = (args: string[], extra: { env?: Record<string, string>; input?: string; okCodes?: number[] } = {}) =>
    runGit(args, { cwd: top, ...extra });
  const head = (await run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { okCodes: [1] })).stdout.trim();
  if (!head) throw new SyncError("the repository has no commits yet: commit your statements, then run `npx penult sync`");

  const reader = await openGitRevision({ repoDir: top, rev: head });
  const readText = (paths: readonly string[]) => readTextFiles(reader, paths);

  // The config, statements and templates all come from HEAD: the branch must match what is committed.
  const configText = await readConfigText(reader);
  const parsed = configText === undefined ? { config: resolveDefaults(), diagnostics: [] } : parseConfig(configText);
  if (parsed.diagnostics.some((d) => d.severity === "error")) {
    throw Object.assign(new SyncError(`${configText?.file ?? CONFIG_PATH} at HEAD is invalid:\n${parsed.diagnostics.map((d) => `  ${d.file}:${d.line ?? 1}: ${d.message}`).join("\n")}`), {
      diagnostics: parsed.diagnostics,
    });
  }
  const config = parsed.config.system || !options.defaultSystem ? parsed.config : { ...parsed.config, system: options.defaultSystem };
  const branch = options.branch ?? config.branch;
  const ref = `refs/heads/${branch}`;
  await run(["check-ref-format", ref]).catch(() => {
    throw new SyncError(`"${branch}" is not a valid branch name; fix \`branch\` in ${CONFIG_PATH}`);
  });
  const current = (await run(["symbolic-ref", "--quiet", "HEAD"], { okCodes: [1] })).stdout.trim();
  if (current === ref) throw new SyncError(`you are on ${branch}, the branch sync writes; switch to your own branch (e.g. git switch main) and run sync again`);

  progress(`compiling the statements at ${head.slice(0, 7)}`);
  const compiled = await (options.compile ?? compileTree)({ tree: reader, config });

  // Plan against HEAD's tree, exactly as `generate` plans against the disk.
  const { plan, existing } = await planOutputOnTree({ tree: reader, files: compiled.files, manifest: manifestPath(config) });
  const fileChanges = plan.changes.filter((c) => c.action === "create" || c.action === "update" || c.action === "remove");

  const previous = (await run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { okCodes: [1] })).stdout.trim() || undefined;
  if (previous) {
    const body = (await run(["log", "-1", "--format=%B", previous])).stdout;
    if (!body.includes(SYNC_TRAILER)) {
      throw new SyncError(
        `${branch} has a commit penult did not make (${previous.slice(0, 7)}: "${body.split("\n")[0]}"); ` +
          `sync will not overwrite it. Merge that work into your branch or move it elsewhere, then delete ${branch} (git branch -D ${branch}) and run sync again`,
      );
    }
  }

  progress(`writing ${fileChanges.length} changed files to a private index`);
  const tree = await buildTree({ top, head, changes: fileChanges, run });
  // "Nothing changed" means the contracts: HEAD already holds them, or the branch already proposes
  // exactly these (an unrelated commit on HEAD does not make a new contracts commit).
  const outputTree = async (commitish: string) =>
    (await run(["rev-parse", "--verify", "--quiet", `${commitish}:${config.output === "." ? "" : config.output}`], { okCodes: [1, 128] })).stdout.trim();
  const upToDate = fileChanges.length === 0 || (previous !== undefined && (await outputTree(previous)) === (await outputTree(tree)));

  // Statements changed since what the branch (or, before the first sync, HEAD) already reflects.
  const model = modelPath(config);
  const oldModel = previous ? await readBlob({ run, spec: `${previous}:${model}` }) : existing.get(model);
  const newModel = compiled.files.find((f) => f.path === model)?.content;
  const statementChanges = diffStatements({ previous: statementsOf(oldModel), current: statementsOf(newModel) }).changes;

  // diff-index compares HEAD with the working tree without writing the index (git status would refresh it).
  const uncommitted = (
    await run(["diff-index", "--name-only", "-z", "HEAD", "--", ...config.statements.map((g) => `:(glob)${g}`)], { env: { GIT_OPTIONAL_LOCKS: "0" } })
  ).stdout
    .split("\0")
    .filter(Boolean);
  const diagnostics = sortDiagnostics([...compiled.readDiagnostics, ...compiled.diagnostics, ...plan.diagnostics]);
  const result: SyncContractsResult = {
    status: "unchanged",
    branch,
    base: head,
    ...(previous ? { previous } : {}),
    statementChanges,
    fileChanges,
    branchChanges: { added: [], changed: [], removed: [] },
    uncommittedStatements: uncommitted,
    diagnostics,
  };
  if (upToDate) return result;

  const subject = (await run(["log", "-1", "--format=%s", head])).stdout.trim();
  result.branchChanges = await diffTrees({ run, from: previous ?? head, to: tree, folder: config.output });
  const message = renderSyncMessage({ head, subject, statementChanges, branchChanges: result.branchChanges, since: previous ? "the previous contracts commit" : "HEAD" });
  result.message = message;
  result.status = previous ? "updated" : "created";
  if (options.dryRun) return result;
  const commit = (await run(["commit-tree", tree, "-p", head, "-F", "-"], { input: message, env: BOT_IDENTITY })).stdout.trim();
  // Compare-and-swap: a concurrent sync or push to the branch makes this fail instead of clobbering it.
  await run(["update-ref", "-m", "penult sync", ref, commit, previous ?? "0".repeat(head.length)]);
  result.commit = commit;
  return result;
}

/** HEAD's tree with the planned changes applied, written through a private index file. */
async function buildTree(options: {
  top: string;
  head: string;
  changes: readonly PlannedChange[];
  run: (args: string[], extra?: { env?: Record<string, string>; input?: string }) => Promise<{ stdout: string }>;
}): Promise<string> {
  const tmp = mkdtempSync(join(tmpdir(), "penult-sync-"));
  try {
    const env = { GIT_INDEX_FILE: join(tmp, "index") };
    await options.run(["read-tree", options.head], { env });
    const writes = options.changes.filter((c) => c.content !== undefined && c.action !== "remove");
    let shas: string[] = [];
    if (writes.length) {
      // One git process hashes every blob: 10k files cost one spawn, not 10k.
      const paths = writes.map((c, i) => {
        const p = join(tmp, `blob-${i}`);
        writeFileSync(p, c.content as string);
        return p;
      });
      shas = (await options.run(["hash-object", "-w", "--no-filters", "--stdin-paths"], { input: paths.join("\n") + "\n" })).stdout.trim().split("\n");
    }
    const zero = "0".repeat(options.head.length);
    const entries = [
      ...writes.map((c, i) => `100644 ${shas[i]}\t${c.path}\0`),
      ...options.changes.filter((c) => c.action === "remove").map((c) => `0 ${zero}\t${c.path}\0`),
    ];
    if (entries.length) await options.run(["update-index", "-z", "--index-info"], { env, input: entries.join("") });
    return (await options.run(["write-tree"], { env })).stdout.trim();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Files added, changed and removed under `folder` between two trees (commits or tree ids). */
async function diffTrees(options: {
  run: (args: string[]) => Promise<{ stdout: string }>;
  from: string;
  to: string;
  folder: string;
}): Promise<{ added: string[]; changed: string[]; removed: string[] }> {
  const out = { added: [] as string[], changed: [] as string[], removed: [] as string[] };
  const pathspec = options.folder === "." ? [] : ["--", options.folder];
  const raw = (await options.run(["diff-tree", "-r", "-z", "--no-renames", "--name-status", options.from, options.to, ...pathspec])).stdout;
  const parts = raw.split("\0").filter((p) => p !== "");
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const status = parts[i];
    const path = parts[i + 1] as string;
    if (status === "A") out.added.push(path);
    else if (status === "D") out.removed.push(path);
    else out.changed.push(path);
  }
  return out;
}

async function readBlob(options: { run: (args: string[], extra?: { okCodes?: number[] }) => Promise<{ stdout: string; code?: number }>; spec: string }): Promise<string | undefined> {
  try {
    return (await options.run(["cat-file", "blob", options.spec])).stdout;
  } catch (err) {
    if (err instanceof GitError) return undefined;
    throw err;
  }
}


/** The statement rows of a model.json (one per statement), or none when it is absent or unreadable. */
function statementsOf(modelJson: string | undefined): StatementInput[] {
  const rows = safeJson<{ statements?: unknown }>(modelJson)?.statements;
  if (!Array.isArray(rows)) return [];
  return rows.filter((r): r is StatementInput => !!r && typeof r === "object" && typeof (r as StatementInput).id === "string" && typeof (r as StatementInput).text === "string" && typeof (r as StatementInput).file === "string");
}

const MAX_LISTED = 50;

/** The commit message: what changed in the statements, then the trailers sync relies on. */
export function renderSyncMessage(options: {
  head: string;
  subject: string;
  statementChanges: readonly StatementChange[];
  branchChanges: { added: readonly string[]; changed: readonly string[]; removed: readonly string[] };
  /** What the file counts are relative to: "HEAD" or "the previous contracts commit". */
  since: string;
}): string {
  const n = options.statementChanges.length;
  const { added, changed, removed } = options.branchChanges;
  const files = added.length + changed.length + removed.length;
  const lines = [
    n > 0
      ? `penult: contracts for ${n} changed statement${n === 1 ? "" : "s"}`
      : `penult: regenerate contracts (${files} file${files === 1 ? "" : "s"})`,
    "",
    `Regenerated from the statements at ${options.head.slice(0, 7)} (${options.subject}).`,
  ];
  if (n > 0) {
    lines.push("", "Changed statements:");
    for (const c of options.statementChanges.slice(0, MAX_LISTED)) {
      const side = c.current ?? c.previous;
      const where = side ? `${side.file}:${side.line}` : c.id;
      lines.push(`- ${c.kind} ${where} [${c.id}] ${quote(side?.text ?? "")}`);
      if (c.kind === "edited" && c.previous && c.current && c.previous.text !== c.current.text) lines.push(`    was: ${quote(c.previous.text)}`);
    }
    if (n > MAX_LISTED) lines.push(`- ... and ${n - MAX_LISTED} more`);
  }
  lines.push("", `Contract files since ${options.since}: ${added.length} added, ${changed.length} changed, ${removed.length} removed.`);
  lines.push("", SYNC_TRAILER, `Penult-Base: ${options.head}`);
  return lines.join("\n") + "\n";
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `"${flat.length > 100 ? flat.slice(0, 97) + "..." : flat}"`;
}
