import { stronglyConnected } from "./strongly-connected.js";
import { cmp } from "../diagnostics.js";
import type { Element, Field, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeElement, describeHeader, describeOperationTags } from "./describe-element.js";
import { makeIdentifier, NameScope, sanitizeCommentLines, type LanguageNaming } from "./identifiers.js";
import { collectStatementFiles, collectSubsystemSources, planSubsystemFolders, type ModelIndex } from "./model-index.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem } from "./emit-selection.js";

const RUST_KEYWORDS = [
  "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
  "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
  "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
  // reserved for future use
  "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof", "unsized",
  "virtual", "yield", "_",
];

/**
 * Rust naming. Keywords are renamed rather than written as raw identifiers (`r#type`), because
 * `self`, `Self`, `crate` and `super` cannot be raw and renaming one way is simpler to read. Type
 * names avoid the prelude (a local `Option` or `String` would shadow the one the contracts use)
 * and the two helper types of lib.rs.
 */
export const RUST_NAMING: LanguageNaming = {
  language: "rust",
  reserved: {
    all: RUST_KEYWORDS,
    types: [
      "Option", "Some", "None", "Result", "Ok", "Err", "Vec", "String", "Box", "ToString", "ToOwned", "Clone", "Copy",
      "Send", "Sync", "Sized", "Unpin", "Drop", "Fn", "FnMut", "FnOnce", "Iterator", "IntoIterator", "Extend",
      "Default", "Debug", "PartialEq", "Eq", "PartialOrd", "Ord", "Hash", "AsRef", "AsMut", "Into", "From",
      "TryFrom", "TryInto", "DoubleEndedIterator", "ExactSizeIterator", "FromIterator",
      "BoxFuture", "Value",
    ],
    values: ["std", "core", "alloc", "lib"],
  },
  reservedSuffix: "_",
  digitPrefix: "n",
};
/** Pascal type names get a word, not `_`, so that rustc's naming lints stay quiet. */
const RUST_TYPE_NAMING: LanguageNaming = { ...RUST_NAMING, reservedSuffix: "Type" };

/**
 * A Pascal type or variant name. change-case keeps a `_` between a word and a digit (`Class_1st`),
 * which rustc's non_camel_case_types lint rejects: it is dropped (uniqueness is the scope's job).
 */
function rustPascal(name: string): string {
  return makeIdentifier(name, { naming: RUST_TYPE_NAMING, style: "pascal", kind: "type" }).replace(/_/g, "");
}

function declared(s: Subsystem): Element[] {
  return [...s.enums, ...s.entities, ...s.events, ...s.components.flatMap((c) => c.interfaces)].sort((a, b) => cmp(a.id, b.id));
}

/**
 * Entities and events that hold each other by value in a cycle (A has a B, B has an A) would have
 * infinite size; such fields are boxed. Returns the strongly connected component of each type id.
 */
export function findContainmentCycles(index: ModelIndex): Map<string, number> {
  const edges = new Map<string, string[]>();
  const direct = (t: TypeRef): string | undefined => (t.kind === "ref" ? t.target : undefined);
  for (const [id, entry] of index.types) {
    if (entry.kind === "enum") continue;
    const out: string[] = [];
    for (const f of entry.element.fields) {
      const d = direct(f.type);
      if (d) out.push(d);
    }
    if (entry.kind === "entity") for (const r of entry.element.relations) if (r.cardinality === "one") out.push(r.target);
    edges.set(id, out.filter((t) => index.types.get(t)?.kind !== "enum" && index.types.has(t)));
  }
  const comp = new Map<string, number>();
  stronglyConnected([...edges.keys()].sort(cmp), edges).forEach((members, i) => {
    for (const m of members) comp.set(m, i);
  });
  return comp;
}

function doc(ctx: EmitContext, element: Element, constraints?: readonly QualityConstraint[], tags?: readonly string[]) {
  const lines = sanitizeCommentLines(describeElement({ index: ctx.index, element, constraints, tags }), "slash-line");
  return lines.length ? { lines } : null;
}

function emitRust(ctx: EmitContext): OutputFile[] {
  const folders = planSubsystemFolders({ index: ctx.index, naming: RUST_NAMING, style: "snake", blocked: ["lib", "mod", "main", "std", "core", "alloc"] });
  const names = new Map<string, string>();
  for (const s of ctx.index.subsystems) {
    const scope = new NameScope({ blocked: RUST_NAMING.reserved.types });
    for (const el of declared(s)) names.set(el.id, scope.claim(rustPascal(el.name), el.id));
  }
  const cycles = findContainmentCycles(ctx.index);
  const rootId = ctx.index.subsystems[0]?.id;
  const out: OutputFile[] = [];

  for (const s of ctx.index.subsystems) {
    if (!rendersSubsystem(ctx, s.id)) continue;
    const folder = folders.get(s.id) ?? [];
    const isRoot = s.id === rootId;
    const typeName = (ref: TypeRef, at: Element): string => {
      switch (ref.kind) {
        case "primitive":
          return (
            {
              string: "String",
              integer: "i64",
              number: "f64",
              boolean: "bool",
              date: "String",
              datetime: "String",
              duration: "::std::time::Duration",
              uuid: "String",
              binary: "Vec<u8>",
              unknown: "crate::Value",
              void: "()",
            } as const
          )[ref.name];
        case "list":
          return `Vec<${typeName(ref.of, at)}>`;
        case "ref": {
          const target = ctx.index.types.get(ref.target);
          const name = names.get(ref.target);
          if (!target || !name) {
            ctx.report({ code: "EMIT_UNRESOLVED_TYPE", severity: "warning", message: `${at.id} refers to unknown type ${JSON.stringify(ref.target)}; emitted as crate::Value`, statement: at.sources[0] });
            return "crate::Value";
          }
          if (target.subsystem.id === s.id) return name;
          return ["crate", ...(folders.get(target.subsystem.id) ?? []), name].join("::");
        }
      }
    };
    /** By-value type of a field of `owner`: boxed when it closes a containment cycle. */
    const fieldType = (ownerId: string, t: TypeRef, optional: boolean, at: Element): string => {
      let ty = typeName(t, at);
      if (t.kind === "ref" && cycles.has(ownerId) && cycles.get(t.target) === cycles.get(ownerId)) ty = `Box<${ty}>`;
      return optional ? `Option<${ty}>` : ty;
    };
    const member = (scope: NameScope, name: string, key: string): string => scope.claim(makeIdentifier(name, { naming: RUST_NAMING, style: "snake", kind: "member" }), key);
    const structFields = (ownerId: string, fields: readonly Field[], relations: readonly { el: Element; target: string; many: boolean }[]) => {
      const scope = new NameScope({ blocked: RUST_NAMING.reserved.all });
      return [
        ...fields.map((f) => ({ doc: doc(ctx, f), name: member(scope, f.name, f.id), type: fieldType(ownerId, f.type, f.optional, f) })),
        ...relations.map((r) => ({
          doc: doc(ctx, r.el),
          name: member(scope, r.el.name, r.el.id),
          type: r.many ? `Vec<${typeName({ kind: "ref", target: r.target }, r.el)}>` : fieldType(ownerId, { kind: "ref", target: r.target }, false, r.el),
        })),
      ];
    };

    const modules = s.subsystems.map((c) => ({ name: (folders.get(c.id) ?? []).slice(-1)[0] }));
    const enums = s.enums.map((e) => {
      const scope = new NameScope();
      return {
        doc: doc(ctx, e),
        name: names.get(e.id),
        variants: e.values.map((v, i) => ({
          doc: { lines: sanitizeCommentLines([`Value ${JSON.stringify(v)}.`], "slash-line") },
          name: scope.claim(rustPascal(v), `${i}`),
        })),
      };
    });
    const structs = [
      ...s.entities.map((e) => ({
        id: e.id,
        doc: doc(ctx, e, undefined, e.relations.map((r) => `@relation ${r.name} ${r.cardinality} ${r.target}`)),
        name: names.get(e.id),
        fields: structFields(e.id, e.fields, e.relations.map((r) => ({ el: r, target: r.target, many: r.cardinality === "many" }))),
      })),
      ...s.events.map((e) => ({ id: e.id, doc: doc(ctx, e, undefined, ["@event"]), name: names.get(e.id), fields: structFields(e.id, e.fields, []) })),
    ].sort((a, b) => cmp(a.id, b.id));
    const traits = s.components.flatMap((c) =>
      c.interfaces.map((i) => {
        const methods = new NameScope({ blocked: RUST_NAMING.reserved.all });
        return {
          doc: doc(ctx, i, [...c.constraints, ...i.constraints], [`@component ${c.name}`]),
          name: names.get(i.id),
          methods: i.operations.map((op) => {
            const params = new NameScope({ blocked: [...RUST_NAMING.reserved.all, ...(RUST_NAMING.reserved.values ?? [])] });
            const ps = op.params.map((p) => {
              const ty = typeName(p.type, p);
              return `${params.claim(makeIdentifier(p.name, { naming: RUST_NAMING, style: "snake", kind: "value" }), p.id)}: ${p.optional ? `Option<${ty}>` : ty}`;
            });
            const result = typeName(op.returns, op);
            return {
              doc: doc(ctx, op, op.constraints, describeOperationTags(op)),
              name: methods.claim(makeIdentifier(op.name, { naming: RUST_NAMING, style: "snake", kind: "member" }), op.id),
              params: ["&self", ...ps].join(", "),
              returns: op.async ? `crate::BoxFuture<'_, ${result}>` : result,
            };
          }),
        };
      }),
    );

    const header = sanitizeCommentLines(describeHeader({ statementFiles: collectStatementFiles(ctx.index, collectSubsystemSources(s)) }), "slash-line");
    const content = ctx.templates.render(isRoot ? "lib.rs" : "mod.rs", {
      header,
      moduleDoc: doc(ctx, s, s.constraints, [`@subsystem ${s.path.join("/") || "(root)"}`]),
      modules,
      enums,
      structs,
      traits,
    });
    out.push({ path: ["rust", ...folder, isRoot ? "lib.rs" : "mod.rs"].join("/"), content, subsystem: s.id });
  }
  return out;
}

/** Rust: a crate (lib.rs + one module per subsystem) of traits, data structs and enums; no impl blocks. */
export const rustEmitter: Emitter = {
  name: "rust",
  description: "Rust traits, structs with derives and enums (a lib.rs crate, one module per subsystem, no impl blocks); compiles with rustc",
  emit: emitRust,
};
