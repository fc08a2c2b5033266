import { CONFIG_PATH } from "../../lib/config/load-config.js";
import { formatLocation, type Diagnostic } from "../../lib/diagnostics.js";
import { matchGlobs } from "../../lib/git/match-globs.js";
import { renderPullRequestBody, SOURCE_TRAILER } from "../../lib/jobs/plan-contracts-update.js";
import { modelPath } from "../../lib/pipeline/index.js";
import { llmCachePath } from "../../lib/llm/llm-from-env.js";
import { fitBody, GITHUB_BODY_LIMIT } from "../../lib/report/fit-body.js";
import type { AppSettings } from "../app-settings.js";
import { keepForPenult, type CommitInfo, type PullInfo, type RepoClient } from "../github/repo-client.js";
import { llmForJob } from "../llm-from-env.js";
import { loadRepoConfig } from "./load-repo-config.js";
import { planWithBudget } from "./plan-with-budget.js";

/** Hidden state the app keeps in the PR body: the branch head it wrote and the commit it came from. */
const STATE_RE = /<!-- penult:state head=([0-9a-f]{40}) source=([0-9a-f]{40}) -->/;
const BLOCKED_MARKER = "<!-- penult:blocked -->";
export const PR_LABEL = "penult";

/**
 * Changes with more text than this (bytes) reuse the blobs of the open contracts branch: below it,
 * sending the text costs less than one more request (and a push stays at 8 API calls).
 */
export const REUSE_BLOBS_ABOVE = 1024 * 1024;

export type ContractsJobStatus = "opened" | "updated" | "unchanged" | "closed" | "duplicate" | "stale" | "blocked" | "invalid-config";

export interface ContractsJobInput {
  client: RepoClient;
  /** The default-branch commit to generate from. */
  sha: string;
  /** Its tree SHA, when the event carries it (saves a request). */
  treeSha?: string;
  subject?: string;
  defaultBranch: string;
  /** The App's limits and LLM policy (from its environment). */
  settings: AppSettings;
  /** Whose LLM budget the job spends: the installation id. */
  account: string;
  /**
   * Overwrite the contracts branch even when a person pushed to it (`/penult regenerate --force`);
   * only ever for a branch under `penult/`.
   */
  force?: boolean;
  /**
   * A push (not forced): skip it when its commit is older than the one the PR already shows, as
   * when GitHub delivers pushes out of order. `before` is the head the push replaced: when the PR
   * shows that one, the push is newer and no question needs asking.
   */
  skipOlder?: { before: string };
}

export interface ContractsJobResult {
  status: ContractsJobStatus;
  pull?: PullInfo;
  commit?: string;
  message: string;
}

/**
 * The push job: regenerate the contracts of `sha`, write them as one commit on the contracts
 * branch, open or update the one PR (body = impact report), comment per contract file, and post
 * the `penult` check run. Idempotent: a redelivered or repeated event finds its own state in the
 * PR body and writes nothing. Never force-pushes over a person's commit on the contracts branch.
 */
export async function runContractsJob(input: ContractsJobInput): Promise<ContractsJobResult> {
  const { client, sha, settings } = input;
  const archive = await client.downloadArchive(sha, settings.limits);
  const loaded = await loadRepoConfig({ archive, owner: client.owner, readSharedConfig: () => client.readSharedConfig(), repoName: client.repo });
  if (!loaded.config) {
    await client.checkRun({
      headSha: sha,
      conclusion: "failure",
      title: `${loaded.file ?? CONFIG_PATH} is invalid`,
      summary: `penult did not run because its config is invalid. Fix these and push again:\n\n${formatList(loaded.diagnostics)}`,
      findings: loaded.diagnostics,
    });
    return { status: "invalid-config", message: "invalid config" };
  }
  const config = loaded.config;
  // A config may name any branch; penult force-resets only its own, whoever asks.
  if (input.force && !isPenultBranch(config.branch)) {
    return { status: "blocked", message: `\`--force\` only resets branches under penult/, and \`branch: ${config.branch}\` is not one; nothing was changed` };
  }
  const tree = await archive.read(keepForPenult({ statements: matchGlobs(config.statements), output: config.output, templates: config.templates }));
  let pull = await client.findOpenPull(config.branch);
  const state = pull ? STATE_RE.exec(pull.body) : null;
  if (pull && state && state[2] === sha && state[1] === pull.headSha && !input.force) {
    // Same commit again (a redelivery, or two events for one push): the work is done.
    return { status: "duplicate", pull, message: `contracts for ${sha.slice(0, 7)} are already on ${config.branch}` };
  }
  if (pull && state && input.skipOlder && !input.force && state[2] !== sha && state[2] !== input.skipOlder.before && (await client.isAncestor(sha, state[2]!))) {
    return { status: "stale", pull, message: `${sha.slice(0, 7)} is older than ${state[2]!.slice(0, 7)}, which #${pull.number} already shows` };
  }
  const llm = llmForJob({ config, settings, account: input.account });
  // Answers cached on the open contracts branch are not on the default branch until it is merged.
  const branchCache = llm.ask && pull ? await client.readFileAt(pull.headSha, llmCachePath(llm.config)) : undefined;
  // The open PR's model is what the previous push generated: the report says what this push changed on top of it.
  // Only when the head is penult's own and from another commit (else the job stops below).
  const previousModel = pull && state && state[1] === pull.headSha && state[2] !== sha ? await client.readFileAt(pull.headSha, modelPath(config)) : undefined;
  const { plan } = await planWithBudget({
    tree,
    label: `${client.owner}/${client.repo}@${sha.slice(0, 12)}`,
    sha,
    llm,
    settings,
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    ...(branchCache !== undefined ? { extraCacheText: branchCache } : {}),
    ...(previousModel !== undefined && state ? { previousPush: { modelJson: previousModel, label: `${state[2]!.slice(0, 7)} (the previous push)` } } : {}),
  });
  const branch = config.branch;
  const errors = plan.findings.filter((d) => d.severity === "error").length;
  const postCheck = (extra: string) =>
    client.checkRun({
      headSha: sha,
      conclusion: errors ? "failure" : "success",
      title: `${plan.statementCount} statements, ${plan.findings.length} findings`,
      summary: `${plan.report.summary.text}\n\n${extra}${plan.diagnostics.length ? `\n\nWhile reading the repository:\n${formatList(plan.diagnostics)}` : ""}`,
      findings: plan.findings,
    });

  if (plan.statementCount === 0 && !plan.report.summary.statements.removed) {
    // Nothing to compile and nothing that was there before: say so, open no PR.
    await client.checkRun({
      headSha: sha,
      conclusion: "neutral",
      title: "No statements found",
      summary: `penult found no statement files matching ${config.statements.map((g) => `\`${g}\``).join(", ")} in ${sha.slice(0, 7)}. Add some (see \`npx penult init\`) or set \`statements:\` in ${CONFIG_PATH}.${plan.diagnostics.length ? `\n\n${formatList(plan.diagnostics)}` : ""}`,
      findings: plan.diagnostics,
    });
    return { status: "unchanged", message: "no statements" };
  }

  // A run that moved the branch and then failed (a 502, a crash) before updating the PR left the
  // marker behind; the head is then penult's own commit, and moving it loses nobody's work.
  if (pull && (!state || state[1] !== pull.headSha) && !input.force && !writtenByPenult(await client.commitInfo(pull.headSha))) {
    await client.upsertComment(
      pull.number,
      BLOCKED_MARKER,
      `penult did not update this pull request: \`${branch}\` has commits penult did not write (head ${pull.headSha.slice(0, 7)}), ` +
        `and it never force-pushes over someone's work.\n\nThe statements at ${sha.slice(0, 7)} would change it like this: ${plan.report.summary.text}\n\n` +
        `To let penult regenerate the branch (your commits on it will be replaced), comment \`/penult regenerate --force\`.`,
    );
    await postCheck(`Not applied: ${branch} was changed by a person (see #${pull.number}).`);
    return { status: "blocked", pull, message: `${branch} has commits penult did not write` };
  }

  if (plan.upToDate) {
    if (pull) {
      await client.updatePull(pull.number, { state: "closed" });
      await client.comment(pull.number, `The default branch already holds these contracts (as of ${sha.slice(0, 7)}); closing.`);
    }
    await postCheck("The contracts in the repository match the statements.");
    return { status: pull ? "closed" : "unchanged", ...(pull ? { pull } : {}), message: "contracts are up to date" };
  }

  const baseTree = input.treeSha ?? (await treeOf(client, sha));
  // Until the contracts PR is merged, every push plans all contract files against the default
  // branch. When that is more than a little text, the files the open branch already holds are
  // named by their blob SHA (one listing request) instead of being sent again.
  const inline = plan.changes.reduce((n, c) => n + (c.content?.length ?? 0), 0);
  const known = pull && inline > REUSE_BLOBS_ABOVE ? await client.listBlobs(pull.headSha) : undefined;
  const commit = await client.commitChanges({ parent: sha, baseTree, changes: plan.changes, message: plan.commitMessage, ...(known ? { known } : {}) });
  if (pull) {
    // Safe to force: the head is the commit penult wrote last (checked above), or --force was asked.
    await client.moveBranch(branch, commit, true);
  } else if (!(await client.createBranch(branch, commit))) {
    const head = await client.branchHead(branch);
    const ours = head ? writtenByPenult(await client.commitInfo(head)) : true;
    if (!ours && !input.force) {
      await postCheck(`Not applied: the branch ${branch} exists with commits penult did not write; delete it or rename \`branch\` in ${CONFIG_PATH}.`);
      return { status: "blocked", message: `${branch} exists and is not penult's` };
    }
    await client.moveBranch(branch, commit, true);
  }
  const marker = `<!-- penult:state head=${commit} source=${sha} -->`;
  // The full report is a file of the commit just written: a link pinned to it survives the branch.
  const fullReport = `[The full report](${client.blobUrl(commit, plan.reportFile.path)}) lists every element and explains every contract file.`;
  const body = `${fitBody(renderPullRequestBody(plan, { fullReport, limit: GITHUB_BODY_LIMIT - marker.length - 2 }), { limit: GITHUB_BODY_LIMIT - marker.length - 2 })}\n${marker}\n`;
  let status: ContractsJobStatus = "updated";
  if (pull) {
    await client.updatePull(pull.number, { title: plan.title, body });
  } else {
    pull = await client.createPull({ title: plan.title, body, head: branch, base: input.defaultBranch });
    await client.addLabels(pull.number, [PR_LABEL]);
    status = "opened";
  }
  // Every push that changed statements or contract files gets a review naming them, comments or not.
  if (plan.fileNotes.length || (plan.report.push ?? plan.report).statements.length) {
    await client.review({
      number: pull.number,
      commitId: commit,
      body: plan.reviewBody,
      comments: plan.fileNotes.map((n) => ({ path: n.path, line: n.line, side: n.side, body: n.body })),
    });
  }
  await postCheck(`Contracts: #${pull.number}.`);
  return { status, pull, commit, message: plan.title };
}

/** Branches penult owns: the only ones `--force` may reset. */
export function isPenultBranch(branch: string): boolean {
  return branch.startsWith("penult/") && !branch.split("/").some((s) => s === "" || s === "." || s === "..");
}

/**
 * True for a commit penult wrote: its trailer names its only parent (penult commits sit directly on
 * the default-branch commit they come from), it was authored by an App (`name[bot]`), and nobody
 * re-committed it (an amend or cherry-pick by a person changes the committer).
 */
export function writtenByPenult(commit: CommitInfo): boolean {
  const source = new RegExp(`^${SOURCE_TRAILER}: ([0-9a-f]{40})\\s*$`, "m").exec(commit.message)?.[1];
  const { author, committer } = commit;
  if (!source || commit.parents.length !== 1 || commit.parents[0] !== source || !author?.name.endsWith("[bot]")) return false;
  return !committer || (committer.name === author.name && committer.email === author.email) || (committer.name === "GitHub" && committer.email === "noreply@github.com");
}

async function treeOf(client: RepoClient, sha: string): Promise<string> {
  return client.treeOfCommit(sha);
}

function formatList(list: readonly Diagnostic[]): string {
  return list
    .slice(0, 30)
    .map((d) => `- ${formatLocation(d) ? `\`${formatLocation(d)}\` ` : ""}${d.code}: ${d.message}`)
    .join("\n");
}
