import { CONFIG_PATH, parseConfig, readConfigText, resolveDefaults, type ResolvedConfig } from "../config/load-config.js";
import { createRecordTemplateSource } from "../emitters/templates.js";
import type { JobLimits } from "../limits/job-limits.js";
import { loadTemplateOverrides } from "../pipeline/load-template-overrides.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { compile } from "../compile.js";
import { GITHUB_BODY_LIMIT } from "../report/fit-body.js";
import type { AskModel, LlmStats } from "../llm/enrich-facts.js";
import { DEFAULT_LLM_CACHE } from "../llm/llm-from-env.js";
import { computeImpactOfModels } from "../diff/compute-impact.js";
import type { TreeReader } from "../git/tree-reader.js";
import { compileTree, manifestPath, modelPath, outputPath, sourceTexts } from "../pipeline/index.js";
import { lintStatements } from "../lint/index.js";
import type { Model } from "../model/types.js";
import { parseModelJson } from "../model/serialize-model.js";
import { toPushSection } from "../report/build-impact-report.js";
import { describeStatementChange } from "../report/build-impact-view.js";
import { code, md } from "../report/escape-markdown.js";
import { renderFileNotes } from "../report/render-file-notes.js";
import { renderImpactMarkdown } from "../report/render-impact-markdown.js";
import type { ImpactReport } from "../report/types.js";
import type { StatementInput } from "../diff/types.js";
import type { PlannedChange } from "../write-output.js";
import { planOutputOnTree, readTextFiles } from "../git/plan-output-on-tree.js";

export { DEFAULT_LLM_CACHE };

export interface PlanContractsUpdateOptions {
  /** The commit whose statements are compiled (the pushed default-branch head). */
  tree: TreeReader;
  /** Full SHA of that commit, for the report and the commit message. */
  sha: string;
  /** Subject line of that commit. */
  subject?: string;
  /** Config already loaded by the caller (the App reads it with context.config); default: read from `tree`. */
  config?: ResolvedConfig;
  /** The LLM engine, when `llm:` is configured and the caller can reach an endpoint. */
  ask?: AskModel;
  /** More cached LLM answers (e.g. the cache on the open contracts branch, not merged yet). */
  extraCacheText?: string;
  /**
   * The open contracts PR's own `<output>/model.json` (at its head: what the previous push
   * generated), so the plan can say what this push changed on top of it. Without it, the report is
   * only the cumulative one (everything the PR would merge).
   */
  previousPush?: { modelJson: string; label: string };
  /** Limits on template overrides and what they render (default: lib/limits defaults). */
  limits?: Partial<JobLimits>;
  /**
   * Where template overrides come from instead of `tree` (the App reads a fork's pull request
   * with the base repository's templates: it never runs a fork's).
   */
  templatesFrom?: TreeReader;
}

/** A contract file's explanation, for one review comment. */
export interface FileNote {
  path: string;
  body: string;
  /** Where a review comment can sit: the first changed line, on the new side (or the old one for a removed file). */
  line: number;
  side: "LEFT" | "RIGHT";
}

export interface ContractsUpdatePlan {
  config: ResolvedConfig;
  /** Generated files to create, update or remove in `tree` (paths relative to the repository root). */
  changes: PlannedChange[];
  /** True when the contracts in `tree` already are what the statements generate. */
  upToDate: boolean;
  report: ImpactReport;
  /** PR title and body (the body is the impact report in markdown; see {@link renderPullRequestBody} for one with a link). */
  title: string;
  body: string;
  /**
   * The full report (every element, every contract file explained), written beside the contracts
   * on the contracts branch so the body can link to it: `<output>/IMPACT.md`. Among `changes` when
   * the contracts change; never a reason to open a PR by itself.
   */
  reportFile: { path: string; content: string };
  /** The LLM engine's account for the body (empty without the engine). */
  llmText: string;
  /** One explanation per changed contract file (capped; see renderFileNotes). */
  fileNotes: FileNote[];
  /** Body of the review posted with the file notes: names the statements this push changed. */
  reviewBody: string;
  /** Commit message listing the changed statements. */
  commitMessage: string;
  /** Statement lint and compile findings, positioned on statement files (for the check run). */
  findings: Diagnostic[];
  /** Problems reading the tree, the config or writing the outputs. */
  diagnostics: Diagnostic[];
  statementCount: number;
}

/**
 * The GitHub App's push job without GitHub: given the statements of a commit, what the contracts
 * PR should contain and say. The statement changes are measured against the model the commit
 * already holds (`<output>/model.json`, i.e. what the last merged contracts reflect), so a PR that
 * stays open across several pushes always explains everything it would merge.
 */
export async function planContractsUpdate(options: PlanContractsUpdateOptions): Promise<ContractsUpdatePlan> {
  const { tree } = options;
  const diagnostics: Diagnostic[] = [];
  const config = options.config ?? (await readConfig(tree, diagnostics));
  const templates = options.templatesFrom ? await loadTemplateOverrides({ reader: options.templatesFrom, folder: config.templates, ...(options.limits ? { limits: options.limits } : {}) }) : undefined;
  const compiled = await compileTree({
    tree,
    config,
    llm: { ...(options.ask ? { ask: options.ask } : {}), ...(options.extraCacheText !== undefined ? { cacheText: options.extraCacheText } : {}) },
    ...(options.templatesFrom ? { templates: templates ?? createRecordTemplateSource({}) } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  diagnostics.push(...compiled.readDiagnostics);

  const model = modelPath(config);
  const { plan, existing } = await planOutputOnTree({ tree, files: compiled.files, manifest: manifestPath(config), alsoRead: [model, outputPath(config, "IMPACT.md")] });
  diagnostics.push(...plan.diagnostics);
  const changes = plan.changes.filter((c) => c.action === "create" || c.action === "update" || c.action === "remove");

  // compileTree already read the committed model.json as its name lock; parse it here only when it did not.
  const previous = previousSide(compiled.lock ?? parseModelJson(existing.get(model)), config);
  const impact = computeImpactOfModels({
    // The contract files the commit holds are what the PR's diff compares with: no emit of either side.
    previous: { ...previous, files: [...existing].map(([path, content]) => ({ path, content })) },
    current: compiled,
    base: previous.model.statements.length ? `${model} (contracts now in the repository)` : "no contracts yet",
    head: options.sha.slice(0, 7),
    config,
  });
  const report = impact.report;
  if (options.previousPush) {
    // What this push alone changed: the open PR's model (the previous push) against this commit.
    const pushBase = previousSide(parseModelJson(options.previousPush.modelJson), config);
    const push = computeImpactOfModels({ previous: pushBase, current: compiled, base: options.previousPush.label, head: options.sha.slice(0, 7), emit: false });
    report.push = toPushSection(push.report);
  }
  const llmText = compiled.llm ? renderLlmStats(compiled.llm.stats, compiled.llm.model) : "";
  const reportPath = outputPath(config, "IMPACT.md");
  const reportFile = { path: reportPath, content: renderImpactMarkdown(report, { detail: "full" }) + llmText };
  if (changes.length > 0 && existing.get(reportPath) !== reportFile.content) {
    changes.push({ path: reportPath, action: existing.has(reportPath) ? "update" : "create", content: reportFile.content });
  }
  const lint = lintStatements({
    statements: compiled.statements,
    facts: compiled.facts,
    model: compiled.model,
    config: config.lint,
    configFile: CONFIG_PATH,
    sources: sourceTexts(compiled.sources),
  });
  const changedPaths = new Map(changes.map((c) => [c.path, c]));
  const notes = renderFileNotes(report);
  const fileNotes = notes.notes.filter((n) => changedPaths.has(n.path)).map((n) => ({ ...n, ...firstChange(existing.get(n.path), changedPaths.get(n.path)) }));
  const planned = {
    config,
    changes,
    upToDate: !changes.some((c) => c.path !== reportPath),
    report,
    title: renderTitle(report),
    reportFile,
    llmText,
    fileNotes,
    reviewBody: renderReviewBody({ report, sha: options.sha, notes: fileNotes.length, left: notes.left }),
    commitMessage: renderCommitMessage({ sha: options.sha, subject: options.subject ?? "", title: renderTitle(report), report, changes }),
    findings: sortDiagnostics([...compiled.diagnostics, ...lint]),
    diagnostics: sortDiagnostics(diagnostics),
    statementCount: compiled.statements.length,
  };
  return { ...planned, body: renderPullRequestBody(planned, { fullReport: `The full report, with every contract file explained, is ${code(reportPath)} on the contracts branch.` }) };
}

/**
 * The contracts PR body: the impact report shaped for review, fitted to GitHub's limit with room
 * for the App's state marker, a sentence saying where the full report is (a link, once the App
 * knows the commit that holds it), and the LLM engine's account, which is short and always shown.
 */
export function renderPullRequestBody(plan: Pick<ContractsUpdatePlan, "report" | "llmText">, options: { fullReport: string; limit?: number; fileComments?: boolean }): string {
  const limit = (options.limit ?? GITHUB_BODY_LIMIT) - plan.llmText.length - 200;
  return renderImpactMarkdown(plan.report, { limit, fullReport: options.fullReport, fileComments: options.fileComments ?? true }) + plan.llmText;
}

/** Statement rows listed in a review body before "… and n more". */
const MAX_REVIEW_STATEMENTS = 10;

/**
 * The review of one push names the statements it changed (old -> new), even when no contract file
 * comment follows, so a reviewer who reads the PR's timeline sees what each push did.
 */
function renderReviewBody(options: { report: ImpactReport; sha: string; notes: number; left: number }): string {
  const { report } = options;
  const rows = report.push?.statements ?? report.statements;
  const head = `**${report.push ? "This push" : "These statements"}** (${options.sha.slice(0, 7)}): ${md((report.push ?? report).summary.text)}`;
  const lines = [head, ""];
  for (const r of rows.slice(0, MAX_REVIEW_STATEMENTS)) {
    const side = (r.change.current ?? r.change.previous)!;
    lines.push(`- ${code(r.change.id)} (${md(`${side.file}:${side.line}`)}) ${r.change.kind}: ${describeStatementChange(r.change).replace(/^(added|removed): /, "")}`);
  }
  if (rows.length > MAX_REVIEW_STATEMENTS) lines.push(`- … and ${rows.length - MAX_REVIEW_STATEMENTS} more (in the full report)`);
  if (rows.length === 0) lines.push(report.push ? "No statement changed in this push." : "No statement changed.");
  lines.push(
    "",
    options.notes
      ? `Each contract file ${report.push ? "this push changed" : "that changed"} has a comment below saying which statements changed it${options.left ? ` (${options.notes} shown, ${options.left} more in the full report)` : ""}.`
      : "No contract file comment for this push: it changed no contract element.",
  );
  return lines.join("\n");
}

async function readConfig(tree: TreeReader, diagnostics: Diagnostic[]): Promise<ResolvedConfig> {
  const found = await readConfigText(tree);
  if (found === undefined) return resolveDefaults();
  const parsed = parseConfig(found);
  diagnostics.push(...parsed.diagnostics);
  return parsed.config;
}


/** The statements and model the repository's contracts reflect, from its model.json (empty when none). */
function previousSide(committed: Model | undefined, config: ResolvedConfig): { statements: StatementInput[]; model: Model } {
  // No contracts yet: compare with the model of no statements, so only real additions show.
  const model: Model = committed ?? compile({ files: [], config }).model;
  // model.json rows carry no headings: the diff then judges moves by file only.
  const statements: StatementInput[] = model.statements.map((s) => ({ id: s.id, text: s.text, file: s.file, line: s.line, kind: s.kind }));
  return { statements, model };
}

/** Trailer that marks a contracts commit made by penult, with the commit it was generated from. */
export const SOURCE_TRAILER = "Penult-Source";

function renderCommitMessage(options: { sha: string; subject: string; title: string; report: ImpactReport; changes: readonly PlannedChange[] }): string {
  const lines = [options.title, "", `Generated from ${options.sha.slice(0, 7)}${options.subject ? ` (${oneLine(options.subject)})` : ""}.`];
  if (options.report.statements.length) {
    lines.push("", "Changed statements:");
    for (const row of options.report.statements.slice(0, 50)) {
      const side = row.change.current ?? row.change.previous;
      lines.push(`- ${row.change.kind} ${side ? `${side.file}:${side.line ?? 1}` : ""} [${row.change.id}] "${oneLine(side?.text ?? "").slice(0, 100)}"`);
    }
    if (options.report.statements.length > 50) lines.push(`- ... and ${options.report.statements.length - 50} more`);
  }
  const count = (a: PlannedChange["action"]) => options.changes.filter((c) => c.action === a).length;
  lines.push("", `Contract files: ${count("create")} added, ${count("update")} changed, ${count("remove")} removed.`, "", `${SOURCE_TRAILER}: ${options.sha}`);
  return lines.join("\n") + "\n";
}

/** The PR body's account of the LLM engine: what it cost and where it was not used. */
export function renderLlmStats(stats: LlmStats, model: string): string {
  const lines = [
    "",
    "### LLM engine",
    "",
    `\`${model}\`: ${stats.requests} request${stats.requests === 1 ? "" : "s"} (${stats.promptTokens + stats.completionTokens} tokens: ${stats.promptTokens} prompt, ${stats.completionTokens} completion), ${stats.cacheHits} cache hit${stats.cacheHits === 1 ? "" : "s"}; it refined ${stats.improved} statement${stats.improved === 1 ? "" : "s"}.`,
  ];
  if (stats.fallbacks.length) {
    lines.push("", `Offline facts kept for ${stats.fallbacks.length} statement${stats.fallbacks.length === 1 ? "" : "s"}:`, "");
    for (const f of stats.fallbacks.slice(0, 20)) lines.push(`- \`${f.id}\`: ${f.reason}`);
    if (stats.fallbacks.length > 20) lines.push(`- ... and ${stats.fallbacks.length - 20} more`);
  }
  return lines.join("\n") + "\n";
}

function renderTitle(report: ImpactReport): string {
  const n = report.statements.length;
  const breaking = report.summary.breaking.implementer + report.summary.breaking.caller;
  const what = n ? `contracts for ${n} changed statement${n === 1 ? "" : "s"}` : "regenerate contracts";
  return `penult: ${what}${breaking ? ` (${breaking} breaking)` : ""}`;
}

/** The first line that differs between the old and new content of a file, for anchoring a comment in the PR diff. */
function firstChange(before: string | undefined, change: PlannedChange | undefined): Pick<FileNote, "line" | "side"> {
  if (!change || change.action === "remove" || change.content === undefined) return { line: 1, side: "LEFT" };
  if (before === undefined) return { line: 1, side: "RIGHT" };
  const a = before.split("\n");
  const b = change.content.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Only deletions at the end: anchor on the last line of the new file.
  return { line: Math.min(i, b.length - 1) + 1, side: "RIGHT" };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? flat.slice(0, 157) + "..." : flat;
}
