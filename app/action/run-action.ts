import { readFileSync } from "node:fs";
import { ProbotOctokit } from "probot";
import { formatGithubAnnotation } from "../../lib/format-github-annotation.js";
import { readAppSettings } from "../app-settings.js";
import { status } from "../github/repo-client.js";
import { pushMayChangeContracts } from "../handlers/push.js";
import { runContractsJob } from "../jobs/contracts-job.js";
import { runPullRequestJob } from "../jobs/pull-request-job.js";
import { ActionRepoClient, type ActionOutput } from "./action-repo-client.js";

type Octokit = ConstructorParameters<typeof ActionRepoClient>[0];

/** The variables GitHub Actions sets for a step (https://docs.github.com/actions/reference/variables-reference). */
export type ActionEnv = Readonly<Record<string, string | undefined>>;

export interface RunActionOptions {
  env: ActionEnv;
  out: ActionOutput;
  /** The API client; default: Probot's Octokit (retries, throttling) with GITHUB_TOKEN at GITHUB_API_URL. */
  octokit?: Octokit;
}

/**
 * The penult GitHub Action: routing only, like app/index.ts. A pull request runs the App's
 * pull-request job (the checks of `penult check`, reported as annotations, and the impact preview
 * as the job summary); a push to the default branch, or a manual run on it, runs the App's push
 * job (contracts regenerated onto the contracts branch as one commit, the one pull request opened
 * or updated with the impact report). Returns the exit code: 1 when the checks fail or the job
 * could not run, 0 otherwise.
 */
export async function runAction(options: RunActionOptions): Promise<number> {
  const { env, out } = options;
  const event = env.GITHUB_EVENT_NAME ?? "";
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || !env.GITHUB_EVENT_PATH) {
    out.line(formatGithubAnnotation({ code: "ACTION_ENV", severity: "error", message: "GITHUB_REPOSITORY and GITHUB_EVENT_PATH are not set: run penult's Action as a step of a GitHub Actions workflow" }));
    return 1;
  }
  const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as Record<string, any>;
  const token = env.GITHUB_TOKEN ?? env.INPUT_TOKEN;
  if (!options.octokit && !token) {
    out.line(formatGithubAnnotation({ code: "ACTION_ENV", severity: "error", message: "no token: pass `token: ${{ github.token }}` (the default) or a token with contents, pull-requests and issues write (docs/action.md)" }));
    return 1;
  }
  const octokit = options.octokit ?? (new ProbotOctokit({ auth: { token }, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) }) as unknown as Octokit);
  const defaultBranch: string = payload.repository?.default_branch ?? "main";
  // The same limits and LLM policy as the App, from the step's environment (docs/security.md).
  const settings = readAppSettings(env);

  if (event === "pull_request" || event === "pull_request_target") {
    const pr = payload.pull_request;
    if (!pr || pr.head?.ref?.startsWith("penult/")) {
      out.line(`penult: ${pr ? "the contracts pull request itself" : "no pull request in the event"}; nothing to check`);
      return 0;
    }
    const client = new ActionRepoClient(octokit, owner, repo, out, { previewInSummary: true });
    // A fork's templates are never rendered, as in the App: the base's are used.
    const fork = !pr.head.repo || pr.head.repo.full_name !== `${owner}/${repo}`;
    return run(client, out, () => runPullRequestJob({ client, number: pr.number, headSha: pr.head.sha, settings, ...(fork && pr.base?.sha ? { forkBaseSha: pr.base.sha } : {}) }));
  }

  if (event === "push" || event === "workflow_dispatch") {
    const ref = payload.ref ?? env.GITHUB_REF;
    const sha: string | undefined = event === "push" ? payload.after : env.GITHUB_SHA;
    if (ref !== `refs/heads/${defaultBranch}` || !sha || /^0+$/.test(sha) || payload.deleted) {
      out.line(`penult: ${ref} is not the default branch (${defaultBranch}); the contracts follow the default branch only`);
      return 0;
    }
    if (event === "push" && !pushMayChangeContracts(payload.commits)) {
      out.line(`penult: push ${sha.slice(0, 7)} touches no statements, config, templates or contracts; nothing to regenerate`);
      return 0;
    }
    const client = new ActionRepoClient(octokit, owner, repo, out, { previewInSummary: false });
    return run(client, out, async () => {
      const result = await runContractsJob({
        client,
        sha,
        ...(payload.head_commit?.tree_id ? { treeSha: payload.head_commit.tree_id } : {}),
        subject: String(payload.head_commit?.message ?? "").split("\n")[0] ?? "",
        defaultBranch,
        settings,
        account: `${owner}/${repo}`,
      });
      out.line(`penult: ${result.status}: ${result.message}${result.pull ? ` (#${result.pull.number} ${result.pull.url})` : ""}`);
    });
  }

  out.line(`penult: nothing to do for the ${event} event (it runs on pull_request, and on push or workflow_dispatch to the default branch)`);
  return 0;
}

/** Runs one job; a failure is one annotation and a summary saying why (and, for 403, what to grant). */
async function run(client: ActionRepoClient, out: ActionOutput, job: () => Promise<unknown>): Promise<number> {
  try {
    await job();
  } catch (err) {
    const denied = status(err) === 403;
    const message = `${err instanceof Error ? err.message : String(err)}${denied ? `. ${PERMISSIONS_HINT}` : ""}`;
    out.line(formatGithubAnnotation({ code: "ACTION_FAILED", severity: "error", message }));
    out.summary(`## penult could not run\n\n\`\`\`\n${message.slice(0, 2000)}\n\`\`\`\n`);
    return 1;
  }
  return client.failed ? 1 : 0;
}

const PERMISSIONS_HINT =
  "GitHub refused the request: give the workflow `permissions: { contents: write, pull-requests: write, issues: write }` " +
  "(docs/action.md), and for the contracts pull request allow it in Settings > Actions > General > " +
  "\"Allow GitHub Actions to create and approve pull requests\"";
