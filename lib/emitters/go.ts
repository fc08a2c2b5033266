import { stronglyConnected } from "./strongly-connected.js";
import { cmp } from "../diagnostics.js";
import type { Element, Field, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeElement, describeHeader, describeOperationTags } from "./describe-element.js";
import { avoidWindowsReserved, makeIdentifier, NameScope, sanitizeCommentLines, WINDOWS_RESERVED_NAMES, type LanguageNaming } from "./identifiers.js";
import { collectStatementFiles, collectSubsystemSources, planSubsystemFolders, type ModelIndex } from "./model-index.js";
import { findContainmentCycles } from "./rust.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem, rendersWholeModel } from "./emit-selection.js";

const GO_KEYWORDS = [
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
  "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type",
  "var", "_",
];
/** Predeclared identifiers: legal to shadow, but a parameter called `string` or `len` misleads readers. */
const GO_PREDECLARED = [
  "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
  "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "true",
  "false", "iota", "nil", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
  "max", "min", "new", "panic", "print", "println", "real", "recover",
];

/**
 * Go naming: types, fields, methods and enum constants are exported (Pascal) so they never meet a
 * keyword; parameters and package names avoid keywords and predeclared identifiers; packages
 * also avoid names the go tool treats specially.
 */
export const GO_NAMING: LanguageNaming = {
  language: "go",
  reserved: {
    all: GO_KEYWORDS,
    values: [...GO_PREDECLARED, "main", "ctx", "context", "time", "testdata", "vendor", "internal"],
  },
  reservedSuffix: "_",
  digitPrefix: "n",
};

const GO_MODULE_PREFIX = "contracts";

/** A Go string literal: ASCII only, so no bidi or invisible character reaches the source. */
export function quoteGoString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\uFFFD"; // lone surrogate: not a valid code point in Go
    else if (cp > 0xffff) out += `\\U${cp.toString(16).padStart(8, "0")}`;
    else out += `\\u${cp.toString(16).padStart(4, "0")}`;
  }
  return out + '"';
}

/** `// +build` in a comment before the package clause would be a build constraint: made inert. */
function inertGoComment(lines: readonly string[]): string[] {
  return lines.map((l) => l.replace(/^(\s*)(\+build|go:build)/, "$1\\$2"));
}

/**
 * gofmt (Go >= 1.19) rewrites doc comments: an indented line becomes a code block, `# x` a
 * heading, and two backquotes or two single quotes become curly quotes. Doc lines are made plain
 * text so that gofmt leaves the emitted bytes as they are.
 */
function plainGoDoc(lines: readonly string[]): string[] {
  return lines
    .map((l) => l.trimStart().replace(/`(?=`)/g, "` ").replace(/'(?=')/g, "' ").replace(/^#/, "\\#"))
    .filter((l) => l !== "");
}

function doc(ctx: EmitContext, element: Element, constraints?: readonly QualityConstraint[], tags?: readonly string[]) {
  const lines = plainGoDoc(inertGoComment(sanitizeCommentLines(describeElement({ index: ctx.index, element, constraints, tags }), "slash-line")));
  return lines.length ? { lines } : null;
}

function declared(s: Subsystem): Element[] {
  return [...s.enums, ...s.entities, ...s.events, ...s.components.flatMap((c) => c.interfaces)].sort((a, b) => cmp(a.id, b.id));
}

function referencedTypes(s: Subsystem): string[] {
  const out: string[] = [];
  const visit = (t: TypeRef): void => {
    if (t.kind === "ref") out.push(t.target);
    else if (t.kind === "list") visit(t.of);
  };
  for (const e of s.entities) {
    e.fields.forEach((f) => visit(f.type));
    e.relations.forEach((r) => out.push(r.target));
  }
  for (const e of s.events) e.fields.forEach((f) => visit(f.type));
  for (const c of s.components)
    for (const i of c.interfaces)
      for (const o of i.operations) {
        o.params.forEach((p) => visit(p.type));
        visit(o.returns);
      }
  return out;
}

/**
 * Go forbids import cycles, while subsystems may well refer to each other (billing uses cart's
 * Cart, cart uses billing's Invoice). Subsystems that are mutually dependent are therefore emitted
 * into ONE package: the one of the member closest to the root; each member keeps its own file.
 * Returns subsystem id -> id of the subsystem whose package it lives in.
 */
export function planGoPackages(index: ModelIndex): Map<string, string> {
  const order = new Map(index.subsystems.map((s, i) => [s.id, i]));
  const edges = new Map<string, string[]>();
  for (const s of index.subsystems) {
    const targets = new Set<string>();
    for (const t of referencedTypes(s)) {
      const home = index.types.get(t)?.subsystem.id;
      if (home !== undefined && home !== s.id) targets.add(home);
    }
    edges.set(s.id, [...targets].sort(cmp));
  }
  const home = new Map<string, string>();
  for (const members of stronglyConnected(index.subsystems.map((s) => s.id), edges)) {
    const rep = members.reduce((a, b) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? a : b));
    for (const m of members) home.set(m, rep);
  }
  return home;
}

function emitGo(ctx: EmitContext): OutputFile[] {
  const root = ctx.index.subsystems[0];
  if (!root) return [];
  // Part of the module path, which Go (like Windows) refuses to hold a device name.
  const rootPkg = avoidWindowsReserved(makeIdentifier(root.name || "contracts", { naming: GO_NAMING, style: "lower", kind: "module" }), "pkg");
  const modulePath = `${GO_MODULE_PREFIX}/${rootPkg}`;
  const folders = planSubsystemFolders({ index: ctx.index, naming: GO_NAMING, style: "lower", blocked: ["main", "testdata", "vendor", "internal"] });
  const packageOf = planGoPackages(ctx.index);
  const pkgName = (rep: string): string => (rep === root.id ? rootPkg : (folders.get(rep) ?? []).slice(-1)[0] ?? rootPkg);
  const importPath = (rep: string): string => [modulePath, ...(folders.get(rep) ?? [])].join("/");

  // Package-level names (types and enum constants), one scope per package.
  const scopes = new Map<string, NameScope>();
  const names = new Map<string, string>();
  const scopeOf = (rep: string): NameScope => {
    let sc = scopes.get(rep);
    if (!sc) scopes.set(rep, (sc = new NameScope()));
    return sc;
  };
  for (const s of ctx.index.subsystems) {
    const scope = scopeOf(packageOf.get(s.id) ?? s.id);
    for (const el of declared(s)) names.set(el.id, scope.claim(makeIdentifier(el.name, { naming: GO_NAMING, style: "pascal", kind: "type" }), el.id));
  }
  const cycles = findContainmentCycles(ctx.index);

  // Enum constants share their package's scope, and file names are unique per package folder
  // (merged subsystems share one): both are claimed here, for every subsystem in order, so that
  // rendering only some subsystems (ctx.select) names everything the same way.
  const fileNames = new Map<string, NameScope>();
  const enumValueNames = new Map<string, string[]>();
  const fileNameOf = new Map<string, string>();
  for (const s of ctx.index.subsystems) {
    const rep = packageOf.get(s.id) ?? s.id;
    const scope = scopeOf(rep);
    for (const e of s.enums) {
      const typeNameGo = names.get(e.id)!;
      enumValueNames.set(e.id, e.values.map((v, i) => scope.claim(typeNameGo + makeIdentifier(v, { naming: GO_NAMING, style: "pascal", kind: "type" }), `${e.id}\u0000${i}`)));
    }
    let files = fileNames.get(rep);
    if (!files) fileNames.set(rep, (files = new NameScope({ caseInsensitive: true, blocked: WINDOWS_RESERVED_NAMES })));
    // No `_` inside: a name ending in `_test`, `_linux` or `_amd64` would be a test or build-constrained file.
    const own = s.id === rep ? pkgName(rep) : (folders.get(s.id) ?? []).join("") || rootPkg;
    fileNameOf.set(s.id, files.claim(own.replace(/_/g, ""), s.id));
  }
  const out: OutputFile[] = rendersWholeModel(ctx) ? [{ path: "go/go.mod", content: `module ${modulePath}\n\ngo 1.18\n` }] : [];

  for (const s of ctx.index.subsystems) {
    if (!rendersSubsystem(ctx, s.id)) continue;
    const rep = packageOf.get(s.id) ?? s.id;
    const stdImports = new Set<string>();
    const imports = new Map<string, string>(); // package rep id -> local name
    const importScope = new NameScope({ blocked: [...GO_KEYWORDS, ...GO_PREDECLARED, "context", "time"] });
    const localImport = (otherRep: string): string => {
      let local = imports.get(otherRep);
      if (!local) {
        local = importScope.claim(pkgName(otherRep), otherRep);
        imports.set(otherRep, local);
      }
      return local;
    };
    const typeName = (ref: TypeRef, at: Element): string => {
      switch (ref.kind) {
        case "primitive":
          switch (ref.name) {
            case "date":
            case "datetime":
              stdImports.add("time");
              return "time.Time";
            case "duration":
              stdImports.add("time");
              return "time.Duration";
            default:
              return ({ string: "string", integer: "int64", number: "float64", boolean: "bool", uuid: "string", binary: "[]byte", unknown: "any", void: "struct{}" } as const)[ref.name];
          }
        case "list":
          return `[]${typeName(ref.of, at)}`;
        case "ref": {
          const target = ctx.index.types.get(ref.target);
          const name = names.get(ref.target);
          if (!target || !name) {
            ctx.report({ code: "EMIT_UNRESOLVED_TYPE", severity: "warning", message: `${at.id} refers to unknown type ${JSON.stringify(ref.target)}; emitted as any`, statement: at.sources[0] });
            return "any";
          }
          const otherRep = packageOf.get(target.subsystem.id) ?? target.subsystem.id;
          return otherRep === rep ? name : `${localImport(otherRep)}.${name}`;
        }
      }
    };
    const nilable = (t: string): boolean => t.startsWith("[]") || t === "any" || t.startsWith("map[");
    const fieldType = (ownerId: string, t: TypeRef, optional: boolean, at: Element): string => {
      const ty = typeName(t, at);
      const cyclic = t.kind === "ref" && cycles.has(ownerId) && cycles.get(t.target) === cycles.get(ownerId);
      return (optional || cyclic) && !nilable(ty) ? `*${ty}` : ty;
    };
    const structFields = (ownerId: string, fields: readonly Field[], relations: readonly { el: Element; target: string; many: boolean }[]) => {
      const members = new NameScope();
      const list = [
        ...fields.map((f) => ({ el: f as Element, type: fieldType(ownerId, f.type, f.optional, f), optional: f.optional })),
        ...relations.map((r) => ({
          el: r.el,
          type: r.many ? `[]${typeName({ kind: "ref", target: r.target }, r.el)}` : fieldType(ownerId, { kind: "ref", target: r.target }, false, r.el),
          optional: false,
        })),
      ];
      return list.map((f) => {
        const name = members.claim(makeIdentifier(f.el.name, { naming: GO_NAMING, style: "pascal", kind: "member" }), f.el.id);
        const json = name.charAt(0).toLowerCase() + name.slice(1);
        return { doc: doc(ctx, f.el), name, type: f.type, tag: `\`json:"${json}${f.optional ? ",omitempty" : ""}"\`` };
      });
    };

    const enums = s.enums.map((e) => {
      const typeNameGo = names.get(e.id)!;
      const valueNames = enumValueNames.get(e.id)!;
      const values = e.values.map((v, i) => ({ name: valueNames[i]!, value: quoteGoString(v) }));
      // gofmt aligns the columns of consecutive const specs: pad so the output is gofmt-clean.
      const width = Math.max(0, ...values.map((v) => v.name.length));
      return {
        doc: doc(ctx, e),
        name: typeNameGo,
        hasValues: values.length > 0,
        values: values.map((v) => ({ ...v, pad: " ".repeat(width - v.name.length), enumName: typeNameGo })),
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
    const interfaces = s.components.flatMap((c) =>
      c.interfaces.map((i) => {
        const methods = new NameScope();
        return {
          doc: doc(ctx, i, [...c.constraints, ...i.constraints], [`@component ${c.name}`]),
          name: names.get(i.id),
          methods: i.operations.map((op) => {
            const params = new NameScope({ blocked: [...GO_KEYWORDS, ...GO_PREDECLARED, "ctx"] });
            const ps: string[] = [];
            if (op.async) {
              stdImports.add("context");
              ps.push("ctx context.Context");
            }
            for (const p of op.params) {
              const ty = typeName(p.type, p);
              ps.push(`${params.claim(makeIdentifier(p.name, { naming: GO_NAMING, style: "camel", kind: "value" }), p.id)} ${p.optional && !nilable(ty) ? `*${ty}` : ty}`);
            }
            const isVoid = op.returns.kind === "primitive" && op.returns.name === "void";
            const result = isVoid ? "" : typeName(op.returns, op);
            const returns = op.async ? (isVoid ? " error" : ` (${result}, error)`) : isVoid ? "" : ` ${result}`;
            return {
              doc: doc(ctx, op, op.constraints, describeOperationTags(op)),
              name: methods.claim(makeIdentifier(op.name, { naming: GO_NAMING, style: "pascal", kind: "member" }), op.id),
              signature: `(${ps.join(", ")})${returns}`,
            };
          }),
        };
      }),
    );

    // Two groups, standard library first, each sorted by path: what gofmt and goimports keep.
    const stdViews = [...stdImports].sort(cmp).map((p) => ({ spec: `"${p}"` }));
    const localViews = [...imports.entries()]
      .map(([r, local]) => ({ path: importPath(r), local }))
      .sort((a, b) => cmp(a.path, b.path))
      .map((x) => ({ spec: `${x.local} ${quoteGoString(x.path)}` }));
    const importViews = [...stdViews, ...(stdViews.length && localViews.length ? [{ spec: "" }] : []), ...localViews];
    const fileName = fileNameOf.get(s.id)!;
    const header = inertGoComment(sanitizeCommentLines(describeHeader({ statementFiles: collectStatementFiles(ctx.index, collectSubsystemSources(s)) }), "slash-line"));
    const content = ctx.templates.render("file.go", {
      header,
      doc: doc(ctx, s, s.constraints, [`@subsystem ${s.path.join("/") || "(root)"}`]),
      package: pkgName(rep),
      hasImports: importViews.length > 0,
      imports: importViews,
      enums,
      structs,
      interfaces,
    });
    out.push({ path: ["go", ...(folders.get(rep) ?? []), `${fileName}.go`].join("/"), content, subsystem: s.id });
  }
  return out;
}

/** Go: a module with one package per subsystem (mutually dependent subsystems share one). */
export const goEmitter: Emitter = {
  name: "go",
  description: "Go interfaces (context.Context, (T, error) when async), structs with json tags, string enums (a module, a package per subsystem); passes go vet and go build",
  emit: emitGo,
  // Subsystems that refer to each other share one package, its names and its file names.
  slices: "connected",
};
