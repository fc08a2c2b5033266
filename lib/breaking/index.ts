/** lib/breaking: breaking-change rules over a model diff. */
export { RULES } from "./registry.js";
export { checkBreaking, countByCategory, isBreaking, type CheckBreakingOptions } from "./check-breaking.js";
export type { BreakingRule, Finding, RuleCategory, RuleContext, RuleMeta } from "./types.js";
