import type { Context } from "probot";
import type { JobQueue } from "../queue/job-queue.js";
import { jobTarget } from "./job-target.js";

/** A file a push may touch that can change the contracts: statements, config, templates, contracts. */
const RELEVANT = /\.(md|markdown|txt|ya?ml|mustache|json)$|^\.penult\//i;

type PushedCommit = { added?: string[]; modified?: string[]; removed?: string[] };

/**
 * False only when the push's commits certainly touch nothing that can change the contracts. GitHub
 * lists at most 20 commits in the payload; only a complete list may rule the push out. Shared by
 * the App and the Action.
 */
export function pushMayChangeContracts(commits: readonly PushedCommit[] | undefined): boolean {
  const list = commits ?? [];
  const complete = list.length > 0 && list.length < 20;
  return !complete || list.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].some((p) => RELEVANT.test(p)));
}

/** push: the default branch changed -> queue a regeneration of the contracts PR. */
export async function onPush(context: Context<"push">, queue: JobQueue): Promise<void> {
  const { payload } = context;
  const branch = payload.repository.default_branch;
  if (payload.deleted || payload.ref !== `refs/heads/${branch}` || !payload.after || /^0+$/.test(payload.after)) return;
  if (!pushMayChangeContracts(payload.commits)) {
    context.log.debug(`push ${payload.after.slice(0, 7)} touches no statements; skipped`);
    queue.metrics.webhooks.inc({ event: "push", result: "ignored" });
    return;
  }
  const target = jobTarget(context);
  if (!target) return;
  const pushedAt = typeof payload.repository.pushed_at === "number" ? payload.repository.pushed_at * 1000 : Date.parse(String(payload.repository.pushed_at ?? ""));
  const queued = await queue.push(target, {
    after: payload.after,
    before: payload.before,
    ...(payload.head_commit?.tree_id ? { treeSha: payload.head_commit.tree_id } : {}),
    subject: (payload.head_commit?.message ?? "").split("\n")[0] ?? "",
    defaultBranch: branch,
    forced: payload.forced === true,
    pushedAt: Number.isFinite(pushedAt) ? pushedAt : Date.now(),
    receivedAt: Date.now(),
    deliveryId: context.id,
  });
  queue.metrics.webhooks.inc({ event: "push", result: queued ? "queued" : "duplicate" });
  context.log.info({ deliveryId: context.id, repo: `${target.owner}/${target.repo}`, sha: payload.after }, queued ? "push queued" : "push redelivered; nothing queued");
}
