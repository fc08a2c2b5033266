import type { ElementChange } from "../diff/diff-model.js";
import type { ElementKind, ErrorSig, ParamSig } from "../diff/flatten-model.js";
import type { RuleContext } from "./types.js";

/**
 * True when the change is only a consequence of its parent being added or removed in the same
 * diff: the parent's finding already says it, and repeating it per member is noise.
 */
export function coveredByParent(change: ElementChange, context: RuleContext): boolean {
  if (change.change === "changed" || !change.parent) return false;
  return (context.changesById.get(change.parent) ?? []).some((p) => p.change === change.change);
}

/** Fires for elements of `kinds` that were removed (and not only because their parent was). */
export function removedOf(change: ElementChange, context: RuleContext, kinds: readonly ElementKind[]): boolean {
  return change.change === "removed" && kinds.includes(change.kind) && !coveredByParent(change, context);
}

/** Fires for elements of `kinds` that were added (and not only because their parent was). */
export function addedOf(change: ElementChange, context: RuleContext, kinds: readonly ElementKind[]): boolean {
  return change.change === "added" && kinds.includes(change.kind) && !coveredByParent(change, context);
}

/** " (renamed to X)" when the diff paired the removal with an addition. */
export function renameNote(change: ElementChange, context: RuleContext): string {
  return change.renamedTo ? ` (renamed to ${context.name(change.renamedTo)})` : "";
}

export interface ParamChanges {
  added: ParamSig[];
  removed: ParamSig[];
  retyped: { before: ParamSig; after: ParamSig }[];
  madeRequired: ParamSig[];
  madeOptional: ParamSig[];
}

/** Parameters of a changed operation, compared by name. */
export function paramChanges(change: ElementChange): ParamChanges {
  const out: ParamChanges = { added: [], removed: [], retyped: [], madeRequired: [], madeOptional: [] };
  if (change.change !== "changed" || change.kind !== "operation") return out;
  const before = (change.previous!.own.params ?? []) as ParamSig[];
  const after = (change.current!.own.params ?? []) as ParamSig[];
  const prevBy = new Map(before.map((p) => [p.name, p]));
  const curBy = new Map(after.map((p) => [p.name, p]));
  for (const p of after) {
    const q = prevBy.get(p.name);
    if (!q) out.added.push(p);
    else {
      if (q.type !== p.type) out.retyped.push({ before: q, after: p });
      if (q.optional && !p.optional) out.madeRequired.push(p);
      if (!q.optional && p.optional) out.madeOptional.push(p);
    }
  }
  for (const q of before) if (!curBy.has(q.name)) out.removed.push(q);
  return out;
}

/** Error cases of a changed operation, compared by name. */
export function errorChanges(change: ElementChange): { added: ErrorSig[]; removed: ErrorSig[] } {
  if (change.change !== "changed" || change.kind !== "operation") return { added: [], removed: [] };
  const before = (change.previous!.own.errors ?? []) as ErrorSig[];
  const after = (change.current!.own.errors ?? []) as ErrorSig[];
  const prevNames = new Set(before.map((e) => e.name));
  const curNames = new Set(after.map((e) => e.name));
  return { added: after.filter((e) => !prevNames.has(e.name)), removed: before.filter((e) => !curNames.has(e.name)) };
}

/** Own attribute of the previous and current side. */
export function ownPair<T>(change: ElementChange, key: string): [T, T] {
  return [change.previous?.own[key] as T, change.current?.own[key] as T];
}

/** A kind name for messages. */
export function kindLabel(kind: ElementKind): string {
  return kind === "enum" ? "enum" : kind;
}
