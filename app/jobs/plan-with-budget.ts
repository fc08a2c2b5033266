import type { ResolvedConfig } from "../../lib/config/load-config.js";
import type { Diagnostic } from "../../lib/diagnostics.js";
import type { TreeReader } from "../../lib/git/tree-reader.js";
import { compileWithBudget } from "../../lib/jobs/compile-with-budget.js";
import type { ContractsUpdatePlan } from "../../lib/jobs/plan-contracts-update.js";
import type { CompileTaskResult } from "../../lib/jobs/run-budget-task.js";
import type { AppSettings } from "../app-settings.js";
import type { JobLlm } from "../llm-from-env.js";

/** Every file of a tree read from an archive (already only what penult keeps), by path. */
export async function treeFiles(tree: TreeReader): Promise<Record<string, Uint8Array>> {
  const paths = await tree.listFiles(["**"]);
  const read = tree.readFiles ? await tree.readFiles(paths) : new Map(await Promise.all(paths.map(async (p) => [p, await tree.readFile(p)] as const)));
  return Object.fromEntries(paths.map((p) => [p, read.get(p) ?? new Uint8Array()]));
}

/**
 * The push and pull-request jobs' compile, off the App's event loop and within the operator's
 * limits (lib/jobs/compile-with-budget.ts): a repository's statements, templates and config never
 * run on the thread that answers webhooks. This is the seam a job queue wraps.
 */
export async function planWithBudget(options: {
  tree: TreeReader;
  label: string;
  sha: string;
  subject?: string;
  llm: JobLlm;
  settings: AppSettings;
  extraCacheText?: string;
  /** The open contracts PR's model.json (what the previous push generated) and its label. */
  previousPush?: { modelJson: string; label: string };
  /** Template overrides to use instead of the tree's (a fork's PR gets the base repository's). */
  templates?: TreeReader;
  /** Contract files to scan for implementation code. */
  scan?: string[];
}): Promise<{ plan: ContractsUpdatePlan; implementations: Diagnostic[] }> {
  const { llm } = options;
  const result = await compileWithBudget({
    task: {
      kind: "plan",
      files: await treeFiles(options.tree),
      label: options.label,
      sha: options.sha,
      config: llm.config,
      llm: Boolean(llm.ask),
      ...(options.subject !== undefined ? { subject: options.subject } : {}),
      ...(options.extraCacheText !== undefined ? { extraCacheText: options.extraCacheText } : {}),
      ...(options.previousPush ? { previousPush: options.previousPush } : {}),
      ...(options.templates ? { templates: await treeFiles(options.templates) } : {}),
      ...(options.scan ? { scan: options.scan } : {}),
    },
    limits: options.settings.limits,
    ...(llm.ask ? { ask: llm.ask } : {}),
  });
  if (llm.refused) result.plan.diagnostics.push({ code: "LLM_REFUSED", severity: "warning", message: llm.refused });
  return result;
}

/** The command jobs' compile (statements and model), off the event loop and within the limits. */
export async function compileWithinBudget(options: { tree: TreeReader; label: string; config: ResolvedConfig; settings: AppSettings }): Promise<CompileTaskResult> {
  return compileWithBudget({
    task: { kind: "compile", files: await treeFiles(options.tree), label: options.label, config: options.config },
    limits: options.settings.limits,
  });
}
