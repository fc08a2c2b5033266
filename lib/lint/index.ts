export { lintStatements, lintCode, collectGlossary } from "./lint-statements.js";
export type { LintStatementsOptions } from "./lint-statements.js";
export { resolveLintConfig } from "./resolve-lint-config.js";
export type { ResolvedLint, ResolveLintConfigOptions } from "./resolve-lint-config.js";
export { RULES } from "./rules/index.js";
export { findAmbiguousPronouns, DEFAULT_PRONOUN_PARAMS } from "./rules/ambiguous-pronoun.js";
export type { PronounFinding, PronounParams } from "./rules/ambiguous-pronoun.js";
export type * from "./types.js";
