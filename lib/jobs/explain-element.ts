import { cmp } from "../diagnostics.js";
import type { Element, Model, StatementRef, Subsystem } from "../model/types.js";
import { code, md } from "../report/escape-markdown.js";

export interface ExplainedElement {
  id: string;
  kind: string;
  statements: StatementRef[];
}

/**
 * Elements whose name or id matches `query` (case-insensitive), each with the statements it is
 * traced to. Answers `/penult explain Foo`.
 */
export function explainElement(model: Model, query: string): ExplainedElement[] {
  const q = query.trim().toLowerCase();
  const byId = new Map(model.statements.map((s) => [s.id, s]));
  const found: ExplainedElement[] = [];
  const consider = (e: Element, kind: string) => {
    if (e.name.toLowerCase() !== q && e.id.toLowerCase() !== q) return;
    found.push({ id: e.id, kind, statements: e.sources.map((id) => byId.get(id)).filter((s): s is StatementRef => !!s) });
  };
  const walk = (s: Subsystem) => {
    if (s.path.length) consider(s, "subsystem");
    for (const c of s.components) {
      consider(c, "component");
      for (const i of c.interfaces) {
        consider(i, "interface");
        for (const o of i.operations) consider(o, "operation");
      }
    }
    for (const e of s.entities) consider(e, "entity");
    for (const e of s.enums) consider(e, "enum");
    for (const e of s.events) consider(e, "event");
    for (const c of s.subsystems) walk(c);
  };
  walk(model.system);
  return found.sort((a, b) => cmp(a.id, b.id));
}

/** Markdown answer for `/penult explain`. */
export function renderExplanation(query: string, found: readonly ExplainedElement[], link: (s: StatementRef) => string): string {
  if (found.length === 0) return `No element named ${code(query)} in the model. Names are case-insensitive; ids look like \`cart/CartService\`.`;
  const out: string[] = [];
  for (const e of found) {
    out.push(`**${e.kind} ${code(e.id)}** comes from ${e.statements.length} statement${e.statements.length === 1 ? "" : "s"}:`, "");
    // Statement text is the repository's: shown as inert text (no markup, no @mention that notifies).
    for (const s of e.statements) out.push(`- [${code(s.id)}](${link(s)}) ${md(`${s.file}:${s.line}`)}: ${md(s.text)}`);
    out.push("");
  }
  return out.join("\n").trimEnd();
}
