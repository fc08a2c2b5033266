import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** A value was added to an enum: existing code keeps working (an exhaustive switch may want a new case). */
export const enumValueAddedRule: BreakingRule = {
  meta: {
    id: "ENUM_VALUE_ADDED",
    category: "non-breaking",
    purpose: "A value was added to an enum: existing code keeps working (an exhaustive switch may want a new case).",
  },
  check(change) {
    if (change.change !== "changed" || change.kind !== "enum") return [];
    const [before, after] = ownPair<string[]>(change, "values");
    return after.filter((v) => !before.includes(v)).map((v) => `enum ${change.label} gained value ${v}`);
  },
};
