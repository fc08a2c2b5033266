import type { Logger } from "probot";
import { LimitExceededError } from "../../lib/limits/limit-exceeded-error.js";
import type { RepoClient } from "../github/repo-client.js";

/**
 * What a person is told when a job fails. A job over one of its limits says which (the limit and
 * the variable that sets it are the operator's, not secrets); any other failure says only that it
 * failed and the delivery id: error messages carry server paths and library internals, which
 * belong in the App's log (written here, under that id), not on a public check run.
 */
export function describeFailure(err: unknown, delivery: string | undefined): { title: string; text: string } {
  const id = delivery ?? "unknown";
  if (err instanceof LimitExceededError) {
    return { title: "penult stopped: a limit was reached", text: `penult stopped this job and changed nothing: ${err.message}. (Delivery \`${id}\`.)` };
  }
  return { title: "penult could not run", text: `penult stopped with an internal error and changed nothing. The App's operator finds the details in its log under delivery \`${id}\`.` };
}

/** Logs a failed job with its delivery id: the one place the details go. */
export function logFailure(log: Logger, err: unknown, delivery: string | undefined, what: string): void {
  if (err instanceof LimitExceededError) log.warn({ err, delivery }, `${what}: ${err.message}`);
  else log.error({ err, delivery }, `${what} failed`);
}

/** A job that failed ends in a failed `penult` check run saying why, instead of silence. */
export async function failCheckRun(options: { client: RepoClient; sha: string; err: unknown; log: Logger; delivery?: string }): Promise<void> {
  logFailure(options.log, options.err, options.delivery, `penult on ${options.client.owner}/${options.client.repo}@${options.sha}`);
  const { title, text } = describeFailure(options.err, options.delivery);
  try {
    await options.client.checkRun({
      headSha: options.sha,
      conclusion: "failure",
      title,
      summary: `${text}\n\nPush again or comment \`/penult regenerate\` to retry.`,
      findings: [],
    });
  } catch (second) {
    options.log.error({ err: second, delivery: options.delivery }, "penult could not report its failure as a check run");
  }
}
