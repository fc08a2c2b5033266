import type { Element, Field, Operation, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeElement, describeHeader, describeOperationTags } from "./describe-element.js";
import { avoidWindowsReserved, makeIdentifier, NameScope, sanitizeCommentLines, WINDOWS_RESERVED_NAMES, type LanguageNaming } from "./identifiers.js";
import { collectElementSources, collectStatementFiles, collectSubsystemSources, planSubsystemFolders } from "./model-index.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem } from "./emit-selection.js";

const JAVA_KEYWORDS = [
  "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
  "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
  "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
  "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
  "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_",
  // restricted/contextual identifiers that break as type names, locals or in some positions
  "record", "var", "yield", "sealed", "permits", "non-sealed", "when", "exports", "module", "open", "opens",
  "provides", "requires", "to", "transitive", "uses", "with",
];

/**
 * Java 17 naming. Type names also avoid the java.lang types the contracts use by simple name;
 * members avoid Object's methods (a record component `hashCode` or an interface method `wait()`
 * does not compile).
 */
export const JAVA_NAMING: LanguageNaming = {
  language: "java",
  reserved: {
    all: JAVA_KEYWORDS,
    types: ["String", "Object", "Long", "Double", "Boolean", "Void", "Integer", "Byte", "Record", "Enum", "Override", "Deprecated", "FunctionalInterface", "Class", "java", "javax"],
    members: ["clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "equals"],
    caseInsensitive: false,
  },
  reservedSuffix: "_",
  digitPrefix: "n",
};

interface Plan {
  /** Subsystem id -> package name (`shop.billing`). */
  packages: Map<string, string>;
  /** Subsystem id -> folder segments under `java/`. */
  folders: Map<string, string[]>;
  /** Element id -> simple type name. */
  names: Map<string, string>;
}

function declared(s: Subsystem): Element[] {
  return [...s.enums, ...s.entities, ...s.events, ...s.components.flatMap((c) => c.interfaces)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function planJava(ctx: EmitContext): Plan {
  const root = ctx.index.subsystems[0];
  // The root package is a folder too: `con` would be a device name on Windows.
  const rootSeg = avoidWindowsReserved(makeIdentifier(root?.name || "contracts", { naming: JAVA_NAMING, style: "lower", kind: "module" }) || "contracts");
  const sub = planSubsystemFolders({ index: ctx.index, naming: JAVA_NAMING, style: "lower", blocked: ["java", "javax"] });
  const packages = new Map<string, string>();
  const folders = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const s of ctx.index.subsystems) {
    const segs = [rootSeg, ...(sub.get(s.id) ?? [])];
    folders.set(s.id, segs);
    packages.set(s.id, segs.join("."));
    // Case-insensitive: one file per type, and two files differing only in case collide on macOS/Windows.
    const scope = new NameScope({ caseInsensitive: true, blocked: [...(JAVA_NAMING.reserved.types ?? []), ...WINDOWS_RESERVED_NAMES] });
    for (const el of declared(s)) names.set(el.id, scope.claim(makeIdentifier(el.name, { naming: JAVA_NAMING, style: "pascal", kind: "type" }), el.id));
  }
  return { packages, folders, names };
}

function doc(ctx: EmitContext, element: Element, constraints?: readonly QualityConstraint[], tags?: readonly string[]) {
  const lines = sanitizeCommentLines(describeElement({ index: ctx.index, element, constraints, tags }), "javadoc");
  return lines.length ? { lines } : null;
}

function boxed(t: string): string {
  return ({ long: "Long", double: "Double", boolean: "Boolean", void: "Void" } as Record<string, string>)[t] ?? t;
}

function emitJava(ctx: EmitContext): OutputFile[] {
  const plan = planJava(ctx);
  const out: OutputFile[] = [];
  for (const s of ctx.index.subsystems) {
    if (!rendersSubsystem(ctx, s.id)) continue;
    const pkg = plan.packages.get(s.id)!;
    const folder = plan.folders.get(s.id)!;
    // One type per file: the header names the statement files of that type (and what its file
    // quotes), not of the whole package, which made every file of a large package repeat them all.
    const headerOf = (sources: readonly string[]) => sanitizeCommentLines(describeHeader({ statementFiles: collectStatementFiles(ctx.index, sources) }), "javadoc");
    const header = (el: Element, extra: readonly Element[] = []) => headerOf(collectElementSources(el, extra));

    const typeName = (ref: TypeRef, at: Element, inGeneric: boolean): string => {
      switch (ref.kind) {
        case "primitive": {
          const t = (
            {
              string: "String",
              integer: "long",
              number: "double",
              boolean: "boolean",
              date: "java.time.LocalDate",
              datetime: "java.time.OffsetDateTime",
              duration: "java.time.Duration",
              uuid: "java.util.UUID",
              binary: "byte[]",
              unknown: "Object",
              void: "void",
            } as const
          )[ref.name];
          return inGeneric ? boxed(t) : t;
        }
        case "list":
          return `java.util.List<${typeName(ref.of, at, true)}>`;
        case "ref": {
          const target = ctx.index.types.get(ref.target);
          const name = plan.names.get(ref.target);
          if (!target || !name) {
            ctx.report({ code: "EMIT_UNRESOLVED_TYPE", severity: "warning", message: `${at.id} refers to unknown type ${JSON.stringify(ref.target)}; emitted as Object`, statement: at.sources[0] });
            return "Object";
          }
          return target.subsystem.id === s.id ? name : `${plan.packages.get(target.subsystem.id)}.${name}`;
        }
      }
    };
    // `void` is only a return type in Java: a field or parameter of the model's void type is `Void`.
    const fieldType = (f: { type: TypeRef; optional: boolean }, at: Element): string => {
      const t = typeName(f.type, at, f.optional);
      return t === "void" ? "Void" : t;
    };
    const member = (scope: NameScope, el: Element, style: "camel" | "constant" = "camel"): string =>
      scope.claim(makeIdentifier(el.name, { naming: JAVA_NAMING, style, kind: "member" }), el.id);

    const file = (el: Element, view: object, extra: readonly Element[] = []): void => {
      const name = plan.names.get(el.id)!;
      out.push({ path: ["java", ...folder, `${name}.java`].join("/"), content: ctx.templates.render("type.java", { header: header(el, extra), package: pkg, ...view }), subsystem: s.id });
    };
    const components = (fields: readonly Field[], relations: readonly { el: Element; type: TypeRef }[]) => {
      const scope = new NameScope({ blocked: [...JAVA_NAMING.reserved.all, ...(JAVA_NAMING.reserved.members ?? [])] });
      const list = [
        ...fields.map((f) => ({ doc: doc(ctx, f), name: member(scope, f), type: fieldType(f, f) })),
        ...relations.map((r) => ({ doc: doc(ctx, r.el), name: member(scope, r.el), type: typeName(r.type, r.el, false) })),
      ];
      return list.map((c, i) => ({ ...c, comma: i < list.length - 1 }));
    };

    for (const e of s.enums) {
      const scope = new NameScope({ separator: "_", blocked: JAVA_NAMING.reserved.all });
      const values = e.values.map((v, i) => ({
        doc: { lines: sanitizeCommentLines([`Value ${JSON.stringify(v)}.`], "javadoc") },
        name: scope.claim(makeIdentifier(v, { naming: JAVA_NAMING, style: "constant", kind: "member" }), `${i}`),
      }));
      file(e, { enum: { doc: doc(ctx, e), name: plan.names.get(e.id), values: values.map((v, i) => ({ ...v, comma: i < values.length - 1 })) } });
    }
    for (const e of s.entities) {
      const rels = e.relations.map((r) => ({
        el: r as Element,
        type: (r.cardinality === "many" ? { kind: "list", of: { kind: "ref", target: r.target } } : { kind: "ref", target: r.target }) as TypeRef,
      }));
      file(e, { record: { doc: doc(ctx, e, undefined, e.relations.map((r) => `@relation ${r.name} ${r.cardinality} ${r.target}`)), name: plan.names.get(e.id), components: components(e.fields, rels) } });
    }
    for (const e of s.events) {
      file(e, { record: { doc: doc(ctx, e, undefined, ["@event"]), name: plan.names.get(e.id), components: components(e.fields, []) } });
    }
    for (const c of s.components) {
      for (const i of c.interfaces) {
        const methods = new NameScope({ blocked: [...JAVA_NAMING.reserved.all, ...(JAVA_NAMING.reserved.members ?? [])] });
        const operations = i.operations.map((op: Operation) => {
          const params = new NameScope({ blocked: JAVA_NAMING.reserved.all });
          const ps = op.params.map((p) => `${fieldType(p, p)} ${params.claim(makeIdentifier(p.name, { naming: JAVA_NAMING, style: "camel", kind: "value" }), p.id)}`);
          const result = typeName(op.returns, op, op.async);
          return {
            doc: doc(ctx, op, op.constraints, describeOperationTags(op)),
            name: member(methods, op),
            params: ps.join(", "),
            returns: op.async ? `java.util.concurrent.CompletableFuture<${result}>` : result,
          };
        });
        file(i, { interface: { doc: doc(ctx, i, [...c.constraints, ...i.constraints], [`@component ${c.name}`]), name: plan.names.get(i.id), operations } }, c.constraints);
      }
    }
    if (s.constraints.length || s.id === ctx.index.subsystems[0]?.id) {
      // package-info.java carries the subsystem's own doc and constraints.
      out.push({
        path: ["java", ...folder, "package-info.java"].join("/"),
        content: ctx.templates.render("package-info.java", { header: headerOf([...s.sources, ...s.constraints.flatMap((c) => c.sources)]), package: pkg, doc: doc(ctx, s, s.constraints, [`@subsystem ${s.path.join("/") || "(root)"}`]) }),
        subsystem: s.id,
      });
    }
  }
  return out;
}

/** Java 17: one public type per file; interfaces (async -> CompletableFuture), records, enums. */
export const javaEmitter: Emitter = {
  name: "java",
  description: "Java 17 interfaces, records and enums (one public type per file, a package per subsystem); compiles with javac",
  emit: emitJava,
};
