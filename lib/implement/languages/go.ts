import { GO_NAMING, quoteGoString } from "../../emitters/go.js";
import { makeIdentifier, sanitizeCommentText } from "../../emitters/identifiers.js";
import { buildCaseViews, describeScaffold } from "../case-views.js";
import { bodyUntilLine, findDeclaration, joinPath, matchOperations, splitParams } from "../read-contract.js";
import type { AdapterContext, LanguageAdapter } from "./adapter.js";

const METHOD = /^\t(\w+)\((.*?)\)(?: (\(.*\)|[^\s(].*))?$/gm;

/**
 * Go: a package `<source>/<name>/` holding `<name>.go` (`type CartServiceImpl struct{}` with a
 * compile-time check `var _ cart.CartService = (*CartServiceImpl)(nil)`; methods return
 * `errors.New("not implemented: ...")` with zero values, or panic when they return no error) and
 * `<name>_test.go` beside it: Go keeps tests in the package folder, so the configured test folder
 * is not used. The contracts module (`contracts/go/go.mod`) is required with a `replace` to its folder.
 */
export const goAdapter: LanguageAdapter = {
  lang: "go",
  emitterTarget: "go",
  framework: "testing (go test)",
  build(ctx: AdapterContext) {
    const { target } = ctx;
    const base = makeIdentifier(target.iface.name, { naming: GO_NAMING, style: "pascal", kind: "type" });
    const decl = findDeclaration({ files: ctx.contracts, target, base, pattern: /^type (\w+) interface \{$/gm, bodyAt: bodyUntilLine("}") });
    const mod = ctx.contracts.find((f) => f.path === "go/go.mod");
    const modulePath = mod && /^module (\S+)$/m.exec(mod.content)?.[1];
    if (!decl || !modulePath) {
      ctx.report({ code: "IMPLEMENT_CONTRACT_NOT_FOUND", severity: "error", message: `the Go contract of ${target.iface.id} was not found in the emitted files` });
      return [];
    }
    const content = decl.file.content;
    const alias = /^package (\w+)$/m.exec(content)?.[1] ?? "contracts";
    const dir = decl.file.path.split("/").slice(1, -1).join("/");
    const importPath = dir ? `${modulePath}/${dir}` : modulePath;
    // A Go package may span several files (mutually dependent subsystems share one package).
    const packageFiles = ctx.contracts.filter((f) => f.path.endsWith(".go") && f.path.split("/").slice(1, -1).join("/") === dir);
    const declared = new Set(packageFiles.flatMap((f) => [...f.content.matchAll(/^type (\w+) /gm)].map((m) => m[1]!)));
    // The package files' own imports, by the name they are used with.
    const importLines = new Map<string, string>();
    for (const f of packageFiles) for (const m of f.content.matchAll(/^\t(?:(\w+) )?"([^"]+)"$/gm)) importLines.set(m[1] ?? m[2]!.split("/").pop()!, m[0].trim());
    const used = new Set<string>([`${alias} "${importPath}"`]);
    // Local type names of the contract package need its qualifier here.
    const qualify = (code: string) =>
      code.replace(/(?<![.\w])([A-Z]\w*)\b/g, (name: string) => (declared.has(name) ? `${alias}.${name}` : name)).replace(/\b(\w+)\.(?=[A-Z])/g, (q: string, a: string) => {
        const line = importLines.get(a);
        if (line) used.add(line);
        return q;
      });
    let needsErrors = false;
    const found = [...decl.body.matchAll(METHOD)];
    const ops = matchOperations({
      names: found.map((m) => m[1]!),
      operations: target.iface.operations,
      identifier: (n) => makeIdentifier(n, { naming: GO_NAMING, style: "pascal", kind: "member" }),
    });
    const methods = found.map((m, i) => {
      const params = qualify(m[2]!);
      const resultsText = m[3] ? qualify(m[3]) : "";
      const inner = resultsText.replace(/^\(|\)$/g, "");
      const list = inner ? splitParams(inner) : [];
      const message = quoteGoString(`not implemented: ${decl.name}.${m[1]}`);
      // Parameter names shadow packages inside the body (a parameter may be called like an
      // imported package), so the body names nothing but its own results and, when free, errors.
      const paramNames = new Set(splitParams(params).map((p) => p.split(/\s+/)[0]!));
      let results = resultsText ? ` ${resultsText}` : "";
      let body = `panic(${message})`;
      if (!paramNames.has("errors") && list.length >= 1 && list[list.length - 1] === "error" && list.every((t) => !/\s/.test(t))) {
        needsErrors = true;
        if (list.length === 1) body = `return errors.New(${message})`;
        else {
          // Named results start at their zero values: `return r0, errors.New(...)` needs no type in the body.
          const names: string[] = [];
          for (let k = 0; k < list.length - 1; k++) {
            let n = `zero${k === 0 ? "" : k}`;
            while (paramNames.has(n)) n += "_";
            names.push(n);
          }
          let errName = "err";
          while (paramNames.has(errName) || names.includes(errName)) errName += "_";
          results = ` (${list.slice(0, -1).map((t, k) => `${names[k]} ${t}`).join(", ")}, ${errName} error)`;
          body = `return ${names.join(", ")}, errors.New(${message})`;
        }
      }
      return { operation: ops[i], name: m[1]!, params, results, body };
    });
    // "context" and friends: the contract imports them unaliased; add those its signatures use.
    for (const m of methods) for (const q of `${m.params} ${m.results}`.matchAll(/\b([a-z]\w*)\.[A-Z]/g)) {
      const line = importLines.get(q[1]!);
      if (line) used.add(line);
    }
    if (needsErrors) used.add('"errors"');
    const imports = [...used].sort((a, b) => {
      const pa = a.replace(/^\w+ /, "");
      const pb = b.replace(/^\w+ /, "");
      return pa < pb ? -1 : pa > pb ? 1 : 0;
    });
    const pkg = makeIdentifier(decl.name, { naming: GO_NAMING, style: "lower", kind: "module" });
    const fileBase = makeIdentifier(decl.name, { naming: GO_NAMING, style: "snake", kind: "module" });
    const className = `${decl.name}Impl`;
    const comment = (l: string) => sanitizeCommentText(l, "slash-line").replace(/^(\s*)(\+build|go:build)/, "$1\\$2");
    const impl = ctx.templates.render("impl.go", {
      header: describeScaffold(target, "Implementation scaffold").map(comment),
      package: pkg,
      imports,
      className,
      contractAlias: alias,
      interfaceName: decl.name,
      methods,
    });
    const methodOf = new Map(methods.flatMap((m) => (m.operation ? [[m.operation, m.name] as const] : [])));
    const cases = buildCaseViews({ cases: ctx.cases, naming: GO_NAMING, style: "pascal", prefix: "test", comment: "slash-line", quote: quoteGoString, methodOf, className });
    const test = ctx.templates.render("test.go", {
      header: describeScaffold(target, "Tests").map(comment),
      package: pkg,
      className,
      cases: cases.map((c) => ({ ...c, comments: c.comments.map((l) => l.replace(/^(\s*)(\+build|go:build)/, "$1\\$2")) })),
    });
    return [
      { path: joinPath(ctx.sourceDir, pkg, `${fileBase}.go`), content: impl },
      { path: joinPath(ctx.sourceDir, pkg, `${fileBase}_test.go`), content: test },
    ];
  },
};
