import { cmp } from "../diagnostics.js";
import type { Model } from "../model/types.js";
import { changedStatementIds, diffStatements } from "./diff-statements.js";
import { flattenModel, type ElementKind, type FlatElement } from "./flatten-model.js";
import { labelElements } from "./label-elements.js";
import type { StatementDiff } from "./types.js";

/** What about an element changed. `trace` alone means only its `sources` moved: nothing a caller sees. */
export type ChangeAspect =
  | "name"
  | "parent"
  | "doc"
  | "trace"
  | "params"
  | "result"
  | "errors"
  | "async"
  | "actors"
  | "trigger"
  | "guard"
  | "type"
  | "optional"
  | "values"
  | "target"
  | "cardinality"
  | "dependsOn"
  | "bound"
  | "path";

export interface ElementChange {
  id: string;
  kind: ElementKind;
  change: "added" | "removed" | "changed";
  name: string;
  /** How a reviewer names it (see labelElements): `Order`, `OrdersApi.createOrder`, `the system`. */
  label: string;
  /** Enclosing element on the current side (previous side when removed). */
  parent?: string;
  /** For `changed`: what changed, sorted. Empty for added and removed. */
  aspects: ChangeAspect[];
  previous?: FlatElement;
  current?: FlatElement;
  /**
   * Changed statements this change is traced to: sources of the element on either side that the
   * statement diff reports as added, removed, edited or moved. Current ids, or previous ids for
   * statements that were removed. Empty means the change is not traced to any changed statement.
   */
  statements: string[];
  /**
   * The contract element a reviewer looks for: the nearest enclosing (or own) interface, entity,
   * event, enum, or else component, subsystem or actor. An operation's owner is its interface.
   */
  owner: string;
  ownerKind: ElementKind;
  /** A removed element that reappears under another name (same kind, same parent, shared statements). */
  renamedTo?: string;
  renamedFrom?: string;
}

export interface ModelDiff {
  /** Sorted by id, then change. */
  changes: ElementChange[];
  /** Elements present on both sides with nothing changed. */
  unchanged: number;
  /** Every element id of either side -> its label (current side first), for messages about referenced elements. */
  labels: ReadonlyMap<string, string>;
}

export interface DiffModelsOptions {
  previous: Model;
  current: Model;
  /** The statement diff of the same two revisions; computed from `model.statements` when absent. */
  statementDiff?: StatementDiff;
}

const OWN_ASPECT: Record<string, ChangeAspect> = {
  params: "params",
  returns: "result",
  errors: "errors",
  async: "async",
  actors: "actors",
  handles: "trigger",
  whileState: "guard",
  feature: "guard",
  type: "type",
  optional: "optional",
  values: "values",
  target: "target",
  cardinality: "cardinality",
  dependsOn: "dependsOn",
  metric: "bound",
  op: "bound",
  value: "bound",
  unit: "bound",
  attribute: "bound",
  text: "bound",
  path: "path",
};

/**
 * Elements added, removed and changed between two models, matched by element id, each traced to
 * the changed statements behind it. Pure and deterministic.
 */
export function diffModels(options: DiffModelsOptions): ModelDiff {
  const statementDiff =
    options.statementDiff ?? diffStatements({ previous: options.previous.statements, current: options.current.statements });
  const touched = changedStatementIds(statementDiff);
  const prevToCur = new Map<string, string>();
  for (const c of statementDiff.changes) if (c.previous && c.current) prevToCur.set(c.previous.id, c.current.id);
  for (const x of statementDiff.idChanges) prevToCur.set(x.previous, x.current);

  const before = flattenModel(options.previous);
  const after = flattenModel(options.current);
  const causes = (prev?: FlatElement, cur?: FlatElement): string[] => {
    const out = new Set<string>();
    for (const s of cur?.sources ?? []) if (touched.current.has(s)) out.add(s);
    for (const s of prev?.sources ?? []) if (touched.previous.has(s)) out.add(prevToCur.get(s) ?? s);
    return [...out].sort(cmp);
  };

  const labels = labelElements(after, before);
  // A removed element is named as it was (its id may name something else now).
  const previousLabels = labelElements(before, after);
  const changes: ElementChange[] = [];
  let unchanged = 0;
  // An id held by elements of two different kinds (an entity on one side, a component on the
  // other) names two different things: one was removed and another added, nothing "changed".
  const swapped = new Set<string>();
  for (const [id, prev] of before) {
    const cur = after.get(id);
    if (!cur || cur.kind !== prev.kind) {
      if (cur) swapped.add(id);
      changes.push(base(prev, "removed", causes(prev, undefined), previousLabels));
      continue;
    }
    // One string comparison settles the common case (nothing changed) before any per-aspect work.
    const aspects = fingerprint(prev) === fingerprint(cur) ? [] : compareElements(prev, cur);
    if (aspects.length === 0) {
      unchanged++;
      continue;
    }
    const change = base(cur, "changed", causes(prev, cur), labels);
    change.aspects = aspects;
    change.previous = prev;
    changes.push(change);
  }
  for (const [id, cur] of after) if (!before.has(id) || swapped.has(id)) changes.push(base(cur, "added", causes(undefined, cur), labels));
  for (const c of changes) {
    const owner = findOwner(c.id, c.change === "removed" ? before : after);
    c.owner = owner.id;
    c.ownerKind = owner.kind;
  }

  detectRenames(changes, prevToCur);
  changes.sort((a, b) => cmp(a.id, b.id) || cmp(a.change, b.change));
  return { changes, unchanged, labels };
}

function base(el: FlatElement, change: ElementChange["change"], statements: string[], labels: ReadonlyMap<string, string>): ElementChange {
  const out: ElementChange = { id: el.id, kind: el.kind, change, name: el.name, label: labels.get(el.id) ?? el.name, aspects: [], statements, owner: el.id, ownerKind: el.kind };
  if (el.parent !== undefined) out.parent = el.parent;
  if (change === "removed") out.previous = el;
  else out.current = el;
  return out;
}

const TYPE_KINDS: ReadonlySet<ElementKind> = new Set(["interface", "entity", "event", "enum"]);
const CONTAINER_KINDS: ReadonlySet<ElementKind> = new Set(["component", "subsystem", "actor"]);

function findOwner(id: string, flat: ReadonlyMap<string, FlatElement>): FlatElement {
  const self = flat.get(id)!;
  for (const kinds of [TYPE_KINDS, CONTAINER_KINDS]) {
    let el: FlatElement | undefined = self;
    while (el && !kinds.has(el.kind)) el = el.parent === undefined ? undefined : flat.get(el.parent);
    if (el) return el;
  }
  return self;
}

function compareElements(a: FlatElement, b: FlatElement): ChangeAspect[] {
  const aspects = new Set<ChangeAspect>();
  if (a.name !== b.name) aspects.add("name");
  if (a.parent !== b.parent) aspects.add("parent");
  if ((a.doc ?? "") !== (b.doc ?? "")) aspects.add("doc");
  if (!sameJson(a.sources, b.sources)) aspects.add("trace");
  for (const key of new Set([...Object.keys(a.own), ...Object.keys(b.own)])) {
    if (!sameJson(a.own[key], b.own[key])) aspects.add(OWN_ASPECT[key] ?? "type");
  }
  return [...aspects].sort(cmp);
}

/**
 * Pairs a removed and an added element of the same kind under the same parent when they share a
 * statement (through the statement diff): "addItem" reworded to "addProduct" is a rename, which a
 * reviewer reads more easily than an unrelated removal and addition.
 */
function detectRenames(changes: ElementChange[], prevToCur: Map<string, string>): void {
  const removed = changes.filter((c) => c.change === "removed");
  const added = changes.filter((c) => c.change === "added");
  if (removed.length === 0 || added.length === 0) return;
  const pairs: { r: ElementChange; a: ElementChange; overlap: number }[] = [];
  for (const r of removed) {
    const mapped = new Set(r.previous!.sources.map((s) => prevToCur.get(s) ?? s));
    for (const a of added) {
      if (a.kind !== r.kind || a.parent !== r.parent || !looksRenamed(r, a)) continue;
      const overlap = a.current!.sources.filter((s) => mapped.has(s)).length;
      if (overlap > 0) pairs.push({ r, a, overlap });
    }
  }
  pairs.sort((x, y) => y.overlap - x.overlap || cmp(x.r.id, y.r.id) || cmp(x.a.id, y.a.id));
  for (const { r, a } of pairs) {
    if (r.renamedTo || a.renamedFrom) continue;
    r.renamedTo = a.id;
    a.renamedFrom = r.id;
  }
}

/**
 * A shared statement alone is not enough (one reworded statement can drop one operation and add an
 * unrelated one): the names must share a word (addItem -> addProduct) or the signatures must match.
 */
function looksRenamed(r: ElementChange, a: ElementChange): boolean {
  const words = (name: string) => new Set(name.split(/(?=[A-Z])|[_\s-]+/).map((w) => w.toLowerCase()).filter((w) => w.length > 2));
  const rw = words(r.name);
  if ([...words(a.name)].some((w) => rw.has(w))) return true;
  return sameJson(r.previous!.own, a.current!.own);
}

function fingerprint(el: FlatElement): string {
  return JSON.stringify([el.name, el.parent ?? null, el.doc ?? "", el.sources, el.own]);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
