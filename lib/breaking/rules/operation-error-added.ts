import type { BreakingRule } from "../types.js";
import { errorChanges } from "../rule-helpers.js";
/** An operation has a new error case: implementations must detect and report it, and callers should handle it. */
export const operationErrorAddedRule: BreakingRule = {
  meta: {
    id: "OPERATION_ERROR_ADDED",
    category: "implementer",
    purpose: "An operation has a new error case: implementations must detect and report it, and callers should handle it.",
  },
  check(change) {
    return errorChanges(change).added.map((e) => `${change.label} has a new error ${e.name} (when ${e.when})`);
  },
};
