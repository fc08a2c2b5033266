import { resolveTypeRef } from "./resolve-type-ref.js";
import { cmp } from "../diagnostics.js";
import type { Element, Field, Operation, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeElement, describeHeader, describeOperationTags } from "./describe-element.js";
import {
  avoidWindowsReserved,
  makeIdentifier,
  NameScope,
  quotePythonString,
  sanitizeCommentLines,
  type LanguageNaming,
} from "./identifiers.js";
import { collectStatementFiles, collectSubsystemSources, planSubsystemFolders } from "./model-index.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem, rendersWholeModel } from "./emit-selection.js";

const PY_KEYWORDS = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/** Soft keywords: legal names, but avoided for parameters, modules and classes. */
const PY_SOFT_KEYWORDS = ["match", "case", "type", "_"];

/** Builtins a parameter, module or class must not shadow (flake8-builtins' rule, and fewer surprises). */
const PY_BUILTINS = [
  "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable",
  "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod",
  "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
  "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list",
  "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property",
  "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum",
  "super", "tuple", "vars", "zip", "__import__", "self", "cls", "Ellipsis", "NotImplemented",
];

/** Python naming: keywords everywhere; builtins avoided for values, members and modules. */
export const PYTHON_NAMING: LanguageNaming = {
  language: "python",
  reserved: {
    all: PY_KEYWORDS,
    values: [...PY_BUILTINS, ...PY_SOFT_KEYWORDS],
    types: [...PY_BUILTINS, ...PY_SOFT_KEYWORDS],
    // In a class body a field or method named like a builtin that annotations use would capture it.
    members: ["str", "int", "float", "bool", "bytes", "list", "object", "self", "cls"],
  },
  reservedSuffix: "_",
  digitPrefix: "n",
};

interface Plan {
  folders: Map<string, string[]>;
  exported: Map<string, string>;
  packageName: string;
}

function declaredElements(s: Subsystem): Element[] {
  return [...s.enums, ...s.entities, ...s.events, ...s.components.flatMap((c) => c.interfaces)].sort((a, b) => cmp(a.id, b.id));
}

function docLines(ctx: EmitContext, element: Element, constraints?: readonly QualityConstraint[], tags?: readonly string[]) {
  const lines = sanitizeCommentLines(describeElement({ index: ctx.index, element, constraints, tags }), "python-docstring");
  return lines.length ? lines : [sanitizeCommentLines([element.name], "python-docstring")[0] ?? ""];
}

function commentLines(ctx: EmitContext, element: Element, tags?: readonly string[]): string[] {
  return sanitizeCommentLines(describeElement({ index: ctx.index, element, tags }), "hash-line");
}

/** `from ..cart import` module path from package `from` to package `to` (segment arrays). */
function relativeModule(from: readonly string[], to: readonly string[]): string {
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  return ".".repeat(from.length - i + 1) + to.slice(i).join(".");
}

function emitPackage(ctx: EmitContext, plan: Plan, s: Subsystem): OutputFile {
  const folder = plan.folders.get(s.id) ?? [];
  const scope = new NameScope({ blocked: [...PY_KEYWORDS, ...PY_BUILTINS] });
  for (const el of declaredElements(s)) scope.claim(plan.exported.get(el.id) ?? el.name, el.id);
  const uses = new Set<string>();
  const imports = new Map<string, Map<string, string>>();

  const typeName = (ref: TypeRef, at: Element): string => {
    switch (ref.kind) {
      case "primitive":
        switch (ref.name) {
          case "string":
            return "str";
          case "integer":
            return "int";
          case "number":
            return "float";
          case "boolean":
            return "bool";
          case "date":
            uses.add("dt");
            return "_dt.date";
          case "datetime":
            uses.add("dt");
            return "_dt.datetime";
          case "duration":
            uses.add("dt");
            return "_dt.timedelta";
          case "uuid":
            uses.add("uuid");
            return "_uuid.UUID";
          case "binary":
            return "bytes";
          case "void":
            return "None";
          default:
            return "object";
        }
      case "list":
        return `list[${typeName(ref.of, at)}]`;
      case "ref":
        return resolveTypeRef({ ctx, exported: plan.exported, subsystem: s, scope, imports, target: ref.target, at, unknown: "object" });
    }
  };

  const memberName = (name: string, members: NameScope, key: string): string =>
    members.claim(makeIdentifier(name, { naming: PYTHON_NAMING, style: "snake", kind: "member" }), key);

  const fieldView = (f: Field, members: NameScope) => ({
    comment: commentLines(ctx, f),
    name: memberName(f.name, members, f.id),
    type: f.optional ? `${typeName(f.type, f)} | None` : typeName(f.type, f),
    default: f.optional ? " = None" : "",
  });

  const enums = s.enums.map((e) => {
    uses.add("enum");
    const members = new NameScope({ separator: "_" });
    const values = [...new Set(e.values)];
    return {
      doc: docLines(ctx, e),
      name: plan.exported.get(e.id),
      members: values.map((v) => ({
        name: members.claim(makeIdentifier(v, { naming: PYTHON_NAMING, style: "constant", kind: "value" })),
        value: quotePythonString(v),
      })),
    };
  });
  const dataclass = (e: { fields: Field[] }, extra: ReturnType<typeof fieldView>[] = []) => {
    uses.add("dc");
    const members = new NameScope({ separator: "_" });
    return [...e.fields.map((f) => fieldView(f, members)), ...extra.map((x) => ({ ...x, name: members.claim(x.name) }))];
  };
  const entities = s.entities.map((e) => ({
    doc: docLines(ctx, e),
    name: plan.exported.get(e.id),
    fields: dataclass(
      e,
      e.relations.map((r) => {
        const t = typeName({ kind: "ref", target: r.target }, r);
        return {
          comment: commentLines(ctx, r, [`@relation ${r.cardinality} ${r.target}`]),
          name: makeIdentifier(r.name, { naming: PYTHON_NAMING, style: "snake", kind: "member" }),
          type: r.cardinality === "many" ? `list[${t}]` : t,
          default: "",
        };
      }),
    ),
  }));
  const events = s.events.map((e) => ({ doc: docLines(ctx, e), name: plan.exported.get(e.id), fields: dataclass(e) }));

  const operationView = (op: Operation, methods: NameScope) => {
    const params = new NameScope({ separator: "_", blocked: ["self"] });
    const lastRequired = op.params.reduce((last, p, i) => (p.optional ? last : i), -1);
    const ps = op.params.map((p, i) => {
      const name = params.claim(makeIdentifier(p.name, { naming: PYTHON_NAMING, style: "snake", kind: "value" }), p.id);
      const type = typeName(p.type, p);
      if (!p.optional) return `${name}: ${type}`;
      // A parameter with a default cannot precede one without: such optionals take `| None` only.
      return i > lastRequired ? `${name}: ${type} | None = None` : `${name}: ${type} | None`;
    });
    return {
      doc: docLines(ctx, op, op.constraints, describeOperationTags(op)),
      name: memberName(op.name, methods, op.id),
      async: op.async,
      params: ["self", ...ps].join(", "),
      returns: typeName(op.returns, op),
    };
  };
  const interfaces = s.components.flatMap((c) =>
    c.interfaces.map((i) => {
      uses.add("abc");
      const methods = new NameScope({ separator: "_" });
      return {
        doc: docLines(ctx, i, [...c.constraints, ...i.constraints], [`@component ${c.name}`]),
        name: plan.exported.get(i.id),
        operations: i.operations.map((o) => operationView(o, methods)),
      };
    }),
  );

  const importViews = [...imports.entries()]
    .map(([sid, names]) => ({
      module: relativeModule(folder, plan.folders.get(sid) ?? []),
      names: [...names.entries()]
        .map(([id, local]) => {
          const exp = plan.exported.get(id) ?? local;
          return `${exp} as ${local}`; // explicit re-export form keeps mypy --strict (no implicit re-export) happy
        })
        .sort(cmp)
        .join(", "),
    }))
    .sort((a, b) => cmp(a.module, b.module));
  if (importViews.length) uses.add("t");

  const header = sanitizeCommentLines(
    describeHeader({ statementFiles: collectStatementFiles(ctx.index, collectSubsystemSources(s)) }),
    "hash-line",
  );
  const stdlib = [
    ["abc", "import abc as _abc"],
    ["dc", "import dataclasses as _dc"],
    ["dt", "import datetime as _dt"],
    ["enum", "import enum as _enum"],
    ["t", "import typing as _t"],
    ["uuid", "import uuid as _uuid"],
  ]
    .filter(([k]) => uses.has(k ?? ""))
    .map(([, line]) => line);
  const content = ctx.templates.render("package.py", {
    header,
    doc: docLines(ctx, s, s.constraints, [`@subsystem ${s.path.join("/") || "(root)"}`]),
    stdlib,
    imports: importViews,
    hasImports: importViews.length > 0,
    enums,
    entities,
    events,
    interfaces,
  });
  return { path: ["python", plan.packageName, ...folder, "__init__.py"].join("/"), content };
}

/**
 * Python: one package per subsystem (`python/<system>/<sub>/__init__.py`); interfaces as `abc.ABC`
 * classes with `@abstractmethod`s, entities and events as frozen dataclasses, enums as `enum.Enum`.
 * Cross-package references are imported under `TYPE_CHECKING` only, so import cycles between
 * subsystems cannot fail at run time. Passes `mypy --strict`.
 */
export const pythonEmitter: Emitter = {
  name: "python",
  description: "Python packages of abc.ABC interfaces, frozen dataclasses and enums; passes mypy --strict",
  emit(ctx) {
    const folders = planSubsystemFolders({ index: ctx.index, naming: PYTHON_NAMING, style: "snake" });
    const exported = new Map<string, string>();
    for (const s of ctx.index.subsystems) {
      const scope = new NameScope({ blocked: [...PY_KEYWORDS, ...PY_BUILTINS] });
      for (const el of declaredElements(s))
        exported.set(el.id, scope.claim(makeIdentifier(el.name, { naming: PYTHON_NAMING, style: "pascal", kind: "type" }), el.id));
    }
    // The package is a folder: `con` or `aux` would be a device name on Windows.
    const packageName = avoidWindowsReserved(makeIdentifier(ctx.model.system.name, { naming: PYTHON_NAMING, style: "snake", kind: "module" }));
    const plan: Plan = { folders, exported, packageName };
    const files: OutputFile[] = ctx.index.subsystems.filter((s) => rendersSubsystem(ctx, s.id)).map((s) => ({ ...emitPackage(ctx, plan, s), subsystem: s.id }));
    if (rendersWholeModel(ctx)) files.push({ path: `python/${packageName}/py.typed`, content: "" });
    return files;
  },
};
