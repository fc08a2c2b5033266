import { cmp } from "../diagnostics.js";
import type {
  Element,
  Entity,
  EnumType,
  Event,
  Model,
  QualityConstraint,
  StatementRef,
  Subsystem,
} from "../model/types.js";
import { makeIdentifier, NameScope, WINDOWS_RESERVED_NAMES, type CaseStyle, type LanguageNaming } from "./identifiers.js";

/** A named type of the model that a TypeRef can point at. */
export type TypeEntry =
  | { kind: "entity"; id: string; element: Entity; subsystem: Subsystem }
  | { kind: "enum"; id: string; element: EnumType; subsystem: Subsystem }
  | { kind: "event"; id: string; element: Event; subsystem: Subsystem };

/** Lookups every emitter needs, built once per emit run. */
export interface ModelIndex {
  statements: ReadonlyMap<string, StatementRef>;
  /** Entities, enums and events by element id. */
  types: ReadonlyMap<string, TypeEntry>;
  /** Every subsystem, root first, then depth-first in id order. */
  subsystems: readonly Subsystem[];
  /** Parent of each subsystem by id (the root has none). */
  parents: ReadonlyMap<string, Subsystem>;
  /** Component ids -> the subsystem that holds the component. */
  componentHome: ReadonlyMap<string, Subsystem>;
}

function sortById<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => cmp(a.id, b.id));
}

function sortedSources(list: readonly string[]): string[] {
  return [...new Set(list)].sort(cmp);
}

function el<T extends Element>(e: T): T {
  return { ...e, sources: sortedSources(e.sources) };
}

function canonicalConstraints(list: readonly QualityConstraint[]): QualityConstraint[] {
  return sortById(list.map(el));
}

function canonicalSubsystem(s: Subsystem): Subsystem {
  return {
    ...el(s),
    components: sortById(
      s.components.map((c) => ({
        ...el(c),
        dependsOn: [...new Set(c.dependsOn)].sort(cmp),
        constraints: canonicalConstraints(c.constraints),
        interfaces: sortById(
          c.interfaces.map((i) => ({
            ...el(i),
            constraints: canonicalConstraints(i.constraints),
            operations: sortById(
              i.operations.map((o) => ({
                ...el(o),
                // parameter order carries meaning: kept as given
                params: o.params.map(el),
                errors: sortById(o.errors.map(el)),
                actors: [...new Set(o.actors)].sort(cmp),
                constraints: canonicalConstraints(o.constraints),
              })),
            ),
          })),
        ),
      })),
    ),
    entities: sortById(s.entities.map((e) => ({ ...el(e), fields: sortById(e.fields.map(el)), relations: sortById(e.relations.map(el)) }))),
    // enum value order carries meaning (it is how the author listed them): kept
    enums: sortById(s.enums.map(el)),
    events: sortById(s.events.map((e) => ({ ...el(e), fields: sortById(e.fields.map(el)) }))),
    constraints: canonicalConstraints(s.constraints),
    subsystems: sortById(s.subsystems.map(canonicalSubsystem)),
  };
}

/**
 * The model with every unordered array sorted by id and every `sources` sorted and unique, so that
 * emitted bytes never depend on the order the model was built in. Parameter and enum value order
 * are meaningful and kept.
 */
export function canonicalizeModel(model: Model): Model {
  return {
    ...model,
    system: canonicalSubsystem(model.system),
    actors: sortById(model.actors.map(el)),
    statements: sortById(model.statements),
  };
}

/** Builds the lookups over a (canonical) model. */
export function indexModel(model: Model): ModelIndex {
  const statements = new Map<string, StatementRef>();
  for (const s of model.statements) statements.set(s.id, s);
  const types = new Map<string, TypeEntry>();
  const subsystems: Subsystem[] = [];
  const parents = new Map<string, Subsystem>();
  const componentHome = new Map<string, Subsystem>();
  const visit = (s: Subsystem): void => {
    subsystems.push(s);
    for (const e of s.entities) types.set(e.id, { kind: "entity", id: e.id, element: e, subsystem: s });
    for (const e of s.enums) types.set(e.id, { kind: "enum", id: e.id, element: e, subsystem: s });
    for (const e of s.events) types.set(e.id, { kind: "event", id: e.id, element: e, subsystem: s });
    for (const c of s.components) componentHome.set(c.id, s);
    for (const c of s.subsystems) {
      parents.set(c.id, s);
      visit(c);
    }
  };
  visit(model.system);
  return { statements, types, subsystems, parents, componentHome };
}

/** Every statement id traced by the elements that live directly in `subsystem` (not its children). */
export function collectSubsystemSources(subsystem: Subsystem): string[] {
  // Many files of one subsystem ask for the same list (a header per file): remember it per object.
  const hit = subsystemSources.get(subsystem);
  if (hit) return hit;
  const list = collectSubsystemSourcesUncached(subsystem);
  subsystemSources.set(subsystem, list);
  return list;
}

const subsystemSources = new WeakMap<Subsystem, string[]>();

function collectSubsystemSourcesUncached(subsystem: Subsystem): string[] {
  const out = new Set<string>();
  const add = (e: Element): void => e.sources.forEach((s) => out.add(s));
  for (const c of subsystem.constraints) add(c);
  for (const c of subsystem.components) {
    add(c);
    c.constraints.forEach(add);
    for (const i of c.interfaces) {
      add(i);
      i.constraints.forEach(add);
      for (const o of i.operations) {
        add(o);
        o.params.forEach(add);
        o.errors.forEach(add);
        o.constraints.forEach(add);
      }
    }
  }
  for (const e of subsystem.entities) {
    add(e);
    e.fields.forEach(add);
    e.relations.forEach(add);
  }
  subsystem.enums.forEach(add);
  for (const e of subsystem.events) {
    add(e);
    e.fields.forEach(add);
  }
  return [...out].sort(cmp);
}

/**
 * Every statement id traced by one element and its members (fields, relations, operations with
 * their parameters and errors, constraints), plus the `extra` elements its file also shows (the
 * component constraints quoted on an interface): what a one-type file is made of.
 */
export function collectElementSources(element: Element, extra: readonly Element[] = []): string[] {
  const out = new Set<string>();
  const visit = (e: Element): void => {
    for (const s of e.sources) out.add(s);
    for (const value of Object.values(e)) {
      if (!Array.isArray(value)) continue;
      for (const member of value) if (member && typeof member === "object" && Array.isArray((member as Element).sources)) visit(member as Element);
    }
  };
  visit(element);
  extra.forEach(visit);
  return [...out].sort(cmp);
}

/** The statement files (sorted, unique) that the given statement ids come from. */
export function collectStatementFiles(index: ModelIndex, sourceIds: Iterable<string>): string[] {
  if (Array.isArray(sourceIds)) {
    let byList = statementFiles.get(index);
    if (!byList) statementFiles.set(index, (byList = new WeakMap()));
    const hit = byList.get(sourceIds);
    if (hit) return hit;
    const list = collectStatementFilesUncached(index, sourceIds);
    byList.set(sourceIds, list);
    return list;
  }
  return collectStatementFilesUncached(index, sourceIds);
}

const statementFiles = new WeakMap<ModelIndex, WeakMap<readonly string[], string[]>>();

function collectStatementFilesUncached(index: ModelIndex, sourceIds: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const id of sourceIds) {
    const s = index.statements.get(id);
    if (s) files.add(s.file);
  }
  return [...files].sort(cmp);
}

/**
 * Folder segments for every subsystem in one target: each path segment turned into a valid,
 * sibling-unique folder/package name (case-insensitively unique, so checkouts on macOS and Windows
 * do not merge two folders). Root -> [].
 */
export function planSubsystemFolders(options: {
  index: ModelIndex;
  naming: LanguageNaming;
  style: CaseStyle;
  /** Names the folder must not take (e.g. file names that sit beside it). */
  blocked?: readonly string[];
}): Map<string, string[]> {
  const { index, naming, style } = options;
  const out = new Map<string, string[]>();
  const root = index.subsystems[0];
  if (!root) return out;
  const walk = (s: Subsystem, segments: string[]): void => {
    out.set(s.id, segments);
    const scope = new NameScope({
      caseInsensitive: true,
      separator: style === "snake" ? "_" : style === "kebab" ? "-" : "",
      blocked: [...(options.blocked ?? []), ...WINDOWS_RESERVED_NAMES],
    });
    for (const child of s.subsystems) {
      const last = child.path[child.path.length - 1] ?? child.name;
      const seg = scope.claim(makeIdentifier(last, { naming, style, kind: "module" }), child.id);
      walk(child, [...segments, seg]);
    }
  };
  walk(root, []);
  return out;
}

/** POSIX relative path from folder `from` to file `to` (both as segment arrays). */
export function relativePath(from: readonly string[], to: readonly string[]): string {
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const up = from.length - i;
  const rest = to.slice(i);
  return (up === 0 ? "./" : "../".repeat(up)) + rest.join("/");
}
