/**
 * lib/pipeline: the one way a tree of statements becomes a model and generated files.
 *
 * ```ts
 * const snapshot = await compileTree({ tree, config });            // or { files, config }
 * snapshot.statements; snapshot.facts; snapshot.model;              // what was read and built
 * snapshot.files;        // model.json + contracts (+ LLM cache), repository-relative, for writeOutput
 * snapshot.diagnostics;  // content problems; snapshot.readDiagnostics: problems reading the tree
 * ```
 *
 * The CLI (`generate`, `check`, `sync`, `diff`), the GitHub App's jobs and the Action call
 * {@link compileTree}; the impact report compares two such snapshots and reuses their `files`
 * instead of emitting again. Helpers name where generated files live ({@link modelPath},
 * {@link manifestPath}) and read a tree's template overrides ({@link loadTemplateOverrides}).
 */
export { compileTree, type CompileTreeOptions, type CompiledTree, type PipelineLlm } from "./compile-tree.js";
export { loadTemplateOverrides } from "./load-template-overrides.js";
export { manifestPath, modelPath, outputPath } from "./output-paths.js";
export { sourceTexts } from "./source-texts.js";
