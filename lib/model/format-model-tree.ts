import type { Model, Subsystem, TypeRef } from "./types.js";

export interface FormatModelTreeOptions {
  /**
   * How many subsystem levels to show below the root: 0 shows the root system only, 1 its direct
   * sub-systems too, and so on. Default: all.
   */
  depth?: number;
  /** Show operations, fields and enum values (default true). */
  members?: boolean;
}

/** Short text for a type: `Order`, `Item[]`, `uuid`. */
export function formatTypeRef(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.name;
    case "ref":
      return t.target.split("/").pop() ?? t.target;
    case "list":
      return `${formatTypeRef(t.of)}[]`;
  }
}

/**
 * A level-by-level text outline of the model, two spaces per level:
 *
 * ```
 * system Shop
 *   component Cart
 *     interface CartApi
 *       addItem(item: Item, cart: Cart): void
 *   entity Item { name: string, price: number }
 *   subsystem Billing
 * ```
 */
export function formatModelTree(model: Model, options: FormatModelTreeOptions = {}): string {
  const maxDepth = options.depth ?? Infinity;
  const members = options.members ?? true;
  const out: string[] = [];
  const line = (indent: number, text: string) => out.push("  ".repeat(indent) + text);
  const visit = (s: Subsystem, level: number, indent: number): void => {
    const counts = `${s.components.length} components, ${s.entities.length} entities, ${s.events.length} events, ${s.subsystems.length} subsystems`;
    line(indent, `${level === 0 ? "system" : "subsystem"} ${s.name}${level === 0 ? "" : ` (${s.path.join("/")})`}  [${counts}]`);
    for (const k of s.constraints) line(indent + 1, `constraint ${k.metric} ${k.op} ${k.value} ${k.unit}`);
    for (const c of s.components) {
      line(indent + 1, `component ${c.name}${c.dependsOn.length ? ` -> ${c.dependsOn.map((d) => d.split("/").pop()).join(", ")}` : ""}`);
      for (const k of c.constraints) line(indent + 2, `constraint ${k.metric} ${k.op} ${k.value} ${k.unit}`);
      for (const i of c.interfaces) {
        line(indent + 2, `interface ${i.name}`);
        if (!members) continue;
        for (const o of i.operations) {
          const params = o.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${formatTypeRef(p.type)}`).join(", ");
          const extras = [
            o.async ? "async" : "",
            o.handles ? `on ${o.handles.split("/").pop()}` : "",
            o.errors.length ? `throws ${o.errors.map((e) => e.name).join(", ")}` : "",
            ...o.constraints.map((k) => `${k.metric} ${k.op} ${k.value} ${k.unit}`),
          ].filter(Boolean);
          line(indent + 3, `${o.name}(${params}): ${formatTypeRef(o.returns)}${extras.length ? `  [${extras.join("; ")}]` : ""}`);
        }
      }
    }
    for (const e of s.entities) {
      const fields = members ? e.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${formatTypeRef(f.type)}`) : [];
      const rels = members ? e.relations.map((r) => `${r.name} -> ${r.target.split("/").pop()}${r.cardinality === "many" ? "[]" : ""}`) : [];
      const body = [...fields, ...rels];
      const bounds = members ? (e.constraints ?? []).map((c) => `${c.metric} ${c.op} ${c.value} ${c.unit}`) : [];
      line(indent + 1, `entity ${e.name}${body.length ? ` { ${body.join(", ")} }` : ""}${bounds.length ? `  [${bounds.join("; ")}]` : ""}`);
    }
    for (const e of s.enums) line(indent + 1, `enum ${e.name}${members ? ` = ${e.values.join(" | ")}` : ""}`);
    for (const e of s.events) line(indent + 1, `event ${e.name}${members && e.fields.length ? ` { ${e.fields.map((f) => `${f.name}: ${formatTypeRef(f.type)}`).join(", ")} }` : ""}`);
    for (const sub of s.subsystems) {
      if (level + 1 > maxDepth) {
        line(indent + 1, `subsystem ${sub.name} (${sub.path.join("/")})  [...]`);
        continue;
      }
      visit(sub, level + 1, indent + 1);
    }
  };
  visit(model.system, 0, 0);
  if (model.actors.length) out.push(`actors: ${model.actors.map((a) => a.name).join(", ")}`);
  return out.join("\n") + "\n";
}
