import type { Logger, ProbotOctokit } from "probot";
import type { AppSettings } from "../app-settings.js";
import { RepoClient } from "../github/repo-client.js";
import { describeFailure, failCheckRun, logFailure } from "../handlers/fail.js";
import { runCommentCommand } from "../jobs/command-job.js";
import { runContractsJob } from "../jobs/contracts-job.js";
import { runPullRequestJob } from "../jobs/pull-request-job.js";
import { choosePush } from "./choose-push.js";
import { repoKey, type JobTarget, type PenultJob } from "./penult-job.js";
import type { PushStore } from "./push-store.js";
import { LockLost } from "./repo-lock.js";
import { retryDelay, type RetryOptions } from "./retry-policy.js";

/** What a job needs from the process it runs in. */
export interface JobEnv {
  /** An Octokit authenticated as the installation (Probot's `auth`). */
  octokit(installationId: number): Promise<ProbotOctokit>;
  /** The job's logger, already carrying its delivery id, repository and job id. */
  log: Logger;
  store: PushStore;
  retry?: RetryOptions;
  /** The App's limits and LLM policy, from the environment of the process that runs the job. */
  settings: AppSettings;
}

/** Which attempt this is; on the last one a failure is reported instead of retried. */
export interface Attempt {
  number: number;
  last: boolean;
}

/** Thrown for a transient failure (GitHub 5xx, rate limit): run the job again after `delayMs`. */
export class RetryLater extends Error {
  constructor(
    readonly delayMs: number,
    readonly reason: unknown,
  ) {
    super(`retry in ${delayMs} ms: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** Thrown after a failure was reported to GitHub (check run or comment): do not retry. */
export class JobFailed extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * Runs one job, the same way in one process and on a worker: the job functions of app/jobs do the
 * work; this adds what queueing needs. Pushes coalesce: a push job regenerates once, from the newest
 * push waiting for its repository. A transient failure becomes `RetryLater` (the push stays waiting);
 * any other failure, or the last attempt's, ends in a failed check run (or an answer to the command)
 * and `JobFailed`. Returns what happened, for logs and metrics.
 */
export async function runPenultJob(job: PenultJob, env: JobEnv, attempt: Attempt): Promise<string> {
  let client: RepoClient | undefined;
  let report: ((err: unknown) => Promise<void>) | undefined;
  let finishPushes: (() => Promise<void>) | undefined;
  try {
    if (job.kind === "push") {
      const key = repoKey(job);
      const pending = await env.store.pending(key);
      if (pending.length === 0) return "coalesced";
      client = await clientFor(job, env);
      const settled = await env.store.settled(key, pending.map((p) => p.after));
      let choice = choosePush({ pending, settled });
      // Pushes no chain links (a webhook lost or still on its way): the branch head says which is newest.
      if (choice.heads.length > 1) choice = choosePush({ pending, settled, head: await client.branchHead(choice.heads[0]!.defaultBranch) });
      const newest = choice.newest;
      finishPushes = () => env.store.finish(key, choice.covered, { remember: false });
      if (!newest) {
        await env.store.finish(key, choice.covered, { remember: true });
        env.log.info({ pushes: pending.length }, "every waiting push is older than what penult already handled");
        return "stale";
      }
      const c = client;
      report = (err) => failCheckRun({ client: c, sha: newest.after, err, log: env.log, delivery: newest.deliveryId });
      const result = await runContractsJob({
        client,
        sha: newest.after,
        ...(newest.treeSha ? { treeSha: newest.treeSha } : {}),
        subject: newest.subject,
        defaultBranch: newest.defaultBranch,
        settings: env.settings,
        account: String(job.installationId),
        ...(newest.forced ? {} : { skipOlder: { before: newest.before } }),
      });
      await env.store.finish(key, choice.covered, { remember: result.status !== "invalid-config" });
      env.log.info({ sha: newest.after, pushes: pending.length, status: result.status }, `penult ${key}@${newest.after.slice(0, 7)}: ${result.status} (${result.message})`);
      return result.status;
    }
    client = await clientFor(job, env);
    const c = client;
    if (job.kind === "pull_request") {
      report = (err) => failCheckRun({ client: c, sha: job.headSha, err, log: env.log, delivery: job.deliveryId });
      const result = await runPullRequestJob({ client, number: job.number, headSha: job.headSha, settings: env.settings, ...(job.forkBaseSha ? { forkBaseSha: job.forkBaseSha } : {}) });
      return result.findings.some((f) => f.severity === "error") ? "findings" : "checked";
    }
    report = async (err) => {
      logFailure(env.log, err, job.deliveryId, `penult command ${job.command.name} in ${repoKey(job)}#${job.number}`);
      await c.comment(job.number, `penult could not run \`${job.command.name}\`. ${describeFailure(err, job.deliveryId).text}`);
    };
    await runCommentCommand({
      client,
      command: job.command,
      number: job.number,
      defaultBranch: job.defaultBranch,
      user: job.user,
      isPullRequest: job.isPullRequest,
      repoFullName: repoKey(job),
      settings: env.settings,
      account: String(job.installationId),
    });
    return "answered";
  } catch (err) {
    // Another worker owns the job now: it reports, not this one.
    if (err instanceof LockLost) throw err;
    const delay = retryDelay(err, attempt.number, env.retry);
    if (delay !== undefined && !attempt.last) {
      env.log.warn({ err, attempt: attempt.number, delayMs: delay }, "transient failure; the job will run again");
      throw new RetryLater(delay, err);
    }
    try {
      if (report) await report(err);
      else env.log.error({ err }, "penult job failed before it could report");
    } finally {
      await finishPushes?.();
    }
    throw new JobFailed(err);
  }
}

async function clientFor(job: JobTarget, env: JobEnv): Promise<RepoClient> {
  return new RepoClient(await env.octokit(job.installationId), job.owner, job.repo);
}
