import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { ResolvedConfig } from "../config/load-config.js";
import { writeOutput, type WriteMode, type WriteOutputResult } from "../write-output.js";
import { requireConfig } from "./project.js";
import type { LlmEnv } from "../llm/llm-from-env.js";
import { planCliLlm, pipelineLlm } from "./plan-cli-llm.js";
import { compileTree, createFsTreeReader, manifestPath, type CompiledTree } from "./stages.js";

export interface GenerateProjectOptions {
  /** Repository root. */
  root: string;
  /** `write` (default), or `check`/`dry-run` to only report. */
  mode?: WriteMode;
  /** Called between stages, for progress lines on long runs. */
  progress?: (message: string) => void;
  /** `--llm <model>`: turns the LLM engine on over `llm.model` of the config. */
  llm?: string;
  /** Environment the LLM endpoint is read from (OPENAI_BASE_URL, OPENAI_API_KEY); none: offline. */
  env?: LlmEnv;
}

export interface GenerateProjectResult {
  config: ResolvedConfig;
  statementFiles: number;
  compiled: CompiledTree;
  /** Set when the LLM was asked for but could not run (the compile was offline). */
  llmWarning?: string;
  written: WriteOutputResult;
  /** Everything found, sorted: reading, compiling, emitting and writing. */
  diagnostics: Diagnostic[];
}

/**
 * `penult generate`: the statements of the working tree -> model.json, contracts, diagrams and
 * ARCHITECTURE.md on disk (through lib/write-output.ts, the one writer).
 */
export async function generateProject(options: GenerateProjectOptions): Promise<GenerateProjectResult> {
  const progress = options.progress ?? (() => {});
  const plan = planCliLlm({ config: requireConfig(options.root), ...(options.llm ? { flag: options.llm } : {}), env: options.env ?? {} });
  const { config } = plan;
  const reader = createFsTreeReader({ rootDir: options.root });
  progress(`compiling ${config.statements.join(", ")}`);
  if (plan.clients) progress(`asking ${plan.model} about statements not in ${plan.cachePath}`);
  const compiled = await compileTree({ tree: reader, config, llm: pipelineLlm(plan) });
  progress(`writing ${compiled.files.length} files under ${config.output}/`);
  const written = writeOutput({ root: options.root, files: compiled.files, manifest: manifestPath(config), mode: options.mode ?? "write" });
  return {
    config,
    ...(plan.warning ? { llmWarning: plan.warning } : {}),
    statementFiles: compiled.sources.length,
    compiled,
    written,
    diagnostics: sortDiagnostics([...compiled.readDiagnostics, ...compiled.diagnostics, ...written.diagnostics]),
  };
}
