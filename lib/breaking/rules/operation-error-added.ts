import type { BreakingRule } from "../types.js";
import { displayName, errorChanges } from "../rule-helpers.js";
/** An operation has a new error case: implementations must detect and report it, and callers should handle it. */
export const operationErrorAddedRule: BreakingRule = {
  meta: {
    id: "OPERATION_ERROR_ADDED",
    category: "implementer",
    purpose: "An operation has a new error case: implementations must detect and report it, and callers should handle it.",
  },
  check(change) {
    return errorChanges(change).added.map((e) => `${displayName(change.id)} has a new error ${e.name} (when ${e.when})`);
  },
};
