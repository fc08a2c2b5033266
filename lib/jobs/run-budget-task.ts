import { findImplementations } from "../check/find-implementations.js";
import type { ResolvedConfig } from "../config/load-config.js";
import type { Diagnostic } from "../diagnostics.js";
import { createMemoryTreeReader } from "../git/memory-tree-reader.js";
import type { JobLimits } from "../limits/job-limits.js";
import type { AskModel } from "../llm/enrich-facts.js";
import type { Model } from "../model/types.js";
import { compileTree } from "../pipeline/compile-tree.js";
import type { Statement } from "../statements/types.js";
import { planContractsUpdate, type ContractsUpdatePlan } from "./plan-contracts-update.js";

/**
 * The work a compile worker does for one job, as plain data (it crosses a thread boundary): the
 * files of one commit that penult reads, by path, and what to do with them.
 */
export type BudgetTask = PlanTask | CompileTask;

/** The push and pull-request jobs: {@link planContractsUpdate}, plus a scan of hand-edited contract files. */
export interface PlanTask {
  kind: "plan";
  files: Record<string, Uint8Array>;
  /** Names the tree in messages (`owner/repo@sha`). */
  label: string;
  sha: string;
  subject?: string;
  config: ResolvedConfig;
  extraCacheText?: string;
  /** The open contracts PR's model.json and its label: the report also says what this push changed. */
  previousPush?: { modelJson: string; label: string };
  /** Template overrides to use instead of those in `files` (a fork's pull request gets the base's). */
  templates?: Record<string, Uint8Array>;
  /** Ask the LLM engine (through the caller, who holds the client and the budget). */
  llm?: boolean;
  /** Paths in `files` to scan for implementation code (contract files a pull request edits). */
  scan?: string[];
}

/** The command jobs (`/implement`, `/penult explain`, `/penult decompose`): statements and model. */
export interface CompileTask {
  kind: "compile";
  files: Record<string, Uint8Array>;
  label: string;
  config: ResolvedConfig;
}

export interface PlanTaskResult {
  plan: ContractsUpdatePlan;
  /** Findings of the implementation scan of `scan`. */
  implementations: Diagnostic[];
}

export interface CompileTaskResult {
  statements: Statement[];
  model: Model;
  diagnostics: Diagnostic[];
}

export type BudgetTaskResult<T extends BudgetTask> = T extends PlanTask ? PlanTaskResult : CompileTaskResult;

/** Runs one task where it is called (the worker calls this; tests may call it directly). */
export async function runBudgetTask<T extends BudgetTask>(task: T, options: { limits: JobLimits; ask?: AskModel }): Promise<BudgetTaskResult<T>> {
  const tree = createMemoryTreeReader(task.files, task.label);
  if (task.kind === "compile") {
    // No LLM request, but answers already in the tree's cache are used, as every front end does.
    const compiled = await compileTree({ tree, config: task.config, emit: false, limits: options.limits });
    const result: CompileTaskResult = { statements: compiled.statements, model: compiled.model, diagnostics: [...compiled.readDiagnostics, ...compiled.diagnostics] };
    return result as BudgetTaskResult<T>;
  }
  const plan = await planContractsUpdate({
    tree,
    sha: task.sha,
    config: task.config,
    limits: options.limits,
    ...(task.subject !== undefined ? { subject: task.subject } : {}),
    ...(task.extraCacheText !== undefined ? { extraCacheText: task.extraCacheText } : {}),
    ...(task.previousPush ? { previousPush: task.previousPush } : {}),
    ...(task.templates ? { templatesFrom: createMemoryTreeReader(task.templates, `${task.label} (templates)`) } : {}),
    ...(task.llm && options.ask ? { ask: options.ask } : {}),
  });
  const decoder = new TextDecoder();
  const scanned = (task.scan ?? []).filter((p) => task.files[p] !== undefined).map((p) => ({ path: p, content: decoder.decode(task.files[p]) }));
  const result: PlanTaskResult = { plan, implementations: scanned.length ? findImplementations({ files: scanned }) : [] };
  return result as BudgetTaskResult<T>;
}
