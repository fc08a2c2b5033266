import type { ElementKind, FlatElement } from "./flatten-model.js";

/** Kinds a reader knows only through their owner: `Order.total`, `OrdersApi.createOrder`. */
const MEMBER_KINDS: ReadonlySet<ElementKind> = new Set(["operation", "field", "relation", "constraint"]);

/**
 * How a reviewer names each element: its own `name` for types, components, actors and subsystems,
 * `Owner.member` for operations, fields, relations and constraints, "the system" for the root
 * subsystem. Built from names and the parent chain only, never from the shape of ids (which the
 * model may change). Sides are given in order of preference: the first that holds an id names it,
 * so a renamed element is called by its new name and a removed one by its last name.
 */
export function labelElements(...sides: readonly ReadonlyMap<string, FlatElement>[]): Map<string, string> {
  const labels = new Map<string, string>();
  const find = (id: string): FlatElement | undefined => {
    for (const side of sides) {
      const el = side.get(id);
      if (el) return el;
    }
    return undefined;
  };
  const label = (el: FlatElement, depth: number): string => {
    const known = labels.get(el.id);
    if (known !== undefined) return known;
    let text: string;
    if (el.kind === "subsystem" && el.parent === undefined) text = "the system";
    else if (MEMBER_KINDS.has(el.kind) && el.parent !== undefined && depth < 16) {
      const parent = find(el.parent);
      // A constraint on a subsystem reads better alone than as "the system.latency".
      text = parent && parent.kind !== "subsystem" ? `${label(parent, depth + 1)}.${el.name}` : el.name;
    } else text = el.name;
    labels.set(el.id, text);
    return text;
  };
  for (const side of sides) for (const el of side.values()) label(find(el.id)!, 0);
  return labels;
}
