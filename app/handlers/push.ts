import type { Context } from "probot";
import type { AppSettings } from "../app-settings.js";
import { RepoClient } from "../github/repo-client.js";
import { runContractsJob } from "../jobs/contracts-job.js";
import type { WorkQueue } from "../work-queue.js";
import { failCheckRun } from "./fail.js";

/** A file a push may touch that can change the contracts: statements, config, templates, contracts. */
const RELEVANT = /\.(md|markdown|txt|ya?ml|mustache|json)$|^\.penult\//i;

/** push: the default branch changed -> regenerate the contracts PR. */
export async function onPush(context: Context<"push">, queue: WorkQueue, settings: AppSettings): Promise<void> {
  const { payload } = context;
  const branch = payload.repository.default_branch;
  if (payload.deleted || payload.ref !== `refs/heads/${branch}` || !payload.after || /^0+$/.test(payload.after)) return;
  // GitHub lists at most 20 commits in the payload; only a complete list may rule the push out.
  const commits = payload.commits ?? [];
  const complete = commits.length > 0 && commits.length < 20;
  if (complete && !commits.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].some((p) => RELEVANT.test(p)))) {
    context.log.debug(`push ${payload.after.slice(0, 7)} touches no statements; skipped`);
    return;
  }
  if (!queue.firstDelivery(context.id)) return;
  const { owner, repo } = context.repo();
  const client = new RepoClient(context.octokit, owner, repo);
  await queue.run(`${owner}/${repo}`, async () => {
    try {
      const result = await runContractsJob({
        client,
        sha: payload.after,
        ...(payload.head_commit?.tree_id ? { treeSha: payload.head_commit.tree_id } : {}),
        subject: (payload.head_commit?.message ?? "").split("\n")[0] ?? "",
        defaultBranch: branch,
        settings,
        account: String(payload.installation?.id ?? `${owner}/${repo}`),
      });
      context.log.info(`penult ${owner}/${repo}@${payload.after.slice(0, 7)}: ${result.status} (${result.message})`);
    } catch (err) {
      await failCheckRun({ client, sha: payload.after, err, log: context.log, delivery: context.id });
    }
  });
}
