import type { Context } from "probot";
import { parseCommand } from "../../lib/jobs/parse-command.js";
import type { JobQueue } from "../queue/job-queue.js";
import { jobTarget } from "./job-target.js";

/** issue_comment: `/implement Foo`, `/penult explain Foo`, `/penult regenerate` -> a command job (which checks write access). */
export async function onIssueComment(context: Context<"issue_comment.created">, queue: JobQueue): Promise<void> {
  const { payload } = context;
  const command = parseCommand(payload.comment.body ?? "");
  if (!command) return;
  const user = payload.comment.user;
  // Bots (penult included: its help text quotes commands) never run commands, and get no answer: no loops.
  if (context.isBot || !user || user.type === "Bot") return;
  const target = jobTarget(context);
  if (!target) return;
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
