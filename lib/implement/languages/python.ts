import { makeIdentifier, quotePythonString, sanitizeCommentText } from "../../emitters/identifiers.js";
import { PYTHON_NAMING } from "../../emitters/python.js";
import { buildCaseViews, describeScaffold } from "../case-views.js";
import { findDeclaration, identifiersIn, joinPath, matchOperations } from "../read-contract.js";
import type { ContractMethod } from "../types.js";
import type { AdapterContext, LanguageAdapter } from "./adapter.js";

const METHOD = /^ {4}(async )?def (\w+)\(self(?:, )?(.*)\) -> (.+):$/gm;

/** `python/shop/cart/__init__.py` -> `shop.cart`. */
function moduleOf(path: string): string {
  return path.replace(/^python\//, "").replace(/\/__init__\.py$|\.py$/, "").split("/").join(".");
}

/** `from ..catalog import X` inside package `shop.cart` -> `shop.catalog`. */
function absoluteModule(pkg: string, relative: string): string {
  const dots = /^\.*/.exec(relative)![0].length;
  if (dots === 0) return relative;
  const parts = pkg.split(".");
  const base = parts.slice(0, parts.length - (dots - 1));
  const rest = relative.slice(dots);
  return [...base, ...(rest ? rest.split(".") : [])].join(".");
}

/** The class body: indented lines (and blank lines) after `class X(...):`. */
function classBody(text: string, at: number): string {
  const rest = text.slice(at);
  const end = rest.search(/^\S/m);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * Python: `<source>/<snake_name>.py` with `class <Name>Impl(<Name>)` whose methods raise
 * NotImplementedError; `<test>/test_<snake_name>.py` with unittest cases (pytest runs them too).
 * Imports are absolute (`from shop.cart import CartService`): put the contracts folder
 * (`contracts/python`) and the source folder on the module path (PYTHONPATH / mypy_path).
 */
export const pythonAdapter: LanguageAdapter = {
  lang: "python",
  emitterTarget: "python",
  framework: "unittest (built in) or pytest, as pyproject.toml, pytest.ini, setup.cfg, tox.ini or requirements say",
  build(ctx: AdapterContext) {
    const { target } = ctx;
    const base = makeIdentifier(target.iface.name, { naming: PYTHON_NAMING, style: "pascal", kind: "type" });
    const decl = findDeclaration({ files: ctx.contracts, target, base, pattern: /^class (\w+)\(_abc\.ABC\):$/gm, bodyAt: classBody });
    if (!decl) {
      ctx.report({ code: "IMPLEMENT_CONTRACT_NOT_FOUND", severity: "error", message: `the Python contract of ${target.iface.id} was not found in the emitted files` });
      return [];
    }
    const pkg = moduleOf(decl.file.path);
    const found = [...decl.body.matchAll(METHOD)];
    const ops = matchOperations({
      names: found.map((m) => m[2]!),
      operations: target.iface.operations,
      identifier: (n) => makeIdentifier(n, { naming: PYTHON_NAMING, style: "snake", kind: "member" }),
    });
    const methods: ContractMethod[] = found.map((m, i) => ({
      ...(ops[i] ? { operation: ops[i] } : {}),
      name: m[2]!,
      params: m[3] ? `self, ${m[3]}` : "self",
      returns: m[4]!,
      async: Boolean(m[1]),
    }));
    const used = new Set(methods.flatMap((m) => identifiersIn(`${m.params} ${m.returns}`)));
    const content = decl.file.content;
    const stdlib = [...content.matchAll(/^import ([\w.]+) as (\w+)$/gm)].filter((m) => used.has(m[2]!) && m[2] !== "_t").map((m) => m[0]);
    const declared = new Set([...content.matchAll(/^class (\w+)/gm)].map((m) => m[1]!));
    const typeImports = new Map<string, string[]>();
    const add = (module: string, spec: string) => typeImports.set(module, [...(typeImports.get(module) ?? []), spec]);
    for (const n of [...used].sort()) if (declared.has(n) && n !== decl.name) add(pkg, n);
    for (const m of content.matchAll(/^ {4}from ([.\w]+) import (.+)$/gm)) {
      for (const spec of m[2]!.split(",").map((s) => s.trim())) {
        const local = spec.split(/\s+as\s+/).pop()!;
        if (used.has(local) && !declared.has(local)) add(absoluteModule(pkg, m[1]!), spec);
      }
    }
    const fileBase = makeIdentifier(decl.name, { naming: PYTHON_NAMING, style: "snake", kind: "module" });
    const implPath = joinPath(ctx.sourceDir, `${fileBase}.py`);
    const testPath = joinPath(ctx.testDir, `test_${fileBase}.py`);
    const className = `${decl.name}Impl`;
    const methodOf = new Map(methods.flatMap((m) => (m.operation ? [[m.operation, m.name] as const] : [])));
    const impl = ctx.templates.render("impl.py", {
      header: describeScaffold(target, "Implementation scaffold").map((l) => sanitizeCommentText(l, "hash-line")),
      interfaceName: decl.name,
      className,
      contractModule: pkg,
      stdlib,
      hasTypeImports: typeImports.size > 0,
      typeImports: [...typeImports.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([module, names]) => ({ module, names: names.join(", ") })),
      methods: methods.map((m, i) => ({ ...m, first: i === 0, message: quotePythonString(`not implemented: ${decl.name}.${m.name}`) })),
    });
    const cases = buildCaseViews({ cases: ctx.cases, naming: PYTHON_NAMING, style: "snake", prefix: "test", comment: "hash-line", quote: quotePythonString, methodOf, className });
    // pytest: plain test functions with `assert`; unittest: a TestCase class (pytest runs that too).
    const test = ctx.templates.render(ctx.testFramework === "pytest" ? "test-pytest.py" : "test.py", {
      header: describeScaffold(target, "Tests").map((l) => sanitizeCommentText(l, "hash-line")),
      interfaceName: decl.name,
      className,
      implModule: fileBase,
      testClass: `Test${decl.name}`,
      cases: cases.map((c, i) => ({ ...c, first: i === 0 })),
    });
    return [
      { path: implPath, content: impl },
      { path: testPath, content: test },
    ];
  },
};
