import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** A value was removed from an enum: code that uses or stores it breaks. */
export const enumValueRemovedRule: BreakingRule = {
  meta: {
    id: "ENUM_VALUE_REMOVED",
    category: "caller",
    purpose: "A value was removed from an enum: code that uses or stores it breaks.",
  },
  check(change) {
    if (change.change !== "changed" || change.kind !== "enum") return [];
    const [before, after] = ownPair<string[]>(change, "values");
    return before.filter((v) => !after.includes(v)).map((v) => `enum ${change.label} lost value ${v}`);
  },
};
