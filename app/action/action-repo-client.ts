import type { Diagnostic } from "../../lib/diagnostics.js";
import { formatGithubAnnotation } from "../../lib/format-github-annotation.js";
import { RepoClient } from "../github/repo-client.js";

/** Where the Action reports: workflow commands on stdout, and the job summary (markdown). */
export interface ActionOutput {
  /** One workflow-command or log line. */
  line(text: string): void;
  /** Markdown appended to the job summary ($GITHUB_STEP_SUMMARY). */
  summary(markdown: string): void;
}

/**
 * The App's RepoClient as seen from a workflow run: the jobs are the App's own (app/jobs), but a
 * workflow reports in the workflow's own channels. The `penult` check run becomes annotations on
 * the statement lines and a job summary (GITHUB_TOKEN check runs land in an arbitrary check
 * suite, and a fork's pull request gets a read-only token anyway). With `previewInSummary`, the
 * impact preview a job would post as a pull-request comment goes to the job summary instead, so
 * checking a pull request writes nothing to the repository.
 */
export class ActionRepoClient extends RepoClient {
  /** A failing conclusion was reported: the Action exits 1, so the workflow's check fails. */
  failed = false;

  constructor(
    octokit: ConstructorParameters<typeof RepoClient>[0],
    owner: string,
    repo: string,
    private readonly out: ActionOutput,
    private readonly options: { previewInSummary: boolean },
  ) {
    super(octokit, owner, repo);
  }

  override async checkRun(options: { headSha: string; conclusion: "success" | "failure" | "neutral"; title: string; summary: string; findings: readonly Diagnostic[] }): Promise<void> {
    for (const d of options.findings) this.out.line(formatGithubAnnotation(d));
    this.out.summary(`## penult: ${options.title}\n\n${options.summary}\n`);
    if (options.conclusion === "failure") this.failed = true;
  }

  override async upsertComment(number: number, marker: string, body: string): Promise<void> {
    if (this.options.previewInSummary) {
      this.out.summary(`${body}\n`);
      return;
    }
    await super.upsertComment(number, marker, body);
  }
}
