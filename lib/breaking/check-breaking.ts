import { cmp } from "../diagnostics.js";
import type { ElementChange, ModelDiff } from "../diff/diff-model.js";
import { RULES } from "./registry.js";
import type { BreakingRule, Finding, RuleCategory } from "./types.js";

export interface CheckBreakingOptions {
  diff: ModelDiff;
  /** Rules to run; all of {@link RULES} by default. */
  rules?: readonly BreakingRule[];
}

/**
 * Runs every rule on every element change of a model diff. Findings are data: deduplicated and
 * sorted by element, rule, message, so the same diff always gives the same list.
 */
export function checkBreaking(options: CheckBreakingOptions): Finding[] {
  const { diff } = options;
  const rules = options.rules ?? RULES;
  const changesById = new Map<string, ElementChange[]>();
  for (const c of diff.changes) changesById.set(c.id, [...(changesById.get(c.id) ?? []), c]);
  const name = (id: string) => diff.labels.get(id) ?? id;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const change of diff.changes) {
    for (const rule of rules) {
      for (const message of rule.check(change, { diff, changesById, name })) {
        const key = `${change.id}\0${rule.meta.id}\0${message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({
          rule: rule.meta.id,
          category: rule.meta.category,
          element: change.id,
          elementKind: change.kind,
          change: change.change,
          message,
          statements: change.statements,
        });
      }
    }
  }
  return findings.sort((a, b) => cmp(a.element, b.element) || cmp(a.rule, b.rule) || cmp(a.message, b.message));
}

/** True when any finding breaks implementers or callers. */
export function isBreaking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.category !== "non-breaking");
}

/** Findings counted per category. */
export function countByCategory(findings: readonly Finding[]): Record<RuleCategory, number> {
  const out: Record<RuleCategory, number> = { implementer: 0, caller: 0, "non-breaking": 0 };
  for (const f of findings) out[f.category]++;
  return out;
}
