import type { Context } from "probot";
import { parseCommand } from "../../lib/jobs/parse-command.js";
import type { CommandLimiter } from "../command-limiter.js";
import type { JobQueue } from "../queue/job-queue.js";
import { jobTarget } from "./job-target.js";

/** issue_comment: `/implement Foo`, `/penult explain Foo`, `/penult regenerate` -> a command job (which checks write access). */
export async function onIssueComment(context: Context<"issue_comment.created">, queue: JobQueue, limiter: CommandLimiter): Promise<void> {
  const { payload } = context;
  const command = parseCommand(payload.comment.body ?? "");
  if (!command) return;
  const user = payload.comment.user;
  // Bots (penult included: its help text quotes commands) never run commands, and get no answer: no loops.
  if (context.isBot || !user || user.type === "Bot") return;
  const target = jobTarget(context);
  if (!target) return;
  // A flood of commands gets a few answers, then silence (write access or not).
  if (!limiter.allow(`${target.owner}/${target.repo}\u0000${user.login.toLowerCase()}`)) {
    context.log.info({ deliveryId: context.id }, `command from ${user.login} in ${target.owner}/${target.repo} ignored: over the rate limit`);
    queue.metrics.webhooks.inc({ event: "issue_comment", result: "ignored" });
    return;
  }
  const queued = await queue.add({
    kind: "command",
    ...target,
    command,
    number: payload.issue.number,
    user: user.login,
    isPullRequest: Boolean(payload.issue.pull_request),
    defaultBranch: payload.repository.default_branch,
  });
  queue.metrics.webhooks.inc({ event: "issue_comment", result: queued ? "queued" : "duplicate" });
}
