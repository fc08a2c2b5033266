import type { Logger } from "probot";
import type { RepoClient } from "../github/repo-client.js";

/** A job that failed ends in a failed `penult` check run saying why, instead of silence. */
export async function failCheckRun(options: { client: RepoClient; sha: string; err: unknown; log: Logger }): Promise<void> {
  const { err } = options;
  const message = err instanceof Error ? err.message : String(err);
  // Where it failed (first frame in penult's own code), so a report can be acted on.
  const where = err instanceof Error ? (err.stack ?? "").split("\n").find((l) => /\/(lib|app)\//.test(l))?.trim() : undefined;
  options.log.error({ err }, `penult failed on ${options.sha}`);
  try {
    await options.client.checkRun({
      headSha: options.sha,
      conclusion: "failure",
      title: "penult could not run",
      summary: `penult stopped with an error and changed nothing:\n\n\`\`\`\n${message.slice(0, 2000)}${where ? `\n${where}` : ""}\n\`\`\`\n\nPush again or comment \`/penult regenerate\` to retry.`,
      findings: [],
    });
  } catch (second) {
    options.log.error({ err: second }, "penult could not report its failure as a check run");
  }
}
