import type { BreakingRule } from "../types.js";
import { paramChanges } from "../rule-helpers.js";
/** An optional parameter became required: calls that left it out break. */
export const operationParamMadeRequiredRule: BreakingRule = {
  meta: {
    id: "OPERATION_PARAM_MADE_REQUIRED",
    category: "caller",
    purpose: "An optional parameter became required: calls that left it out break.",
  },
  check(change) {
    return paramChanges(change).madeRequired.map((p) => `${change.label} parameter ${p.name} is now required`);
  },
};
