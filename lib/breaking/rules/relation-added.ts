import type { BreakingRule } from "../types.js";
import { addedOf } from "../rule-helpers.js";
/** A relation was added to an existing entity: existing code can ignore it. */
export const relationAddedRule: BreakingRule = {
  meta: {
    id: "RELATION_ADDED",
    category: "non-breaking",
    purpose: "A relation was added to an existing entity: existing code can ignore it.",
  },
  check(change, context) {
    if (!addedOf(change, context, ["relation"])) return [];
    return [`${context.name(change.parent!)} has a new relation ${change.name} (${String(change.current!.own.cardinality)} ${context.name(String(change.current!.own.target))})`];
  },
};
