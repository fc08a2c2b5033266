import type { Element, Subsystem } from "../model/types.js";
import type { NameScope } from "./identifiers.js";
import type { EmitContext } from "./types.js";

/**
 * The local name of a referenced model type inside one subsystem's file, for emitters that write
 * one file (module, package) per subsystem: its own name when declared here, else an imported
 * name recorded in `imports` (subsystem id -> element id -> local name), aliased when it clashes
 * with a local one. An unknown target is reported once per use and named `unknown`.
 */
export function resolveTypeRef(options: {
  ctx: EmitContext;
  /** Exported name of every model type of this target. */
  exported: ReadonlyMap<string, string>;
  subsystem: Subsystem;
  scope: NameScope;
  imports: Map<string, Map<string, string>>;
  target: string;
  at: Element;
  /** The target language's "any" type, used for an unknown target. */
  unknown: string;
}): string {
  const { ctx, target: id, at } = options;
  const target = ctx.index.types.get(id);
  const exportedName = options.exported.get(id);
  if (!target || !exportedName) {
    ctx.report({
      code: "EMIT_UNRESOLVED_TYPE",
      severity: "warning",
      message: `${at.id} refers to unknown type ${JSON.stringify(id)}; emitted as unknown`,
      ...(at.sources[0] !== undefined ? { statement: at.sources[0] } : {}),
    });
    return options.unknown;
  }
  if (target.subsystem.id === options.subsystem.id) return options.scope.get(id) ?? exportedName;
  let names = options.imports.get(target.subsystem.id);
  if (!names) options.imports.set(target.subsystem.id, (names = new Map()));
  let local = names.get(id);
  if (!local) {
    local = options.scope.claim(exportedName, id);
    names.set(id, local);
  }
  return local;
}
