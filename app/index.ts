import type { Probot } from "probot";
import { readAppSettings, type AppSettings } from "./app-settings.js";
import { onIssueComment } from "./handlers/issue-comment.js";
import { onPullRequest } from "./handlers/pull-request.js";
import { onPush } from "./handlers/push.js";
import { WorkQueue } from "./work-queue.js";

/**
 * The penult GitHub App: routing only. Each handler is guard clauses plus one job; every decision
 * about statements and contracts is made in lib/.
 */
export default function penultApp(app: Probot): void {
  createPenultApp()(app);
}

/**
 * The app function with its own work queue, which a host (or a test) can wait on, and its
 * settings (limits, LLM policy), read from the environment unless given.
 */
export function createPenultApp(options: { queue?: WorkQueue; settings?: AppSettings } = {}): (app: Probot) => void {
  const queue = options.queue ?? new WorkQueue();
  const settings = options.settings ?? readAppSettings();
  return (app) => {
    app.on("push", (context) => onPush(context, queue, settings));
    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], (context) => onPullRequest(context, queue, settings));
    app.on("issue_comment.created", (context) => onIssueComment(context, queue, settings));
  };
}
