import { CSHARP_NAMING } from "../../emitters/csharp.js";
import { makeIdentifier, quoteJsString, sanitizeCommentText } from "../../emitters/identifiers.js";
import { buildCaseViews, describeScaffold } from "../case-views.js";
import { bodyUntilLine, findDeclaration, joinPath, matchOperations } from "../read-contract.js";
import type { AdapterContext, LanguageAdapter } from "./adapter.js";

const METHOD = /^ {8}(?!\/\/\/)(\S.*?) (@?\w+)\((.*)\);$/gm;

/** JSON string escapes (\", \\, \n, \uXXXX) are all valid C# escapes. */
const quoteCs = quoteJsString;

/**
 * C#: `<source>/<Namespace path>/<Name>.cs` with `public class CartService : ICartService` in the
 * contract's namespace, every method throwing NotImplementedException; `<test>/.../<Name>Tests.cs`
 * is a plain console runner (NUnit and xUnit are not available offline and Mono's mcs builds it
 * as is): one static method per scenario, `Main` runs them and returns the number of failures.
 */
export const csharpAdapter: LanguageAdapter = {
  lang: "csharp",
  emitterTarget: "csharp",
  framework: "console runner (static Main; no test framework needed)",
  build(ctx: AdapterContext) {
    const { target } = ctx;
    const pascal = makeIdentifier(target.iface.name, { naming: CSHARP_NAMING, style: "pascal", kind: "type" });
    const base = /^I[A-Z]/.test(pascal) ? pascal : `I${pascal}`;
    const decl = findDeclaration({ files: ctx.contracts, target, base, pattern: /^ {4}public interface (\w+)$/gm, bodyAt: bodyUntilLine("    }") });
    if (!decl) {
      ctx.report({ code: "IMPLEMENT_CONTRACT_NOT_FOUND", severity: "error", message: `the C# contract of ${target.iface.id} was not found in the emitted files` });
      return [];
    }
    const ns = /^namespace ([\w.]+)$/m.exec(decl.file.content)?.[1] ?? "Contracts";
    const declared = new Set([...decl.file.content.matchAll(/^ {4}public (?:class|interface|enum) (\w+)/gm)].map((m) => m[1]!));
    let className = decl.name.startsWith("I") && decl.name.slice(1) === pascal.replace(/^I(?=[A-Z])/, "") && !/^I[A-Z]/.test(pascal) ? pascal : `${decl.name}Impl`;
    if (declared.has(className)) className = `${decl.name}Impl`;
    const found = [...decl.body.matchAll(METHOD)];
    const ops = matchOperations({
      names: found.map((m) => m[2]!.replace(/Async$/, "")),
      operations: target.iface.operations,
      identifier: (n) => makeIdentifier(n, { naming: CSHARP_NAMING, style: "pascal", kind: "member" }),
    });
    const methods = found.map((m, i) => ({ operation: ops[i], returns: m[1]!, name: m[2]!, params: m[3]! }));
    const folder = ns.split(".");
    const comment = (l: string) => sanitizeCommentText(l, "slash-line");
    const impl = ctx.templates.render("impl.cs", {
      header: describeScaffold(target, "Implementation scaffold").map(comment),
      namespace: ns,
      interfaceName: decl.name,
      className,
      methods: methods.map((m, i) => ({ ...m, first: i === 0, message: quoteCs(`not implemented: ${decl.name}.${m.name}`) })),
    });
    const methodOf = new Map(methods.flatMap((m) => (m.operation ? [[m.operation, m.name] as const] : [])));
    const cases = buildCaseViews({ cases: ctx.cases, naming: CSHARP_NAMING, style: "pascal", comment: "slash-line", quote: quoteCs, methodOf, className });
    const testClass = `${className}Tests`;
    const test = ctx.templates.render("test.cs", {
      header: describeScaffold(target, "Tests").map(comment),
      namespace: ns,
      interfaceName: decl.name,
      className,
      testClass,
      // "Main" and "Run" are taken by the runner itself.
      cases: cases.map((c) => (c.name === "Main" || c.name === "Run" ? { ...c, name: `${c.name}Case` } : c)),
    });
    return [
      { path: joinPath(ctx.sourceDir, ...folder, `${className}.cs`), content: impl },
      { path: joinPath(ctx.testDir, ...folder, `${testClass}.cs`), content: test },
    ];
  },
};
