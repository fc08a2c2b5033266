import type { BreakingRule } from "../types.js";
import { displayName, ownPair } from "../rule-helpers.js";
/** A component now uses other components: wiring changes, contracts do not. */
export const dependenciesChangedRule: BreakingRule = {
  meta: {
    id: "DEPENDENCIES_CHANGED",
    category: "non-breaking",
    purpose: "A component now uses other components: wiring changes, contracts do not.",
  },
  check(change) {
    if (change.change !== "changed" || !change.aspects.includes("dependsOn")) return [];
    const [before, after] = ownPair<string[]>(change, "dependsOn");
    const added = after.filter((d) => !before.includes(d)).map(displayName);
    const removed = before.filter((d) => !after.includes(d)).map(displayName);
    const parts = [added.length ? `now uses ${added.join(", ")}` : "", removed.length ? `no longer uses ${removed.join(", ")}` : ""].filter(Boolean);
    return [`component ${displayName(change.id)} ${parts.join("; ")}`];
  },
};
