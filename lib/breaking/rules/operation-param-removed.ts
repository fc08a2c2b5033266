import type { BreakingRule } from "../types.js";
import { paramChanges } from "../rule-helpers.js";
/** A parameter was removed from an operation: call sites pass an argument that no longer exists. */
export const operationParamRemovedRule: BreakingRule = {
  meta: {
    id: "OPERATION_PARAM_REMOVED",
    category: "caller",
    purpose: "A parameter was removed from an operation: call sites pass an argument that no longer exists.",
  },
  check(change) {
    return paramChanges(change).removed.map((p) => `${change.label} no longer takes parameter ${p.name}: ${p.type}`);
  },
};
