import type { Context } from "probot";
import type { JobTarget } from "../queue/penult-job.js";

/** The repository and installation a webhook is about, as a job names them (undefined without an installation). */
export function jobTarget(context: Context<"push" | "pull_request" | "issue_comment.created">): JobTarget | undefined {
  const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
  if (!installationId) {
    context.log.warn({ deliveryId: context.id }, "webhook without an installation; ignored");
    return undefined;
  }
  const { owner, repo } = context.repo();
  return { installationId, owner, repo, deliveryId: context.id };
}
