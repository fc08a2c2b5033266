import type { Context } from "probot";
import type { JobQueue } from "../queue/job-queue.js";
import { jobTarget } from "./job-target.js";

/** pull_request opened/synchronize/reopened by a person: queue `penult check` as a check run, plus an impact preview. */
export async function onPullRequest(context: Context<"pull_request">, queue: JobQueue): Promise<void> {
  const pr = context.payload.pull_request;
  if (context.isBot || pr.user?.type === "Bot" || pr.head.ref.startsWith("penult/")) return;
  const target = jobTarget(context);
  if (!target) return;
  // A fork (or a deleted one) is someone else's code: its templates are never rendered.
  const fork = !pr.head.repo || pr.head.repo.full_name !== context.payload.repository.full_name;
  const queued = await queue.add({ kind: "pull_request", ...target, number: pr.number, headSha: pr.head.sha, ...(fork ? { forkBaseSha: pr.base.sha } : {}) });
  queue.metrics.webhooks.inc({ event: "pull_request", result: queued ? "queued" : "duplicate" });
}
