import type { BreakingRule } from "../types.js";
/** Actors (personas) were added, removed, or who calls an operation changed: documentation of use, not a contract. */
export const actorChangedRule: BreakingRule = {
  meta: {
    id: "ACTOR_CHANGED",
    category: "non-breaking",
    purpose: "Actors (personas) were added, removed, or who calls an operation changed: documentation of use, not a contract.",
  },
  check(change) {
    if (change.kind === "actor" && change.change !== "changed") return [`actor ${change.name} ${change.change}`];
    if (change.change === "changed" && change.aspects.includes("actors")) return [`actors of ${change.label} changed`];
    return [];
  },
};
