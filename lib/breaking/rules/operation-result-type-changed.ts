import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** The result type of an operation changed: callers read the old type. */
export const operationResultTypeChangedRule: BreakingRule = {
  meta: {
    id: "OPERATION_RESULT_TYPE_CHANGED",
    category: "caller",
    purpose: "The result type of an operation changed: callers read the old type.",
  },
  check(change) {
    if (change.change !== "changed" || !change.aspects.includes("result")) return [];
    const [before, after] = ownPair<string>(change, "returns");
    return [`${change.label} now returns ${after} instead of ${before}`];
  },
};
