import type { BreakingRule } from "../types.js";
import { paramChanges } from "../rule-helpers.js";
/** The type of an operation parameter changed: call sites pass the old type. */
export const operationParamTypeChangedRule: BreakingRule = {
  meta: {
    id: "OPERATION_PARAM_TYPE_CHANGED",
    category: "caller",
    purpose: "The type of an operation parameter changed: call sites pass the old type.",
  },
  check(change) {
    return paramChanges(change).retyped.map(
      ({ before, after }) => `${change.label} parameter ${after.name} changed type: ${before.type} → ${after.type}`,
    );
  },
};
