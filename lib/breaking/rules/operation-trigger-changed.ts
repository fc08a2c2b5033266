import type { BreakingRule } from "../types.js";
import { displayName, ownPair } from "../rule-helpers.js";
/** The event an operation handles, or the state or feature it depends on, changed: implementations must react to the new trigger or guard. */
export const operationTriggerChangedRule: BreakingRule = {
  meta: {
    id: "OPERATION_TRIGGER_CHANGED",
    category: "implementer",
    purpose: "The event an operation handles, or the state or feature it depends on, changed: implementations must react to the new trigger or guard.",
  },
  check(change) {
    if (change.change !== "changed" || !(change.aspects.includes("trigger") || change.aspects.includes("guard"))) return [];
    const out: string[] = [];
    for (const [key, label] of [["handles", "handles event"], ["whileState", "applies while"], ["feature", "depends on feature"]] as const) {
      const [before, after] = ownPair<string | null>(change, key);
      if (before !== after) out.push(`${displayName(change.id)} ${label}: ${before ?? "(none)"} → ${after ?? "(none)"}`);
    }
    return out;
  },
};
