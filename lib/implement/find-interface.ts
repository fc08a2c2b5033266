import { editDistance } from "../edit-distance.js";
import { cmp } from "../diagnostics.js";
import type { Subsystem } from "../model/types.js";
import type { InterfaceTarget } from "./types.js";

/** Every interface of the model with its component and subsystem, in id order. */
export function listInterfaces(root: Subsystem): InterfaceTarget[] {
  const out: InterfaceTarget[] = [];
  const walk = (s: Subsystem) => {
    for (const component of s.components) for (const iface of component.interfaces) out.push({ iface, component, subsystem: s });
    for (const child of s.subsystems) walk(child);
  };
  walk(root);
  return out.sort((a, b) => cmp(a.iface.id, b.iface.id));
}


const fold = (s: string) => s.toLowerCase().replace(/[\s_\-]/g, "");

/**
 * The interface named `query`: by id (`cart/CartService`) or name (`CartService`), case- and
 * separator-insensitive ("cart-service" finds CartService). A name shared by interfaces of
 * several subsystems is ambiguous and needs the id. Returns the match, or an error message
 * listing the closest names (or all of them when the model is small).
 */
export function findInterface(root: Subsystem, query: string): { target: InterfaceTarget } | { error: string } {
  const all = listInterfaces(root);
  const q = fold(query.trim());
  const byId = all.filter((t) => fold(t.iface.id) === q);
  if (byId.length === 1) return { target: byId[0]! };
  const byName = all.filter((t) => fold(t.iface.name) === q);
  if (byName.length === 1) return { target: byName[0]! };
  if (byName.length > 1) {
    return { error: `"${query}" names ${byName.length} interfaces: ${byName.map((t) => t.iface.id).join(", ")}; give the id.` };
  }
  if (all.length === 0) return { error: `the model has no interfaces yet, so there is nothing to implement for "${query}".` };
  const scored = all
    .map((t) => ({ t, d: Math.min(editDistance(fold(t.iface.name), q), editDistance(fold(t.iface.id), q)), contains: fold(t.iface.name).includes(q) || q.includes(fold(t.iface.name)) }))
    .sort((a, b) => Number(b.contains) - Number(a.contains) || a.d - b.d || cmp(a.t.iface.id, b.t.iface.id));
  const close = scored.filter((x) => x.contains || x.d <= Math.max(2, Math.floor(q.length / 3))).slice(0, 5);
  const list = (close.length ? close : scored.slice(0, 10)).map((x) => `${x.t.iface.name} (${x.t.iface.id})`).join(", ");
  return { error: `no interface "${query}" in the model; ${close.length ? "did you mean" : "interfaces are"}: ${list}.` };
}
