import type { BreakingRule } from "../types.js";
import { coveredByParent, ownPair } from "../rule-helpers.js";
/** A quality constraint (latency, availability, ...) was added, removed or its bound changed: types are unaffected, expectations are not. */
export const constraintChangedRule: BreakingRule = {
  meta: {
    id: "CONSTRAINT_CHANGED",
    category: "non-breaking",
    purpose: "A quality constraint (latency, availability, ...) was added, removed or its bound changed: types are unaffected, expectations are not.",
  },
  check(change, context) {
    if (change.kind !== "constraint" || coveredByParent(change, context)) return [];
    const el = (change.current ?? change.previous)!;
    const where = el.parent ? context.name(el.parent) : "the system";
    if (change.change === "added") return [`${where} gained constraint ${String(el.own.text)}`];
    if (change.change === "removed") return [`${where} lost constraint ${String(el.own.text)}`];
    if (!change.aspects.includes("bound")) return [];
    const [before, after] = ownPair<string>(change, "text");
    return [`constraint on ${where}: ${before} → ${after}`];
  },
};
