import { cmp } from "../diagnostics.js";
import { MODEL_RULES } from "../model/rules.js";
import type { Element, Model, StatementRef, Subsystem, Why } from "../model/types.js";
import { code, md } from "../report/escape-markdown.js";

export interface ExplainedElement {
  id: string;
  kind: string;
  /** Dotted name a reader recognises: `CatalogueApi.searchBooks`, `Order.total`. */
  qualified: string;
  statements: StatementRef[];
  /** Why it exists: the rule and the statement words, one per contributing statement. */
  why: Why[];
}

/**
 * Elements whose name, dotted name (`CartApi.addBook`, `Order.total`) or id matches `query`
 * (case-insensitive), each with the statements and the rules that made it. Answers `penult explain`
 * and `/penult explain`.
 */
export function explainElement(model: Model, query: string): ExplainedElement[] {
  const q = query.trim().toLowerCase();
  const byId = new Map(model.statements.map((s) => [s.id, s]));
  const found: ExplainedElement[] = [];
  const consider = (e: Element, kind: string, qualified: string) => {
    if (e.name.toLowerCase() !== q && e.id.toLowerCase() !== q && qualified.toLowerCase() !== q) return;
    found.push({
      id: e.id,
      kind,
      qualified,
      statements: e.sources.map((id) => byId.get(id)).filter((s): s is StatementRef => !!s),
      why: e.why ?? [],
    });
  };
  const walk = (s: Subsystem) => {
    if (s.path.length) consider(s, "subsystem", s.name);
    for (const c of s.components) {
      consider(c, "component", c.name);
      for (const i of c.interfaces) {
        consider(i, "interface", i.name);
        for (const o of i.operations) {
          consider(o, "operation", `${i.name}.${o.name}`);
          for (const p of o.params) consider(p, "parameter", `${i.name}.${o.name}.${p.name}`);
          for (const e of o.errors) consider(e, "error", `${i.name}.${o.name}.${e.name}`);
        }
      }
    }
    for (const e of s.entities) {
      consider(e, "entity", e.name);
      for (const f of e.fields) consider(f, "field", `${e.name}.${f.name}`);
      for (const r of e.relations) consider(r, "relation", `${e.name}.${r.name}`);
    }
    for (const e of s.enums) consider(e, "enum", e.name);
    for (const e of s.events) consider(e, "event", e.name);
    for (const c of s.subsystems) walk(c);
  };
  walk(model.system);
  for (const a of model.actors) consider(a, "actor", a.name);
  return found.sort((a, b) => cmp(a.id, b.id));
}

/** Markdown answer for `/penult explain` and `penult explain`: each element, its statements, and why. */
export function renderExplanation(query: string, found: readonly ExplainedElement[], link: (s: StatementRef) => string): string {
  if (found.length === 0) return `No element named ${code(query)} in the model. Names are case-insensitive; try \`Order\`, \`Order.total\` or \`OrdersApi.createOrder\`.`;
  const out: string[] = [];
  for (const e of found) {
    out.push(`**${e.kind} ${code(e.qualified)}** (${code(e.id)}) comes from ${e.statements.length} statement${e.statements.length === 1 ? "" : "s"}:`, "");
    const byStatement = new Map(e.statements.map((s) => [s.id, s]));
    const listed = new Set<string>();
    // Statement text is the repository's: shown as inert text (no markup, no @mention that notifies).
    for (const w of e.why) {
      const s = byStatement.get(w.source);
      const where = s ? `[${code(`${s.file}:${s.line}`)}](${link(s)})` : code(w.source);
      out.push(`- ${where} "${md(w.words.replace(/\s+/g, " "))}": ${MODEL_RULES[w.rule] ?? w.rule} (\`${w.rule}\`)`);
      listed.add(w.source);
    }
    for (const s of e.statements) if (!listed.has(s.id)) out.push(`- [${code(`${s.file}:${s.line}`)}](${link(s)}) ${md(s.text.replace(/\s+/g, " "))}`);
    out.push("");
  }
  out.push("To change an element, change the statement it comes from; `docs/model.md` explains each rule.");
  return out.join("\n").trimEnd();
}
