import type { Diagnostic } from "../diagnostics.js";
import type { Statement } from "../statements/types.js";
import type { Model } from "./types.js";
import { splitWords } from "./naming.js";
import { walkModel } from "./walk-model.js";

/**
 * Part of pass "report" (docs/model.md "Every clause"): an entity the statements act on but say
 * nothing about (no field besides its id, no relation, no declaration) is reported, naming the
 * statement that first acts on it, so the user knows the contract holds an empty type and which
 * sentence or glossary line would fill it.
 */
export function reportEmptyEntities(model: Model, byId: ReadonlyMap<string, Statement>): Diagnostic[] {
  const out: Diagnostic[] = [];
  walkModel(model, {
    entity: (e) => {
      if (e.relations.length > 0 || e.fields.some((f) => f.name !== "id")) return;
      if ((e.why ?? []).some((w) => w.rule.startsWith("declarations/"))) return;
      const first = e.sources.map((s) => byId.get(s)).find((s) => s !== undefined);
      out.push({
        code: "MODEL_EMPTY_ENTITY",
        severity: "info",
        message: `entity ${e.name} holds nothing but its id: the statements act on it but state none of its fields; state them ("each ${splitWords(e.name).join(" ")} has ...") or declare it in a glossary or Key Entities list`,
        ...(first ? { file: first.file, line: first.span.start.line, statement: first.id } : {}),
      });
    },
  });
  return out;
}
