import type { BreakingRule } from "../types.js";
import { addedOf } from "../rule-helpers.js";
/** An optional field was added to an entity or event: existing code can ignore it. */
export const fieldOptionalAddedRule: BreakingRule = {
  meta: {
    id: "FIELD_OPTIONAL_ADDED",
    category: "non-breaking",
    purpose: "An optional field was added to an entity or event: existing code can ignore it.",
  },
  check(change, context) {
    if (!addedOf(change, context, ["field"]) || !change.current!.own.optional) return [];
    return [`${context.name(change.parent!)} has a new optional field ${change.name}?: ${String(change.current!.own.type)}`];
  },
};
