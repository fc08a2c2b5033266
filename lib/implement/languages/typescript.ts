import { kebabCase } from "change-case";
import { quoteJsString, sanitizeCommentText } from "../../emitters/identifiers.js";
import { TYPESCRIPT_NAMING } from "../../emitters/typescript.js";
import { makeIdentifier } from "../../emitters/identifiers.js";
import { buildCaseViews, describeScaffold } from "../case-views.js";
import { bodyUntilLine, findDeclaration, identifiersIn, joinPath, matchOperations, relativeImport } from "../read-contract.js";
import type { ContractMethod } from "../types.js";
import type { AdapterContext, LanguageAdapter } from "./adapter.js";

const METHOD = /^ {2}([A-Za-z_$][\w$]*)\((.*)\): (.+);$/gm;

/** `../contracts/typescript/cart/index.ts` -> `../contracts/typescript/cart/index.js` (NodeNext ESM). */
const toJs = (p: string) => p.replace(/\.ts$/, ".js");

/**
 * What the test file imports and how it asserts, per framework. jest and vitest assert with
 * `expect`; node:test and mocha with `node:assert/strict`. Mocha's `describe`/`it` are its globals
 * (typed by @types/mocha); node:test's come from the module itself, so that test file needs
 * nothing but Node (`node --test`).
 */
const TS_TEST_STYLE: Record<string, { imports: string[]; expect: boolean }> = {
  "node:test": { imports: ['import assert from "node:assert/strict";', 'import { describe, it } from "node:test";'], expect: false },
  jest: { imports: ['import { describe, expect, it } from "@jest/globals";'], expect: true },
  vitest: { imports: ['import { describe, expect, it } from "vitest";'], expect: true },
  mocha: { imports: ['import assert from "node:assert/strict";'], expect: false },
};

/**
 * TypeScript: `<source>/<kebab-name>.ts` with `export class <Name>Impl implements <Name>` whose
 * methods throw; `<test>/<kebab-name>.test.ts` with one `it` per scenario, for node:test, jest,
 * vitest or mocha.
 */
export const typescriptAdapter: LanguageAdapter = {
  lang: "ts",
  emitterTarget: "typescript",
  framework: "node:test (built in), jest, vitest or mocha, as the repository's package.json says",
  build(ctx: AdapterContext) {
    const { target } = ctx;
    const base = makeIdentifier(target.iface.name, { naming: TYPESCRIPT_NAMING, style: "pascal", kind: "type" });
    const decl = findDeclaration({ files: ctx.contracts, target, base, pattern: /^export interface ([A-Za-z_$][\w$]*) \{$/gm, bodyAt: bodyUntilLine("}") });
    if (!decl) {
      ctx.report({ code: "IMPLEMENT_CONTRACT_NOT_FOUND", severity: "error", message: `the TypeScript contract of ${target.iface.id} was not found in the emitted files` });
      return [];
    }
    const contractPath = joinPath(ctx.contractsDir, decl.file.path);
    const found = [...decl.body.matchAll(METHOD)];
    const ops = matchOperations({
      names: found.map((m) => m[1]!),
      operations: target.iface.operations,
      identifier: (n) => makeIdentifier(n, { naming: TYPESCRIPT_NAMING, style: "camel", kind: "member" }),
    });
    const methods: ContractMethod[] = found.map((m, i) => ({
      ...(ops[i] ? { operation: ops[i] } : {}),
      name: m[1]!,
      params: m[2]!,
      returns: m[3]!,
      async: /^Promise</.test(m[3]!),
    }));
    const fileName = kebabCase(decl.name, { locale: false }) || "service";
    const implPath = joinPath(ctx.sourceDir, `${fileName}.ts`);
    const testPath = joinPath(ctx.testDir, `${fileName}.test.ts`);
    const className = `${decl.name}Impl`;

    // Type names the signatures use: declared in the contract module, or imported by it.
    const declared = new Set([...decl.file.content.matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!));
    const importedBy = new Map<string, { from: string; spec: string }>();
    for (const m of decl.file.content.matchAll(/^import type \{ (.+) \} from "(.+)";$/gm)) {
      const from = joinPath(decl.file.path.split("/").slice(0, -1).join("/"), m[2]!);
      for (const spec of m[1]!.split(",").map((s) => s.trim())) {
        const local = spec.split(/\s+as\s+/).pop()!;
        importedBy.set(local, { from: normalise(from), spec });
      }
    }
    const used = new Set(methods.flatMap((m) => identifiersIn(`${m.params} ${m.returns}`)));
    const fromContract = [decl.name, ...[...used].filter((n) => declared.has(n) && n !== decl.name).sort()];
    const groups = new Map<string, string[]>([[contractPath, fromContract]]);
    for (const n of [...used].sort()) {
      const imp = importedBy.get(n);
      if (!imp || declared.has(n)) continue;
      const path = joinPath(ctx.contractsDir, imp.from);
      groups.set(path, [...(groups.get(path) ?? []), imp.spec]);
    }
    const imports = [...groups.entries()]
      .map(([path, specs]) => ({ from: quoteJsString(toJs(relativeImport(implPath, path))), specifiers: specs.join(", ") }))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

    const methodOf = new Map(methods.flatMap((m) => (m.operation ? [[m.operation, m.name] as const] : [])));
    const header = describeScaffold(target, "Implementation scaffold").map((l) => sanitizeCommentText(l, "slash-line"));
    const impl = ctx.templates.render("impl.ts", {
      header,
      imports,
      doc: { lines: [`Implements {@link ${decl.name}}. Every method throws until it is written.`] },
      className,
      interfaceName: decl.name,
      methods: methods.map((m, i) => ({ ...m, first: i === 0, message: quoteJsString(`not implemented: ${decl.name}.${m.name}`) })),
    });
    const cases = buildCaseViews({ cases: ctx.cases, naming: TYPESCRIPT_NAMING, style: "camel", comment: "slash-line", quote: quoteJsString, methodOf, className });
    const style = TS_TEST_STYLE[ctx.testFramework] ?? TS_TEST_STYLE["node:test"]!;
    const test = ctx.templates.render("test.ts", {
      header: describeScaffold(target, "Tests").map((l) => sanitizeCommentText(l, "slash-line")),
      imports: style.imports,
      expect: style.expect,
      className,
      implFrom: quoteJsString(toJs(relativeImport(testPath, implPath))),
      suite: quoteJsString(decl.name),
      cases: cases.map((c, i) => ({ ...c, first: i === 0 })),
    });
    return [
      { path: implPath, content: impl },
      { path: testPath, content: test },
    ];
  },
};

/** Resolves `a/b/../c` to `a/c`. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}
