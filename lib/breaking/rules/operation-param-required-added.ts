import type { BreakingRule } from "../types.js";
import { paramChanges } from "../rule-helpers.js";
/** A required parameter was added to an operation: every call site must pass a new argument. */
export const operationParamRequiredAddedRule: BreakingRule = {
  meta: {
    id: "OPERATION_PARAM_REQUIRED_ADDED",
    category: "caller",
    purpose: "A required parameter was added to an operation: every call site must pass a new argument.",
  },
  check(change) {
    return paramChanges(change)
      .added.filter((p) => !p.optional)
      .map((p) => `${change.label} takes a new required parameter ${p.name}: ${p.type}`);
  },
};
