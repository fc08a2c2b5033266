import type { BreakingRule } from "../types.js";
import { addedOf } from "../rule-helpers.js";
/** A required field was added to an existing entity or event: code that builds one must now supply it. */
export const fieldRequiredAddedRule: BreakingRule = {
  meta: {
    id: "FIELD_REQUIRED_ADDED",
    category: "caller",
    purpose: "A required field was added to an existing entity or event: code that builds one must now supply it.",
  },
  check(change, context) {
    if (!addedOf(change, context, ["field"]) || change.current!.own.optional) return [];
    return [`${context.name(change.parent!)} has a new required field ${change.name}: ${String(change.current!.own.type)}`];
  },
};
