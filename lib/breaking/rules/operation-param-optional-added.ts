import type { BreakingRule } from "../types.js";
import { paramChanges } from "../rule-helpers.js";
/** An optional parameter was added to an operation: existing calls still work. */
export const operationParamOptionalAddedRule: BreakingRule = {
  meta: {
    id: "OPERATION_PARAM_OPTIONAL_ADDED",
    category: "non-breaking",
    purpose: "An optional parameter was added to an operation: existing calls still work.",
  },
  check(change) {
    return paramChanges(change)
      .added.filter((p) => p.optional)
      .map((p) => `${change.label} takes a new optional parameter ${p.name}?: ${p.type}`);
  },
};
