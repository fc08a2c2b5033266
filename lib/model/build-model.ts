import type { PenultConfig } from "../config/types.js";
import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import { assembleModel } from "./assemble-model.js";
import { featureName } from "./assign-component.js";
import { layOut } from "./lay-out.js";
import { linkReferences } from "./link-references.js";
import { mergePlans } from "./merge-plans.js";
import { nameElements } from "./name-elements.js";
import { splitWords, toTypeName } from "./naming.js";
import { planStatement, REQUIREMENT_KINDS, type PlanContext } from "./plan-statement.js";
import { readDeclarations } from "./read-declarations.js";
import { reportClauses } from "./report-clauses.js";
import { reportEmptyEntities } from "./report-empty-entities.js";
import { applyLock } from "./apply-lock.js";
import { MODEL_VERSION, type Model } from "./types.js";
import { DEFAULT_CRUD_NAMES, type CrudClass } from "./vocabulary.js";

export interface BuildModelOptions {
  statements: readonly Statement[];
  facts: readonly Facts[];
  config: PenultConfig;
  /** The previous model (contracts/model.json): pins operation names across rewordings (apply-lock.ts). */
  lock?: Model;
}

/**
 * Builds the traced architecture model from statements and their facts, as a pipeline of small
 * passes (docs/model.md "Passes"), each in its own file:
 *
 *   declarations -> per statement: components, events, operations, constraints (plan-statement)
 *   -> merge (document order) -> link (cross-statement references) -> lock (previous names) -> layout
 *   -> names -> assemble -> report clauses
 *
 * Every element is decided from the statements traced to it; the only pass that reads across
 * statements (link) connects existing elements and never makes or renames one. Pure and
 * deterministic: the same statements and facts give the same model whatever their order.
 */
export function buildModel(options: BuildModelOptions): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const statements = documentOrder(options.statements, diagnostics);
  const byId = new Map(statements.map((s) => [s.id, s]));
  const factsById = new Map<string, Facts>();
  for (const f of options.facts) if (!factsById.has(f.id)) factsById.set(f.id, f);
  const { config } = options;

  const layout = layOut({ statements, config });
  const declarations = readDeclarations({ statements, config });
  const byFile = new Map<string, Statement[]>();
  for (const st of statements) byFile.set(st.file, [...(byFile.get(st.file) ?? []), st]);
  const fallbackByFile = new Map<string, string>();
  const requirementFiles = new Set<string>();
  for (const [file, list] of byFile) {
    const base = file.split("/").pop()!.replace(/\.[^.]+$/, "").replace(/^[0-9]+[._-]+/, "");
    fallbackByFile.set(file, featureName(list) ?? toTypeName(splitWords(base).length > 0 && !/^(?:spec|requirements?|readme|index|stories|statements?)$/i.test(base) ? splitWords(base) : splitWords(layout.systemTitle), "System"));
    if (list.some((s) => REQUIREMENT_KINDS.has(s.kind))) requirementFiles.add(file);
  }
  const ctx: PlanContext = {
    declarations,
    byId,
    factsById,
    naming: namingStyle(config),
    fallbackByFile,
    requirementFiles,
    ...(config.system ? { systemName: config.system } : {}),
  };
  const plans = statements.map((st) => planStatement(st, ctx));
  for (const st of statements) {
    if (!factsById.has(st.id)) {
      diagnostics.push({ code: "MODEL_MISSING_FACTS", severity: "warning", message: `no facts were extracted for statement "${st.id}"; it is listed in the model but adds no elements`, file: st.file, line: st.span.start.line, statement: st.id });
    }
  }
  const merged = mergePlans(plans);
  diagnostics.push(...merged.diagnostics);
  diagnostics.push(...linkReferences({ draft: merged.draft, byId, factsById, pins: declarations.known.pins, ...(config.system ? { systemName: config.system } : {}) }));
  if (options.lock && options.lock.version === MODEL_VERSION) applyLock({ draft: merged.draft, statements, lock: options.lock });
  const named = nameElements({ draft: merged.draft, byId });
  diagnostics.push(...named.diagnostics);
  const model = assembleModel({ draft: merged.draft, names: named.names, layout, statements, systemName: layout.systemTitle });
  diagnostics.push(...reportClauses(plans), ...reportEmptyEntities(model, byId));
  if (statements.length === 0) diagnostics.push({ code: "MODEL_EMPTY", severity: "info", message: "no statements: the model holds only the empty system" });
  return { model, diagnostics: sortDiagnostics(diagnostics) };
}

/** Statements in document order (file, line, column); a repeated id is reported and left out. */
function documentOrder(list: readonly Statement[], diagnostics: Diagnostic[]): Statement[] {
  const sorted = [...list].sort((a, b) => cmp(a.file, b.file) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || cmp(a.id, b.id));
  const seen = new Map<string, Statement>();
  const out: Statement[] = [];
  for (const st of sorted) {
    const first = seen.get(st.id);
    if (first) {
      diagnostics.push({ code: "MODEL_DUPLICATE_STATEMENT_ID", severity: "warning", message: `statement id "${st.id}" is used twice (first in ${first.file}); this one is left out of the model`, file: st.file, line: st.span.start.line, statement: st.id });
      continue;
    }
    seen.set(st.id, st);
    out.push(st);
  }
  return out;
}

/** CRUD verbs of operation names: the defaults, overridden by `naming.operations` in config. */
function namingStyle(config: PenultConfig): Record<CrudClass, string> {
  const chosen: Partial<Record<CrudClass, string>> = config.naming?.operations ?? {};
  const out = { ...DEFAULT_CRUD_NAMES };
  for (const k of Object.keys(out) as CrudClass[]) {
    const v = chosen[k];
    if (typeof v === "string" && /^[a-z][a-zA-Z]*$/.test(v)) out[k] = v;
  }
  return out;
}
