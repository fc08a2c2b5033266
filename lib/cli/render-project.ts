import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { ResolvedConfig } from "../config/load-config.js";
import type { SourceFile } from "../statements/types.js";
import type { JobLimits } from "../limits/job-limits.js";
import type { OutputFile } from "../write-output.js";
import { compile, emitContracts, serializeModel, type CompileResult, type TemplateSource } from "./stages.js";

export interface RenderProjectOptions {
  /** Statement files (repository-relative paths). */
  files: readonly SourceFile[];
  config: ResolvedConfig;
  /** Template overrides from the repository (`.penult/templates/`). */
  templates?: TemplateSource;
  /** Already compiled statements (the LLM path compiles asynchronously); compiled here when absent. */
  compiled?: CompileResult;
  /** What the templates may cost (default: lib/limits defaults). */
  limits?: Partial<Pick<JobLimits, "renderedChars" | "partialDepth">>;
}

export interface RenderProjectResult {
  compiled: CompileResult;
  /** Every generated file, repository-relative (under `config.output`), ready for lib/write-output.ts. */
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
}

/**
 * Statements -> everything `generate` writes: `<output>/model.json` and the contracts, diagrams
 * and ARCHITECTURE.md of the configured targets. Pure: the CLI, `sync` (over a git tree) and the
 * GitHub App all call this with files they read their own way.
 */
export function renderProject(options: RenderProjectOptions): RenderProjectResult {
  const { config } = options;
  const compiled = options.compiled ?? compile({ files: options.files, config });
  const outputs: OutputFile[] = [{ path: joinPath(config.output, "model.json"), content: serializeModel(compiled.model) }];
  const emitted = emitContracts({
    model: compiled.model,
    targets: config.targets,
    outputDir: config.output,
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  for (const f of emitted.files) outputs.push({ path: joinPath(config.output, f.path), content: f.content });
  return { compiled, outputs, diagnostics: sortDiagnostics([...compiled.diagnostics, ...emitted.diagnostics]) };
}

function joinPath(dir: string, path: string): string {
  return dir === "." || dir === "" ? path : `${dir}/${path}`;
}
