import type { BreakingRule } from "../types.js";
import { errorChanges } from "../rule-helpers.js";
/** An error case of an operation was removed: handling it becomes dead code, nothing breaks. */
export const operationErrorRemovedRule: BreakingRule = {
  meta: {
    id: "OPERATION_ERROR_REMOVED",
    category: "non-breaking",
    purpose: "An error case of an operation was removed: handling it becomes dead code, nothing breaks.",
  },
  check(change) {
    return errorChanges(change).removed.map((e) => `${change.label} no longer raises ${e.name}`);
  },
};
