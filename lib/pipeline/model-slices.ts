import { createHash } from "node:crypto";
import { cmp } from "../diagnostics.js";
import { collectSubsystemSources, indexModel, type ModelIndex } from "../emitters/model-index.js";
import { stronglyConnected } from "../emitters/strongly-connected.js";
import type { Model, StatementRef, Subsystem, TypeRef } from "../model/types.js";

/**
 * What the files of each subsystem are made of, as hashes: the keys under which the compile cache
 * keeps rendered files, so that an edit re-renders only the subsystems it changed.
 *
 * An emitter renders a subsystem's files from (1) the subsystem's own elements and the statements
 * they quote, and (2) plans over the whole model: folder and package names (the subsystem tree),
 * type names (every declared element of every subsystem), imports and references (which types a
 * subsystem refers to), types held by value in a cycle (boxed in Rust, pointers in Go) and Go's
 * merged packages (subsystems that refer to each other). The slice of a subsystem is (1) for it
 * (for Go also for the subsystems merged with it: {@link ModelSlices.connected}), plus
 * {@link ModelSlices.declarations}: (2) for the whole model. Adding or renaming a type anywhere changes every slice; editing an operation, a field of
 * a known type, a doc or a quoted statement changes one.
 *
 * The byte-identity test (test/cache/compile-with-cache.test.ts) checks over random edit
 * sequences that files rendered from these slices equal a cold render.
 */
export interface ModelSlices {
  /** Hash of the model's declarations: everything a subsystem's files may read outside it. */
  declarations: string;
  /** Subsystem id -> hash of its slice (its elements, the statements they quote, the declarations). */
  subsystems: Map<string, string>;
  /** Subsystem id -> hash of its slice with the slices of the subsystems it refers to in a cycle (see Emitter.slices). */
  connected: Map<string, string>;
  /** Hash of the whole model: the key of whole-model files (ARCHITECTURE.md). */
  whole: string;
}

/**
 * The slices of a canonical model (see canonicalizeModel). `modelText` is its serialised form
 * (model.json) when the caller has it: the whole-model hash is then taken from it.
 */
export function sliceModel(options: { model: Model; index?: ModelIndex; modelText?: string }): ModelSlices {
  const { model } = options;
  const index = options.index ?? indexModel(model);
  const statements = new Map<string, StatementRef>(model.statements.map((s) => [s.id, s]));
  const edges = new Map<string, string[]>();
  const tree: unknown[] = [];
  const containment: string[] = [];
  for (const s of index.subsystems) {
    tree.push([
      s.id,
      s.name,
      s.path,
      s.subsystems.map((c) => c.id),
      s.components.map((c) => [c.id, c.name, c.dependsOn, c.interfaces.map((i) => [i.id, i.name])]),
      s.entities.map((e) => [e.id, e.name]),
      s.enums.map((e) => [e.id, e.name]),
      s.events.map((e) => [e.id, e.name]),
    ]);
    const homes = new Set<string>();
    for (const target of referencedTypes(s)) {
      const home = index.types.get(target)?.subsystem.id;
      if (home !== undefined && home !== s.id) homes.add(home);
    }
    edges.set(s.id, [...homes].sort(cmp));
    for (const e of [...s.entities, ...s.events]) for (const f of e.fields) if (f.type.kind === "ref") containment.push(`${e.id}>${f.type.target}`);
    for (const e of s.entities) for (const r of e.relations) if (r.cardinality === "one") containment.push(`${e.id}>${r.target}`);
  }
  const declarations = hashJson([model.version, tree, [...edges], containment]);

  const own = new Map<string, string>();
  for (const s of index.subsystems) {
    const quoted = [...new Set([...s.sources, ...collectSubsystemSources(s)])].sort(cmp).map((id) => statements.get(id) ?? id);
    own.set(s.id, JSON.stringify([{ ...s, subsystems: s.subsystems.map((c) => c.id) }, quoted]));
  }
  const subsystems = new Map<string, string>();
  const ownHash = new Map<string, string>();
  for (const [id, text] of own) {
    ownHash.set(id, hashJson(text));
    subsystems.set(id, hashJson(`${declarations}\0${id}\0${ownHash.get(id)}`));
  }
  const connected = new Map<string, string>();
  for (const group of stronglyConnected(index.subsystems.map((s) => s.id), edges)) {
    const members = [...group].sort(cmp);
    const groupHash = members.map((m) => ownHash.get(m)).join(",");
    for (const m of members) connected.set(m, hashJson(`${declarations}\0${m}\0${groupHash}`));
  }
  return { declarations, subsystems, connected, whole: hashJson(options.modelText ?? JSON.stringify(model)) };
}

/** Ids of the types a subsystem's own elements refer to: field, parameter and return types, relations, handled events. */
function referencedTypes(s: Subsystem): string[] {
  const out: string[] = [];
  const visit = (t: TypeRef): void => {
    if (t.kind === "ref") out.push(t.target);
    else if (t.kind === "list") visit(t.of);
  };
  const fields = (list: readonly { type: TypeRef }[]) => list.forEach((f) => visit(f.type));
  for (const e of s.entities) {
    fields(e.fields);
    e.relations.forEach((r) => out.push(r.target));
  }
  for (const e of s.events) fields(e.fields);
  for (const c of s.components)
    for (const i of c.interfaces)
      for (const o of i.operations) {
        fields(o.params);
        visit(o.returns);
        if (o.handles) out.push(o.handles);
      }
  return out;
}

function hashJson(value: unknown): string {
  return createHash("sha256").update(typeof value === "string" ? value : JSON.stringify(value)).digest("hex");
}
