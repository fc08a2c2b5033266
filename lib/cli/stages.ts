/**
 * The CLI's single door to the library stages that other modules own. Commands import stages from
 * here, never from deep paths, so a stage that has not landed yet is one honest error in one place
 * ({@link StageUnavailableError}) instead of a stub pretending to work.
 */
import type { Model } from "../model/types.js";

/** A stage the command needs is not part of this build yet. Exit code 2, with the module named. */
export class StageUnavailableError extends Error {
  constructor(
    readonly stage: string,
    readonly module: string,
  ) {
    super(`${stage} is not available in this build yet (${module}); this command cannot run without it`);
    this.name = "StageUnavailableError";
  }
}

export { compile, type CompileResult } from "../compile.js";
export { compileTree, loadTemplateOverrides, manifestPath, sourceTexts, type CompiledTree } from "../pipeline/index.js";
export type { TemplateSource } from "../emitters/index.js";
export { createRecordTemplateSource } from "../emitters/templates.js";
export { createFsTreeReader, openGitRevision, readSourceFiles, matchGlobs, TreeReadError, type TreeReader } from "../git/index.js";

export { serializeModel } from "../model/serialize-model.js";
export { parseStatements } from "../statements/parse-statements.js";
export { extractFacts } from "../extract/extract-facts.js";
export { lintStatements } from "../lint/index.js";
export { checkContractDir } from "../check/index.js";
export { runDiff, type RunDiffResult } from "../diff/index.js";

export { scaffoldImplementation } from "../implement/index.js";
