import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** A relation changed its target or cardinality (one <-> many): code that navigates it sees another type. */
export const relationChangedRule: BreakingRule = {
  meta: {
    id: "RELATION_CHANGED",
    category: "caller",
    purpose: "A relation changed its target or cardinality (one <-> many): code that navigates it sees another type.",
  },
  check(change, context) {
    if (change.change !== "changed" || change.kind !== "relation") return [];
    const out: string[] = [];
    for (const key of ["target", "cardinality"] as const) {
      const [before, after] = ownPair<string>(change, key);
      const say = (v: string) => (key === "target" ? context.name(v) : v);
      if (before !== after) out.push(`relation ${change.label} ${key}: ${say(before)} → ${say(after)}`);
    }
    return out;
  },
};
