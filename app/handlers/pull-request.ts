import type { Context } from "probot";
import type { AppSettings } from "../app-settings.js";
import { RepoClient } from "../github/repo-client.js";
import { runPullRequestJob } from "../jobs/pull-request-job.js";
import type { WorkQueue } from "../work-queue.js";
import { failCheckRun } from "./fail.js";

/** pull_request opened/synchronize/reopened by a person: `penult check` as a check run, plus an impact preview. */
export async function onPullRequest(context: Context<"pull_request">, queue: WorkQueue, settings: AppSettings): Promise<void> {
  const { payload } = context;
  const pr = payload.pull_request;
  if (context.isBot || pr.user?.type === "Bot" || pr.head.ref.startsWith("penult/")) return;
  if (!queue.firstDelivery(context.id)) return;
  const { owner, repo } = context.repo();
  const client = new RepoClient(context.octokit, owner, repo);
  // A fork (or a deleted one) is someone else's code: its templates are never rendered.
  const fork = !pr.head.repo || pr.head.repo.full_name !== payload.repository.full_name;
  await queue.run(`${owner}/${repo}`, async () => {
    try {
      await runPullRequestJob({ client, number: pr.number, headSha: pr.head.sha, settings, ...(fork ? { forkBaseSha: pr.base.sha } : {}) });
    } catch (err) {
      await failCheckRun({ client, sha: pr.head.sha, err, log: context.log, delivery: context.id });
    }
  });
}
