import { resolveTypeRef } from "./resolve-type-ref.js";
import type { Element, Field, Operation, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeElement, describeHeader, describeOperationTags } from "./describe-element.js";
import {
  makeIdentifier,
  NameScope,
  quoteJsString,
  sanitizeCommentLines,
  type LanguageNaming,
} from "./identifiers.js";
import { collectStatementFiles, collectSubsystemSources, planSubsystemFolders, relativePath } from "./model-index.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem } from "./emit-selection.js";

const JS_RESERVED = [
  // ECMAScript reserved words
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with",
  // strict mode and module code
  "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "await",
  "arguments", "eval",
];

/** TypeScript naming: parameters avoid JS reserved words; type names avoid TS's built-in type names. */
export const TYPESCRIPT_NAMING: LanguageNaming = {
  language: "typescript",
  reserved: {
    all: [],
    values: [...JS_RESERVED, "undefined", "NaN", "Infinity"],
    types: [
      ...JS_RESERVED,
      "any", "unknown", "never", "string", "number", "boolean", "bigint", "symbol", "object", "undefined",
      "type", "keyof", "infer", "is", "asserts", "readonly", "unique", "declare", "namespace", "module",
      "abstract", "as", "satisfies", "global", "require", "of", "get", "set", "out", "accessor",
      // globals the emitted code refers to: a local type of that name would shadow them
      "Promise", "Uint8Array", "Array", "ReadonlyArray",
    ],
  },
  reservedSuffix: "_",
  digitPrefix: "n",
};

/** A file of one target, with the declared names of each model type, for cross-file imports. */
interface Plan {
  folders: Map<string, string[]>;
  /** Element id -> exported name in its subsystem's file. */
  exported: Map<string, string>;
  /** Element id -> subsystem id. */
  home: Map<string, string>;
}

function declaredElements(s: Subsystem): { el: Element; kind: "enum" | "entity" | "event" | "interface" }[] {
  const list: { el: Element; kind: "enum" | "entity" | "event" | "interface" }[] = [
    ...s.enums.map((el) => ({ el, kind: "enum" as const })),
    ...s.entities.map((el) => ({ el, kind: "entity" as const })),
    ...s.events.map((el) => ({ el, kind: "event" as const })),
    ...s.components.flatMap((c) => c.interfaces.map((el) => ({ el, kind: "interface" as const }))),
  ];
  return list.sort((a, b) => (a.el.id < b.el.id ? -1 : a.el.id > b.el.id ? 1 : 0));
}

function planFiles(ctx: EmitContext): Plan {
  const folders = planSubsystemFolders({ index: ctx.index, naming: TYPESCRIPT_NAMING, style: "kebab", blocked: ["index"] });
  const exported = new Map<string, string>();
  const home = new Map<string, string>();
  for (const s of ctx.index.subsystems) {
    const scope = new NameScope({ blocked: TYPESCRIPT_NAMING.reserved.types });
    for (const { el } of declaredElements(s)) {
      exported.set(el.id, scope.claim(makeIdentifier(el.name, { naming: TYPESCRIPT_NAMING, style: "pascal", kind: "type" }), el.id));
      home.set(el.id, s.id);
    }
  }
  return { folders, exported, home };
}

function docView(ctx: EmitContext, element: Element, constraints?: readonly QualityConstraint[], tags?: readonly string[]) {
  const lines = sanitizeCommentLines(describeElement({ index: ctx.index, element, constraints, tags }), "jsdoc");
  return lines.length ? { lines } : null;
}

function emitSubsystem(ctx: EmitContext, plan: Plan, s: Subsystem): OutputFile | undefined {
  const decls = declaredElements(s);
  if (decls.length === 0) return undefined;
  const folder = plan.folders.get(s.id) ?? [];
  const scope = new NameScope({ blocked: TYPESCRIPT_NAMING.reserved.types });
  for (const { el } of decls) scope.claim(plan.exported.get(el.id) ?? el.name, el.id);

  // Imports: one per referenced subsystem file, names aliased when they clash with local ones.
  const imports = new Map<string, Map<string, string>>(); // subsystem id -> (element id -> local name)
  const typeName = (ref: TypeRef, at: Element): string => {
    switch (ref.kind) {
      case "primitive":
        switch (ref.name) {
          case "string":
          case "date":
          case "datetime":
          case "duration":
          case "uuid":
            return "string";
          case "integer":
          case "number":
            return "number";
          case "boolean":
            return "boolean";
          case "binary":
            return "Uint8Array";
          case "void":
            return "void";
          default:
            return "unknown";
        }
      case "list": {
        const inner = typeName(ref.of, at);
        return /^[A-Za-z0-9_]+$/.test(inner) ? `${inner}[]` : `Array<${inner}>`;
      }
      case "ref":
        return resolveTypeRef({ ctx, exported: plan.exported, subsystem: s, scope, imports, target: ref.target, at, unknown: "unknown" });
    }
  };

  const fieldView = (f: Field, members: NameScope) => ({
    doc: docView(ctx, f),
    name: members.claim(makeIdentifier(f.name, { naming: TYPESCRIPT_NAMING, style: "camel", kind: "member" }), f.id),
    optional: f.optional,
    type: typeName(f.type, f),
  });

  const enums = s.enums.map((e) => ({
    doc: docView(ctx, e),
    name: plan.exported.get(e.id),
    union: e.values.length ? [...new Set(e.values)].map(quoteJsString).join(" | ") : "never",
  }));
  const entities = s.entities.map((e) => {
    const members = new NameScope();
    return {
      doc: docView(ctx, e),
      name: plan.exported.get(e.id),
      members: [
        ...e.fields.map((f) => fieldView(f, members)),
        ...e.relations.map((r) => ({
          doc: docView(ctx, r, undefined, [`@relation ${r.cardinality} ${r.target}`]),
          name: members.claim(makeIdentifier(r.name, { naming: TYPESCRIPT_NAMING, style: "camel", kind: "member" }), r.id),
          optional: false,
          type: typeName(r.cardinality === "many" ? { kind: "list", of: { kind: "ref", target: r.target } } : { kind: "ref", target: r.target }, r),
        })),
      ],
    };
  });
  const events = s.events.map((e) => {
    const members = new NameScope();
    return { doc: docView(ctx, e), name: plan.exported.get(e.id), members: e.fields.map((f) => fieldView(f, members)) };
  });
  const operationView = (op: Operation, methods: NameScope) => {
    const params = new NameScope({ blocked: TYPESCRIPT_NAMING.reserved.values });
    const lastRequired = op.params.reduce((last, p, i) => (p.optional ? last : i), -1);
    const ps = op.params.map((p, i) => {
      const name = params.claim(makeIdentifier(p.name, { naming: TYPESCRIPT_NAMING, style: "camel", kind: "value" }), p.id);
      const type = typeName(p.type, p);
      // An optional parameter before a required one cannot use `?`: it takes `| undefined` instead.
      if (p.optional && i > lastRequired) return `${name}?: ${type}`;
      return p.optional ? `${name}: ${type} | undefined` : `${name}: ${type}`;
    });
    const result = typeName(op.returns, op);
    return {
      doc: docView(ctx, op, op.constraints, describeOperationTags(op)),
      name: methods.claim(makeIdentifier(op.name, { naming: TYPESCRIPT_NAMING, style: "camel", kind: "member" }), op.id),
      params: ps.join(", "),
      returns: op.async ? `Promise<${result}>` : result,
    };
  };
  const interfaces = s.components.flatMap((c) =>
    c.interfaces.map((i) => {
      const methods = new NameScope();
      return {
        doc: docView(ctx, i, [...c.constraints, ...i.constraints], [`@component ${c.name}`]),
        name: plan.exported.get(i.id),
        operations: i.operations.map((o) => operationView(o, methods)),
      };
    }),
  );

  const importViews = [...imports.entries()]
    .map(([sid, names]) => {
      const target = plan.folders.get(sid) ?? [];
      return {
        from: quoteJsString(relativePath(folder, [...target, "index.js"])),
        specifiers: [...names.entries()]
          .map(([id, local]) => {
            const exp = plan.exported.get(id) ?? local;
            return exp === local ? exp : `${exp} as ${local}`;
          })
          .sort()
          .join(", "),
      };
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  const header = sanitizeCommentLines(
    describeHeader({ statementFiles: collectStatementFiles(ctx.index, collectSubsystemSources(s)) }),
    "slash-line",
  );
  const content = ctx.templates.render("module.ts", {
    header,
    imports: importViews,
    subsystem: { name: s.name, doc: docView(ctx, s, s.constraints, [`@subsystem ${s.path.join("/") || "(root)"}`]) },
    enums,
    entities,
    events,
    interfaces,
  });
  return { path: ["typescript", ...folder, "index.ts"].join("/"), content };
}

/** TypeScript: interfaces, entity/event interfaces, string-literal union enums; one `index.ts` per subsystem. */
export const typescriptEmitter: Emitter = {
  name: "typescript",
  description: "TypeScript interfaces and type aliases (one index.ts per subsystem); compiles under tsc --strict",
  emit(ctx) {
    const plan = planFiles(ctx);
    return ctx.index.subsystems.filter((s) => rendersSubsystem(ctx, s.id)).flatMap((s) => {
      const file = emitSubsystem(ctx, plan, s);
      return file ? [{ ...file, subsystem: s.id }] : [];
    });
  },
};
