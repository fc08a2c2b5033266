/** lib/diff: statement diff, model diff, and the whole impact pipeline (`penult diff`). */
export { diffStatements, changedStatementIds, type DiffStatementsOptions } from "./diff-statements.js";
export { diffModels, type ChangeAspect, type DiffModelsOptions, type ElementChange, type ModelDiff } from "./diff-model.js";
export { flattenModel, typeText, type ElementKind, type FlatElement } from "./flatten-model.js";
export { computeImpact, computeImpactOfModels, type ComputeImpactOptions, type Impact, type ImpactOfModelsOptions, type ImpactSide } from "./compute-impact.js";
export { runDiff, type RunDiffOptions, type RunDiffResult } from "./run-diff.js";
export { normaliseText, diceSimilarity, SIMILARITY_THRESHOLD } from "./text-similarity.js";
export type * from "./types.js";
