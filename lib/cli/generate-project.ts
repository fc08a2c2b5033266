import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { ResolvedConfig } from "../config/load-config.js";
import { writeOutput, type WriteMode, type WriteOutputResult } from "../write-output.js";
import { loadTemplateOverrides, manifestPath, requireConfig } from "./project.js";
import { renderProject, type RenderProjectResult } from "./render-project.js";
import { createFsTreeReader, readSourceFiles } from "./stages.js";

export interface GenerateProjectOptions {
  /** Repository root. */
  root: string;
  /** `write` (default), or `check`/`dry-run` to only report. */
  mode?: WriteMode;
  /** Called between stages, for progress lines on long runs. */
  progress?: (message: string) => void;
}

export interface GenerateProjectResult {
  config: ResolvedConfig;
  statementFiles: number;
  rendered: RenderProjectResult;
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
  const config = requireConfig(options.root);
  const reader = createFsTreeReader({ rootDir: options.root });
  progress(`reading ${config.statements.join(", ")}`);
  const read = await readSourceFiles({ reader, globs: config.statements });
  const templates = await loadTemplateOverrides({ reader, folder: config.templates });
  progress(`compiling ${read.files.length} statement file${read.files.length === 1 ? "" : "s"}`);
  const rendered = renderProject({ files: read.files, config, ...(templates ? { templates } : {}) });
  progress(`writing ${rendered.outputs.length} files under ${config.output}/`);
  const written = writeOutput({ root: options.root, files: rendered.outputs, manifest: manifestPath(config), mode: options.mode ?? "write" });
  return {
    config,
    statementFiles: read.files.length,
    rendered,
    written,
    diagnostics: sortDiagnostics([...read.diagnostics, ...rendered.diagnostics, ...written.diagnostics]),
  };
}
