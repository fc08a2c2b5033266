import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** The event an operation handles, or the state or feature it depends on, changed: implementations must react to the new trigger or guard. */
export const operationTriggerChangedRule: BreakingRule = {
  meta: {
    id: "OPERATION_TRIGGER_CHANGED",
    category: "implementer",
    purpose: "The event an operation handles, or the state or feature it depends on, changed: implementations must react to the new trigger or guard.",
  },
  check(change, context) {
    if (change.change !== "changed" || !(change.aspects.includes("trigger") || change.aspects.includes("guard"))) return [];
    const out: string[] = [];
    for (const [key, label] of [["handles", "handles event"], ["whileState", "applies while"], ["feature", "depends on feature"]] as const) {
      const [before, after] = ownPair<string | null>(change, key);
      // `handles` holds an event id: named like any element. States and features are words.
      const say = (v: string | null) => (v === null ? "(none)" : key === "handles" ? context.name(v) : v);
      if (before !== after) out.push(`${change.label} ${label}: ${say(before)} → ${say(after)}`);
    }
    return out;
  },
};
