/** Public API of penult's core. A test locks this list (test/exports.test.ts). */
export * from "./diagnostics.js";
export * from "./statements/types.js";
export * from "./extract/types.js";
export * from "./model/types.js";
export * from "./config/types.js";
export { parseStatements } from "./statements/parse-statements.js";
export { extractFacts } from "./extract/extract-facts.js";
export { buildModel } from "./model/build-model.js";
export { serializeModel, canonicalizeModel } from "./model/serialize-model.js";
export { walkModel, type ModelVisitor } from "./model/walk-model.js";
export { formatModelTree, formatTypeRef, type FormatModelTreeOptions } from "./model/format-model-tree.js";
export { compile } from "./compile.js";
export type { CompileOptions, CompileResult } from "./compile.js";
export { compileTree, manifestPath, modelPath, type CompileTreeOptions, type CompiledTree, type PipelineLlm } from "./pipeline/index.js";
