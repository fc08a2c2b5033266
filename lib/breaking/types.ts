import type { ElementChange, ModelDiff } from "../diff/diff-model.js";
import type { ElementKind } from "../diff/flatten-model.js";

/**
 * Who a change breaks. implementer: code that implements the contract (a class implementing the
 * interface) no longer compiles or no longer fulfils it. caller: code that uses the contract
 * (calls an operation, reads or builds an entity) no longer compiles or misreads data.
 */
export type RuleCategory = "implementer" | "caller" | "non-breaking";

export interface RuleMeta {
  /** SUBJECT_WHAT in SCREAMING_SNAKE, stable: users filter on it. */
  id: string;
  category: RuleCategory;
  /** One sentence: what the rule looks for and why it matters. */
  purpose: string;
}

export interface RuleContext {
  diff: ModelDiff;
  /**
   * The changes of the diff by element id: one, or two when an id names an element of another kind
   * on each side (one removed, one added).
   */
  changesById: ReadonlyMap<string, readonly ElementChange[]>;
  /** How a reviewer names any element of either side, by id (its label; the id itself when unknown). */
  name(id: string): string;
}

/** One rule, one file (lib/breaking/rules/<id-in-kebab-case>.ts), registered in lib/breaking/index.ts. */
export interface BreakingRule {
  meta: RuleMeta;
  /** Messages for this change; none when the rule does not apply. */
  check(change: ElementChange, context: RuleContext): string[];
}

/** A rule that fired on one element change. */
export interface Finding {
  rule: string;
  category: RuleCategory;
  element: string;
  elementKind: ElementKind;
  change: ElementChange["change"];
  message: string;
  /** Changed statements behind it (see ElementChange.statements). */
  statements: string[];
}
