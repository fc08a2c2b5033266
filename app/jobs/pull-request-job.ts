import { CONFIG_PATH } from "../../lib/config/load-config.js";
import { sortDiagnostics, type Diagnostic } from "../../lib/diagnostics.js";
import { matchGlobs } from "../../lib/git/match-globs.js";
import { renderPullRequestBody } from "../../lib/jobs/plan-contracts-update.js";
import type { AppSettings } from "../app-settings.js";
import { keepForPenult, type RepoClient } from "../github/repo-client.js";
import { loadRepoConfig } from "./load-repo-config.js";
import { planWithBudget } from "./plan-with-budget.js";

const PREVIEW_MARKER = "<!-- penult:impact-preview -->";

export interface PullRequestJobInput {
  client: RepoClient;
  number: number;
  headSha: string;
  /**
   * The base commit, when the pull request comes from a fork: its template overrides are used
   * instead of the fork's (penult never renders a fork's templates).
   */
  forkBaseSha?: string;
  settings: AppSettings;
}

export interface PullRequestJobResult {
  findings: Diagnostic[];
  previewed: boolean;
}

/**
 * A person's pull request: the same checks as `penult check`, published as the `penult` check
 * run (statement lint; hand edits inside the contracts; implementation added to contracts), and,
 * when the PR edits statements, one comment (updated in place) previewing the contract impact
 * the merge will cause.
 */
export async function runPullRequestJob(input: PullRequestJobInput): Promise<PullRequestJobResult> {
  const { client, settings } = input;
  const archive = await client.downloadArchive(input.headSha, settings.limits);
  const loaded = await loadRepoConfig({ archive, owner: client.owner, readSharedConfig: () => client.readSharedConfig(), repoName: client.repo });
  if (!loaded.config) {
    const file = loaded.file ?? CONFIG_PATH;
    await client.checkRun({ headSha: input.headSha, conclusion: "failure", title: "penult config is invalid", summary: `Fix ${file}.`, findings: loaded.diagnostics });
    return { findings: loaded.diagnostics, previewed: false };
  }
  const config = loaded.config;
  const tree = await archive.read(keepForPenult({ statements: matchGlobs(config.statements), output: config.output, templates: config.templates }));
  const touched = await client.pullFiles(input.number);
  const isStatement = matchGlobs(config.statements);
  const outPrefix = config.output === "." ? "" : `${config.output}/`;
  const touchedContracts = touched.filter((p) => p.startsWith(outPrefix) && !isStatement(p));
  const tplPrefix = `${config.templates.replace(/\/+$/, "")}/`;
  const templates = input.forkBaseSha ? await (await client.downloadArchive(input.forkBaseSha, settings.limits)).read((p) => p.startsWith(tplPrefix)) : undefined;
  const { plan, implementations } = await planWithBudget({
    tree,
    label: `${client.owner}/${client.repo}@${input.headSha.slice(0, 12)}`,
    sha: input.headSha,
    // A pull request's check makes no LLM request: anyone may open one.
    llm: { config },
    settings,
    scan: touchedContracts,
    ...(templates ? { templates } : {}),
  });

  const findings: Diagnostic[] = [...plan.findings];
  // A contract file this PR edits must be what the statements generate: contracts are never edited by hand.
  for (const change of plan.changes) {
    if (!touchedContracts.includes(change.path)) continue;
    findings.push({
      code: "CONTRACT_HAND_EDIT",
      severity: "error",
      file: change.path,
      line: 1,
      message: `${change.path} is generated from the statements and this pull request changes it by hand; change the statements instead (penult regenerates the contracts after merge), or run \`npx penult generate\` and commit its output`,
    });
  }
  findings.push(...implementations);

  const previewed = touched.some(isStatement);
  if (previewed) {
    await client.upsertComment(
      input.number,
      PREVIEW_MARKER,
      `### What merging this changes in the contracts\n\n_Preview by penult for ${input.headSha.slice(0, 7)}; updated on every push._\n\n${renderPullRequestBody(plan, { fullReport: "`npx penult diff --full <base>` prints the full report.", fileComments: false, limit: 60_000 })}`,
    );
  }
  const sorted = sortDiagnostics(findings);
  const errors = sorted.filter((d) => d.severity === "error").length;
  await client.checkRun({
    headSha: input.headSha,
    conclusion: errors ? "failure" : "success",
    title: errors ? `${errors} error${errors === 1 ? "" : "s"}` : `${plan.statementCount} statements checked`,
    summary: `${previewed ? plan.report.summary.text : "No statements changed."}\n\n${sorted.length} finding${sorted.length === 1 ? "" : "s"} (statement lint, contracts edited by hand, implementation in contracts).`,
    findings: sorted,
  });
  return { findings: sorted, previewed };
}
