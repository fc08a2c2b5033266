import { checkBreaking } from "../breaking/check-breaking.js";
import type { Finding } from "../breaking/types.js";
import { resolveDefaults, type ResolvedConfig } from "../config/load-config.js";
import type { PenultConfig } from "../config/types.js";
import { DEFAULT_CONFIG } from "../config/types.js";
import type { Diagnostic } from "../diagnostics.js";
import { emitContracts } from "../emitters/index.js";
import type { TreeReader } from "../git/tree-reader.js";
import { llmCachePath } from "../llm/llm-from-env.js";
import { compileTree, manifestPath, modelPath, outputPath, type CompiledTree } from "../pipeline/index.js";
import type { OutputFile } from "../write-output.js";
import type { Model } from "../model/types.js";
import { buildImpactReport } from "../report/build-impact-report.js";
import { diffContractFiles } from "../report/diff-contract-files.js";
import type { ContractFileChange, ImpactReport } from "../report/types.js";
import { diffModels, type ModelDiff } from "./diff-model.js";
import { diffStatements } from "./diff-statements.js";
import type { StatementDiff, StatementInput } from "./types.js";

/**
 * One side of a comparison: its statements and model, and, when the caller compiled it with
 * {@link compileTree}, its generated files (a tree compiled once serves both `generate` and the report).
 */
export interface ImpactSide {
  /** Parsed statements (or model.json's statement rows). */
  statements: readonly StatementInput[];
  model: Model;
  /**
   * Generated files of this side, repository-relative (as in {@link CompiledTree.files}, or the
   * contract files a commit holds): the per-file explanation compares them instead of emitting the
   * model again. model.json, the manifest and the LLM cache are not contracts and are ignored.
   */
  files?: readonly OutputFile[];
}

export interface ImpactOfModelsOptions {
  previous: ImpactSide;
  current: ImpactSide;
  base?: string;
  head?: string;
  /** Explain changes per contract file (default true); a side without `files` is emitted for it. */
  emit?: boolean;
  /** Emitter targets and output folder (defaults: every target, `contracts`). */
  config?: Partial<Pick<PenultConfig, "targets" | "output" | "llm">>;
  diagnostics?: readonly Diagnostic[];
}

export interface Impact {
  statementDiff: StatementDiff;
  modelDiff: ModelDiff;
  findings: Finding[];
  contractFiles?: ContractFileChange[];
  report: ImpactReport;
}

/**
 * Statement diff -> model diff -> breaking rules -> report, from two compiled sides. Pure: this is
 * what the CLI, the GitHub App and the benchmarks share.
 */
export function computeImpactOfModels(options: ImpactOfModelsOptions): Impact {
  const statementDiff = diffStatements({ previous: options.previous.statements, current: options.current.statements });
  const modelDiff = diffModels({ previous: options.previous.model, current: options.current.model, statementDiff });
  const findings = checkBreaking({ diff: modelDiff });
  const diagnostics: Diagnostic[] = [...(options.diagnostics ?? [])];
  let contractFiles: ContractFileChange[] | undefined;
  if (options.emit !== false) {
    contractFiles = compareContractFiles(options.previous, options.current, options.config ?? {}, diagnostics);
  }
  const report = buildImpactReport({
    statementDiff,
    modelDiff,
    findings,
    previous: options.previous.model,
    current: options.current.model,
    ...(options.base !== undefined ? { base: options.base } : {}),
    ...(options.head !== undefined ? { head: options.head } : {}),
    ...(contractFiles ? { contractFiles } : {}),
    diagnostics,
  });
  return { statementDiff, modelDiff, findings, ...(contractFiles ? { contractFiles } : {}), report };
}

function compareContractFiles(
  previous: ImpactSide,
  current: ImpactSide,
  config: NonNullable<ImpactOfModelsOptions["config"]>,
  diagnostics: Diagnostic[],
): ContractFileChange[] | undefined {
  const layout = { output: config.output ?? DEFAULT_CONFIG.output };
  const notContracts = new Set([modelPath(layout), manifestPath(layout), llmCachePath({ output: layout.output, llm: config.llm })]);
  const inside = (path: string) => layout.output === "." || path.startsWith(`${layout.output}/`);
  const contractsOf = (side: ImpactSide): readonly OutputFile[] => {
    if (side.files) return side.files.filter((f) => inside(f.path) && !notContracts.has(f.path));
    const emitted = emitContracts({ model: side.model, targets: config.targets ?? DEFAULT_CONFIG.targets, outputDir: layout.output });
    return emitted.files.map((f) => ({ path: outputPath(layout, f.path), content: f.content }));
  };
  try {
    return diffContractFiles({ previous: contractsOf(previous), current: contractsOf(current) });
  } catch (err) {
    // Contract files only refine the explanation; the report stands without them.
    diagnostics.push({
      code: "DIFF_EMIT_FAILED",
      severity: "warning",
      message: `contract files could not be emitted (${err instanceof Error ? err.message : String(err)}); the explanation is per element instead`,
    });
    return undefined;
  }
}

export interface ComputeImpactOptions {
  /** The base side, e.g. openGitRevision({ repoDir, rev: "HEAD~1" }) or the App's GitHub tree. */
  base: TreeReader;
  /** The head side, e.g. createFsTreeReader({ rootDir }) for the working tree. */
  head: TreeReader;
  config?: Partial<PenultConfig>;
  emit?: boolean;
}

/** Compiles both trees with {@link compileTree}, then {@link computeImpactOfModels} on the two snapshots. */
export async function computeImpact(options: ComputeImpactOptions): Promise<Impact & { previous: CompiledTree; current: CompiledTree }> {
  const config: ResolvedConfig = { ...resolveDefaults(), ...options.config };
  const emit = options.emit !== false;
  const previous = await compileTree({ tree: options.base, config, emit });
  const current = await compileTree({ tree: options.head, config, emit });
  // Reading problems of both sides matter; compile diagnostics of the head are `penult check`'s job.
  // An empty side (a first commit's base) has no statement folder to miss: no warning for it.
  const emptyBase = previous.sources.length === 0 && (await options.base.listFiles(["**"])).length === 0;
  const diagnostics = [...previous.readDiagnostics.filter((d) => !(emptyBase && d.code === "DIFF_NO_STATEMENT_FILES")), ...current.readDiagnostics];
  const impact = computeImpactOfModels({
    previous,
    current,
    base: options.base.label,
    head: options.head.label,
    config,
    diagnostics,
    emit,
  });
  return { ...impact, previous, current };
}
