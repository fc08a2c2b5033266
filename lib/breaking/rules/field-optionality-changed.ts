import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** A field became optional (readers must handle its absence) or required (writers must supply it). */
export const fieldOptionalityChangedRule: BreakingRule = {
  meta: {
    id: "FIELD_OPTIONALITY_CHANGED",
    category: "caller",
    purpose: "A field became optional (readers must handle its absence) or required (writers must supply it).",
  },
  check(change) {
    if (change.change !== "changed" || change.kind !== "field" || !change.aspects.includes("optional")) return [];
    const [, after] = ownPair<boolean>(change, "optional");
    return [`field ${change.label} is now ${after ? "optional: readers must handle its absence" : "required: writers must supply it"}`];
  },
};
