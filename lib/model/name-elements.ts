import { cmp, type Diagnostic } from "../diagnostics.js";
import type { Statement } from "../statements/types.js";
import type { InterfaceRole, ModelDraft } from "./draft.js";
import { trace } from "./merge-plans.js";

/**
 * Pass "names" (docs/model.md "Names"): entities, enums, events and interfaces become types of one
 * namespace in every emitted language, so their names must differ. Each kind keeps its own name
 * unless a kind earlier in the order entity > enum > event > interface already has it; the later one
 * takes its kind's suffix (`Kind`, `Event`, `Interface`) and a MODEL_NAME_COLLISION note. Inside an
 * entity a field and a relation of the same name are one member: the relation.
 */

export interface FinalNames {
  entity: Map<string, string>;
  enum: Map<string, string>;
  event: Map<string, string>;
  /** `<component>/<role>` -> interface name. */
  interface: Map<string, string>;
}

export function nameElements(options: { draft: ModelDraft; byId: ReadonlyMap<string, Statement> }): { names: FinalNames; diagnostics: Diagnostic[] } {
  const { draft, byId } = options;
  const diagnostics: Diagnostic[] = [];
  const taken = new Set<string>();
  const names: FinalNames = { entity: new Map(), enum: new Map(), event: new Map(), interface: new Map() };
  const claim = (kind: keyof FinalNames, key: string, wanted: string, suffix: string, sources: readonly string[]) => {
    let name = wanted;
    if (taken.has(name) && !name.endsWith(suffix)) name += suffix;
    let n = 2;
    const stem = name;
    while (taken.has(name)) name = `${stem}${n++}`;
    taken.add(name);
    names[kind].set(key, name);
    if (name !== wanted) {
      const st = byId.get([...sources].sort(cmp)[0] ?? "");
      diagnostics.push({
        code: "MODEL_NAME_COLLISION",
        severity: "info",
        message: `${kind} "${wanted}" has the name of another type of the model; it is named "${name}"`,
        ...(st ? { file: st.file, line: st.span.start.line, statement: st.id } : {}),
      });
    }
  };
  for (const e of sorted(draft.entities.values())) claim("entity", e.name, e.name, "Entity", e.sources);
  for (const e of sorted(draft.enums.values())) claim("enum", e.name, e.name, "Kind", e.sources);
  for (const e of sorted(draft.events.values())) claim("event", e.name, e.name, "Event", e.sources);
  for (const c of sorted(draft.components.values())) {
    for (const role of ["api", "handlers"] as InterfaceRole[]) {
      if (!c.interfaces.get(role)?.size) continue;
      const wanted = role === "api" && c.interfaceName ? c.interfaceName : c.name + (role === "api" ? "Api" : "Handlers");
      claim("interface", `${c.name}/${role}`, wanted, "Interface", c.sources);
    }
  }
  // A field and a relation of one name are one member: the relation, with both traces.
  for (const e of draft.entities.values()) {
    for (const [rname, r] of e.relations) {
      const f = e.fields.get(rname);
      if (!f) continue;
      for (const w of f.why) trace(r, w);
      e.fields.delete(rname);
    }
  }
  return { names, diagnostics };
}

function sorted<T extends { name: string }>(list: Iterable<T>): T[] {
  return [...list].sort((a, b) => cmp(a.name, b.name));
}
