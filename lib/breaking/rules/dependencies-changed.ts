import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** A component now uses other components: wiring changes, contracts do not. */
export const dependenciesChangedRule: BreakingRule = {
  meta: {
    id: "DEPENDENCIES_CHANGED",
    category: "non-breaking",
    purpose: "A component now uses other components: wiring changes, contracts do not.",
  },
  check(change, context) {
    if (change.change !== "changed" || !change.aspects.includes("dependsOn")) return [];
    // A side without the attribute (another element kind, an older model.json) depends on nothing.
    const [before = [], after = []] = ownPair<string[] | undefined>(change, "dependsOn");
    const added = after.filter((d) => !before.includes(d)).map(context.name);
    const removed = before.filter((d) => !after.includes(d)).map(context.name);
    const parts = [added.length ? `now uses ${added.join(", ")}` : "", removed.length ? `no longer uses ${removed.join(", ")}` : ""].filter(Boolean);
    return [`component ${change.label} ${parts.join("; ")}`];
  },
};
