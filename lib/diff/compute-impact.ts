import { checkBreaking } from "../breaking/check-breaking.js";
import type { Finding } from "../breaking/types.js";
import { compile, type CompileResult } from "../compile.js";
import type { PenultConfig } from "../config/types.js";
import { DEFAULT_CONFIG } from "../config/types.js";
import type { Diagnostic } from "../diagnostics.js";
import { emitContracts } from "../emitters/index.js";
import { readSourceFiles } from "../git/read-source-files.js";
import type { TreeReader } from "../git/tree-reader.js";
import type { Model } from "../model/types.js";
import { buildImpactReport } from "../report/build-impact-report.js";
import { diffContractFiles } from "../report/diff-contract-files.js";
import type { ContractFileChange, ImpactReport } from "../report/types.js";
import type { SourceFile } from "../statements/types.js";
import { diffModels, type ModelDiff } from "./diff-model.js";
import { diffStatements } from "./diff-statements.js";
import type { StatementDiff, StatementInput } from "./types.js";

/** One side of a comparison, compiled. */
export interface CompiledSide {
  label: string;
  files: SourceFile[];
  compiled: CompileResult;
  /** Problems reading the tree (binary files, no statement files). */
  diagnostics: Diagnostic[];
}

export interface ImpactOfModelsOptions {
  /** Parsed statements (or model.json's statement rows) and the model of each side. */
  previous: { statements: readonly StatementInput[]; model: Model };
  current: { statements: readonly StatementInput[]; model: Model };
  base?: string;
  head?: string;
  /** Emit contracts of both models to explain changes per contract file (default true). */
  emit?: boolean;
  /** Emitter targets and output folder (defaults: every target, `contracts`). */
  config?: Partial<Pick<PenultConfig, "targets" | "output">>;
  /**
   * The current side's contract files when the caller already emitted them (repository-relative
   * paths, under the output folder): they are used instead of emitting the current model again.
   */
  currentFiles?: readonly { path: string; content: string }[];
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
    contractFiles = emitBoth(options.previous.model, options.current.model, options.config, diagnostics, options.currentFiles);
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

function emitBoth(
  previous: Model,
  current: Model,
  config: ImpactOfModelsOptions["config"],
  diagnostics: Diagnostic[],
  currentFiles?: readonly { path: string; content: string }[],
): ContractFileChange[] | undefined {
  const targets = config?.targets ?? DEFAULT_CONFIG.targets;
  const output = config?.output ?? DEFAULT_CONFIG.output;
  try {
    const before = emitContracts({ model: previous, targets, outputDir: output });
    const prefix = (files: { path: string; content: string }[]) => files.map((f) => ({ path: `${output}/${f.path}`, content: f.content }));
    const after = currentFiles ? [...currentFiles] : prefix(emitContracts({ model: current, targets, outputDir: output }).files);
    return diffContractFiles({ previous: prefix(before.files), current: after });
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

/** Reads and compiles both trees, then {@link computeImpactOfModels}. */
export async function computeImpact(options: ComputeImpactOptions): Promise<Impact & { previous: CompiledSide; current: CompiledSide }> {
  const config = { ...DEFAULT_CONFIG, ...options.config };
  const previous = await compileTree(options.base, config);
  const current = await compileTree(options.head, config);
  // Reading problems of both sides matter; compile diagnostics of the head are `penult check`'s job.
  const diagnostics = [...previous.diagnostics, ...current.diagnostics];
  const impact = computeImpactOfModels({
    previous: previous.compiled,
    current: current.compiled,
    base: options.base.label,
    head: options.head.label,
    config,
    diagnostics,
    ...(options.emit !== undefined ? { emit: options.emit } : {}),
  });
  return { ...impact, previous, current };
}

async function compileTree(reader: TreeReader, config: PenultConfig): Promise<CompiledSide> {
  const { files, diagnostics } = await readSourceFiles({ reader, globs: config.statements });
  return { label: reader.label, files, compiled: compile({ files, config }), diagnostics };
}
