import type { BreakingRule } from "../types.js";
import { addedOf } from "../rule-helpers.js";
/** A new operation on an existing interface: every implementation must add it. */
export const operationAddedToInterfaceRule: BreakingRule = {
  meta: {
    id: "OPERATION_ADDED_TO_INTERFACE",
    category: "implementer",
    purpose: "A new operation on an existing interface: every implementation must add it.",
  },
  check(change, context) {
    if (!addedOf(change, context, ["operation"])) return [];
    return [`interface ${context.name(change.parent!)} gained operation ${change.name}: implementations must add it`];
  },
};
