import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { readAppSettings, type AppSettings } from "./app-settings.js";
import { onIssueComment } from "./handlers/issue-comment.js";
import { onPullRequest } from "./handlers/pull-request.js";
import { onPush } from "./handlers/push.js";
import type { JobQueue } from "./queue/job-queue.js";
import { createOpsRoutes } from "./queue/ops-routes.js";
import { createQueueFromEnv } from "./queue/queue-from-env.js";

/**
 * The penult GitHub App: routing only. Each handler is guard clauses plus one queued job; every
 * decision about statements and contracts is made in lib/, and the jobs run in app/jobs.
 */
export default async function penultApp(app: Probot, options?: Partial<ApplicationFunctionOptions>): Promise<void> {
  const settings = readAppSettings();
  const queue = await createQueueFromEnv(process.env, settings);
  // A deploy stops the process with SIGTERM: finish (local mode) or hand back (Redis mode) what runs.
  process.once("SIGTERM", () => void queue.close().finally(() => process.exit(0)));
  await createPenultApp({ queue, settings })(app, { cwd: process.cwd(), addHandler: () => undefined, ...options });
}

/**
 * The app function around a given queue, which a host (or a test) can wait on, and the App's
 * settings (limits, LLM policy, command rate), read from the environment unless given.
 */
export function createPenultApp(options: { queue: JobQueue; settings?: AppSettings }): ApplicationFunction {
  const { queue } = options;
  const settings = options.settings ?? readAppSettings();
  return (app, { addHandler }) => {
    queue.start(app);
    try {
      addHandler(createOpsRoutes({ queue, role: "webhooks", metricsToken: process.env.METRICS_TOKEN }));
    } catch {
      // No HTTP server (`probot receive`, an Action): nothing to serve health or metrics on.
    }
    app.on("push", (context) => onPush(context, queue));
    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], (context) => onPullRequest(context, queue));
    app.on("issue_comment.created", (context) => onIssueComment(context, queue, settings.commandLimiter));
  };
}
