import type { BreakingRule } from "../types.js";
import { displayName, ownPair } from "../rule-helpers.js";
/** A relation changed its target or cardinality (one <-> many): code that navigates it sees another type. */
export const relationChangedRule: BreakingRule = {
  meta: {
    id: "RELATION_CHANGED",
    category: "caller",
    purpose: "A relation changed its target or cardinality (one <-> many): code that navigates it sees another type.",
  },
  check(change) {
    if (change.change !== "changed" || change.kind !== "relation") return [];
    const out: string[] = [];
    for (const key of ["target", "cardinality"] as const) {
      const [before, after] = ownPair<string>(change, key);
      if (before !== after) out.push(`relation ${displayName(change.id)} ${key}: ${before} → ${after}`);
    }
    return out;
  },
};
