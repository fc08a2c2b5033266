import { cmp } from "../diagnostics.js";
import type { Element, Field, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeElement, describeHeader, describeOperationTags } from "./describe-element.js";
import { makeIdentifier, NameScope, sanitizeCommentLines, type LanguageNaming } from "./identifiers.js";
import { collectStatementFiles, collectSubsystemSources, planSubsystemFolders } from "./model-index.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem } from "./emit-selection.js";

const CSHARP_KEYWORDS = [
  "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
  "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
  "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
  "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
  "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
  "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint",
  "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
];
/** Contextual keywords: legal as parameter names but confusing (`var`, `value`) or special (`_`). */
const CSHARP_CONTEXTUAL = ["var", "dynamic", "value", "async", "await", "nameof", "yield", "when", "where", "global", "_"];

/**
 * Types the contracts name through `using` directives: a model type of the same name in any
 * namespace (or a namespace segment of that name) would win the lookup, so they are blocked.
 */
const CSHARP_USED_TYPES = ["System", "Microsoft", "Mono", "Task", "IList", "DateTime", "DateTimeOffset", "TimeSpan", "Guid", "Collections", "Generic", "Threading", "Tasks"];
const OBJECT_MEMBERS = ["Equals", "GetHashCode", "GetType", "ToString", "Finalize", "MemberwiseClone", "ReferenceEquals"];

/**
 * C# naming: parameters that hit a keyword become verbatim identifiers (`@class`); Pascal names
 * never meet a keyword; type and namespace names avoid the framework types the contracts use.
 */
export const CSHARP_NAMING: LanguageNaming = {
  language: "csharp",
  reserved: { all: [], types: CSHARP_USED_TYPES, members: OBJECT_MEMBERS, values: CSHARP_USED_TYPES },
  reservedSuffix: "_",
  digitPrefix: "n",
};

/** A parameter name: camel case, `@`-prefixed when it is a keyword. */
function paramName(scope: NameScope, name: string, key: string): string {
  const id = makeIdentifier(name, { naming: CSHARP_NAMING, style: "camel", kind: "value" });
  if (CSHARP_KEYWORDS.includes(id)) return scope.claim(`@${id}`, key);
  return scope.claim(CSHARP_CONTEXTUAL.includes(id) ? `${id}_` : id, key);
}

/** Text for an XML doc comment: one line, no markup. */
function xmlText(lines: readonly string[]): string[] {
  return lines.map((l) => l.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}

function doc(ctx: EmitContext, element: Element, constraints?: readonly QualityConstraint[], tags?: readonly string[]) {
  const lines = xmlText(sanitizeCommentLines(describeElement({ index: ctx.index, element, constraints, tags }), "slash-line"));
  return lines.length ? { lines } : null;
}

function declared(s: Subsystem): Element[] {
  return [...s.enums, ...s.entities, ...s.events, ...s.components.flatMap((c) => c.interfaces)].sort((a, b) => cmp(a.id, b.id));
}

const VALUE_TYPES = new Set(["long", "double", "bool", "DateTime", "DateTimeOffset", "TimeSpan", "Guid"]);

function emitCsharp(ctx: EmitContext): OutputFile[] {
  const root = ctx.index.subsystems[0];
  if (!root) return [];
  const rootNs = makeIdentifier(root.name || "Contracts", { naming: CSHARP_NAMING, style: "pascal", kind: "type" });
  const folders = planSubsystemFolders({ index: ctx.index, naming: CSHARP_NAMING, style: "pascal", blocked: [...CSHARP_USED_TYPES, rootNs] });
  const namespaces = new Map(ctx.index.subsystems.map((s) => [s.id, [rootNs, ...(folders.get(s.id) ?? [])].join(".")]));
  const names = new Map<string, string>();
  const enumIds = new Set<string>();
  for (const s of ctx.index.subsystems) {
    // A type may not share its name with a child namespace (CS0101).
    const children = s.subsystems.map((c) => (folders.get(c.id) ?? []).slice(-1)[0] ?? "");
    const scope = new NameScope({ blocked: [...CSHARP_USED_TYPES, ...children] });
    const interfaces = new Set(s.components.flatMap((c) => c.interfaces.map((i) => i.id)));
    for (const el of declared(s)) {
      let base = makeIdentifier(el.name, { naming: CSHARP_NAMING, style: "pascal", kind: "type" });
      if (interfaces.has(el.id) && !/^I[A-Z]/.test(base)) base = `I${base}`;
      names.set(el.id, scope.claim(base, el.id));
    }
    for (const e of s.enums) enumIds.add(e.id);
  }

  const out: OutputFile[] = [];
  for (const s of ctx.index.subsystems) {
    if (!rendersSubsystem(ctx, s.id)) continue;
    const ns = namespaces.get(s.id)!;
    const typeName = (ref: TypeRef, at: Element): string => {
      switch (ref.kind) {
        case "primitive":
          return (
            {
              string: "string",
              integer: "long",
              number: "double",
              boolean: "bool",
              date: "DateTime",
              datetime: "DateTimeOffset",
              duration: "TimeSpan",
              uuid: "Guid",
              binary: "byte[]",
              unknown: "object",
              void: "void",
            } as const
          )[ref.name];
        case "list": {
          const inner = typeName(ref.of, at);
          return `IList<${inner === "void" ? "object" : inner}>`;
        }
        case "ref": {
          const target = ctx.index.types.get(ref.target);
          const name = names.get(ref.target);
          if (!target || !name) {
            ctx.report({ code: "EMIT_UNRESOLVED_TYPE", severity: "warning", message: `${at.id} refers to unknown type ${JSON.stringify(ref.target)}; emitted as object`, statement: at.sources[0] });
            return "object";
          }
          return target.subsystem.id === s.id ? name : `global::${namespaces.get(target.subsystem.id)}.${name}`;
        }
      }
    };
    /** Type of a property or parameter (`void` is only a return type in C#). */
    const optionalType = (t: TypeRef, optional: boolean, at: Element): string => {
      const named = typeName(t, at);
      const ty = named === "void" ? "object" : named;
      const isValue = VALUE_TYPES.has(ty) || (t.kind === "ref" && enumIds.has(t.target));
      return optional && isValue ? `${ty}?` : ty;
    };
    const properties = (owner: string, fields: readonly Field[], relations: readonly { el: Element; target: string; many: boolean }[]) => {
      const scope = new NameScope({ blocked: [owner, ...OBJECT_MEMBERS] });
      const member = (el: Element): string => scope.claim(makeIdentifier(el.name, { naming: CSHARP_NAMING, style: "pascal", kind: "member" }), el.id);
      return [
        ...fields.map((f) => ({ doc: doc(ctx, f), name: member(f), type: optionalType(f.type, f.optional, f) })),
        ...relations.map((r) => ({
          doc: doc(ctx, r.el),
          name: member(r.el),
          type: typeName(r.many ? { kind: "list", of: { kind: "ref", target: r.target } } : { kind: "ref", target: r.target }, r.el),
        })),
      ];
    };

    const enums = s.enums.map((e) => {
      const name = names.get(e.id)!;
      const scope = new NameScope({ blocked: [name, "value__"] });
      return {
        doc: doc(ctx, e),
        name,
        values: e.values.map((v, i) => ({
          doc: { lines: xmlText(sanitizeCommentLines([`Value ${JSON.stringify(v)}.`], "slash-line")) },
          name: scope.claim(makeIdentifier(v, { naming: CSHARP_NAMING, style: "pascal", kind: "member" }), `${i}`),
          comma: i < e.values.length - 1,
        })),
      };
    });
    const classes = [
      ...s.entities.map((e) => ({
        id: e.id,
        doc: doc(ctx, e, undefined, e.relations.map((r) => `@relation ${r.name} ${r.cardinality} ${r.target}`)),
        name: names.get(e.id),
        properties: properties(names.get(e.id)!, e.fields, e.relations.map((r) => ({ el: r, target: r.target, many: r.cardinality === "many" }))),
      })),
      ...s.events.map((e) => ({ id: e.id, doc: doc(ctx, e, undefined, ["@event"]), name: names.get(e.id), properties: properties(names.get(e.id)!, e.fields, []) })),
    ].sort((a, b) => cmp(a.id, b.id));
    const interfaces = s.components.flatMap((c) =>
      c.interfaces.map((i) => {
        const name = names.get(i.id)!;
        const methods = new NameScope({ blocked: [name, ...OBJECT_MEMBERS] });
        return {
          doc: doc(ctx, i, [...c.constraints, ...i.constraints], [`@component ${c.name}`]),
          name,
          methods: i.operations.map((op) => {
            const params = new NameScope();
            const ps = op.params.map((p) => `${optionalType(p.type, p.optional, p)} ${paramName(params, p.name, p.id)}`);
            const result = typeName(op.returns, op);
            const base = makeIdentifier(op.name, { naming: CSHARP_NAMING, style: "pascal", kind: "member" });
            return {
              doc: doc(ctx, op, op.constraints, describeOperationTags(op)),
              name: methods.claim(op.async ? `${base}Async` : base, op.id),
              params: ps.join(", "),
              returns: op.async ? (result === "void" ? "Task" : `Task<${result}>`) : result,
            };
          }),
        };
      }),
    );

    const header = sanitizeCommentLines(describeHeader({ statementFiles: collectStatementFiles(ctx.index, collectSubsystemSources(s)) }), "slash-line");
    const content = ctx.templates.render("namespace.cs", {
      header,
      namespace: ns,
      // A namespace takes no XML doc: its lines go into a plain `//` comment, unescaped.
      namespaceDoc: sanitizeCommentLines(describeElement({ index: ctx.index, element: s, constraints: s.constraints, tags: [`@subsystem ${s.path.join("/") || "(root)"}`] }), "slash-line"),
      enums,
      classes,
      interfaces,
    });
    out.push({ path: ["csharp", ...(folders.get(s.id) ?? []), "Contracts.cs"].join("/"), content, subsystem: s.id });
  }
  return out;
}

/** C#: interfaces (Task for async), classes with auto-properties, enums; a namespace per subsystem. */
export const csharpEmitter: Emitter = {
  name: "csharp",
  description: "C# interfaces, classes with auto-properties and enums (a namespace per subsystem, the C# Mono's mcs compiles)",
  emit: emitCsharp,
};
