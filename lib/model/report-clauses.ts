import type { Diagnostic } from "../diagnostics.js";
import type { StatementPlan } from "./draft.js";

/**
 * Pass "report" (docs/model.md "Every clause"): every requirement clause that made no element is
 * reported as NOT_MODELLED, naming the clause and why, so nothing a statement says is dropped
 * silently. `penult check` shows them and the App puts them in its check run.
 */
export function reportClauses(plans: readonly StatementPlan[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const things = new Set<string>();
  for (const plan of plans) {
    const st = plan.statement;
    for (const t of plan.things ?? []) {
      if (things.has(t.name)) continue;
      things.add(t.name);
      out.push({
        code: "MODEL_UNDECLARED",
        severity: "info",
        message: `"${t.words}" is acted on but the data model does not declare ${t.name}: operations refer to it by id; declare it (Key Entities, glossary) to give it fields`,
        file: st.file,
        line: st.span.start.line,
        statement: st.id,
      });
    }
    for (const c of plan.clauses) {
      if (c.modelled) continue;
      const text = c.text.length > 120 ? c.text.slice(0, 117) + "..." : c.text;
      out.push({
        code: "NOT_MODELLED",
        severity: "info",
        message: `"${text}" is not modelled: ${c.reason ?? "no element was made from it"}`,
        file: st.file,
        line: st.span.start.line,
        statement: st.id,
      });
    }
  }
  return out;
}

/** Share of requirement clauses that made an element, for the bench. */
export function modelledShare(plans: readonly StatementPlan[]): { clauses: number; modelled: number } {
  let clauses = 0;
  let modelled = 0;
  for (const p of plans) {
    for (const c of p.clauses) {
      clauses++;
      if (c.modelled) modelled++;
    }
  }
  return { clauses, modelled };
}
