import type { Context } from "probot";
import { parseCommand } from "../../lib/jobs/parse-command.js";
import type { AppSettings } from "../app-settings.js";
import { RepoClient } from "../github/repo-client.js";
import { runCommandJob } from "../jobs/command-job.js";
import type { WorkQueue } from "../work-queue.js";
import { describeFailure, logFailure } from "./fail.js";

const ALLOWED = new Set(["admin", "write", "maintain"]);

/** issue_comment: `/implement Foo`, `/penult explain Foo`, `/penult regenerate` from people with write access. */
export async function onIssueComment(context: Context<"issue_comment.created">, queue: WorkQueue, settings: AppSettings): Promise<void> {
  const { payload } = context;
  const command = parseCommand(payload.comment.body ?? "");
  if (!command) return;
  const user = payload.comment.user;
  // Bots (penult included: its help text quotes commands) never run commands, and get no answer: no loops.
  if (context.isBot || !user || user.type === "Bot") return;
  if (!queue.firstDelivery(context.id)) return;
  const { owner, repo } = context.repo();
  // A flood of commands gets a few answers, then silence (write access or not).
  if (!settings.commandLimiter.allow(`${owner}/${repo}\u0000${user.login.toLowerCase()}`)) {
    context.log.info({ delivery: context.id }, `command from ${user.login} in ${owner}/${repo} ignored: over the rate limit`);
    return;
  }
  const client = new RepoClient(context.octokit, owner, repo);
  const number = payload.issue.number;
  await queue.run(`${owner}/${repo}`, async () => {
    const permission = await client.permission(user.login);
    if (!ALLOWED.has(permission)) {
      await client.comment(number, `Sorry @${user.login}, penult runs commands only for people with write access to this repository. Nothing was changed.`);
      return;
    }
    if (payload.issue.pull_request) {
      const pr = await client.getPull(number);
      if (pr.head.repo && pr.head.repo.full_name !== payload.repository.full_name) {
        await client.comment(number, `Sorry @${user.login}, penult does not run commands on pull requests from forks. Nothing was changed.`);
        return;
      }
    }
    try {
      await runCommandJob({
        client,
        command,
        number,
        defaultBranch: payload.repository.default_branch,
        settings,
        account: String(payload.installation?.id ?? `${owner}/${repo}`),
      });
    } catch (err) {
      logFailure(context.log, err, context.id, `penult command ${command.name} in ${owner}/${repo}#${number}`);
      await client.comment(number, `penult could not run \`${command.name}\`. ${describeFailure(err, context.id).text}`);
    }
  });
}
