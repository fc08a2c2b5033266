import { makeIdentifier, quoteJsString, sanitizeCommentText } from "../../emitters/identifiers.js";
import { JAVA_NAMING } from "../../emitters/java.js";
import { buildCaseViews, describeScaffold } from "../case-views.js";
import { bodyUntilLine, findDeclaration, joinPath, matchOperations } from "../read-contract.js";
import type { AdapterContext, LanguageAdapter } from "./adapter.js";

const METHOD = /^ {2}(?!\/\*\*| \*)(\S.*?) (\w+)\((.*)\);$/gm;

/**
 * A Java string literal. JSON's escapes are valid Java escapes; `\u` sequences that JSON writes
 * only stand for characters that are legal inside a literal (never a raw line break).
 */
const quoteJava = quoteJsString;

/**
 * Java: the class goes in the contract's package (`<source>/shop/cart/CartServiceImpl.java`), so
 * the contract's simple type names resolve without imports; `<test>/shop/cart/CartServiceTest.java`
 * is a JUnit 5 (Jupiter) test class: Debian's junit5 package and Maven Central both provide it.
 */
export const javaAdapter: LanguageAdapter = {
  lang: "java",
  emitterTarget: "java",
  framework: "JUnit 5 (Jupiter), or JUnit 4 when pom.xml or build.gradle uses it",
  build(ctx: AdapterContext) {
    const { target } = ctx;
    const base = makeIdentifier(target.iface.name, { naming: JAVA_NAMING, style: "pascal", kind: "type" });
    const decl = findDeclaration({ files: ctx.contracts, target, base, pattern: /^public interface (\w+) \{$/gm, bodyAt: bodyUntilLine("}") });
    if (!decl) {
      ctx.report({ code: "IMPLEMENT_CONTRACT_NOT_FOUND", severity: "error", message: `the Java contract of ${target.iface.id} was not found in the emitted files` });
      return [];
    }
    const pkg = /^package ([\w.]+);$/m.exec(decl.file.content)?.[1];
    const found = [...decl.body.matchAll(METHOD)];
    const ops = matchOperations({
      names: found.map((m) => m[2]!),
      operations: target.iface.operations,
      identifier: (n) => makeIdentifier(n, { naming: JAVA_NAMING, style: "camel", kind: "member" }),
    });
    const methods = found.map((m, i) => ({ operation: ops[i], returns: m[1]!, name: m[2]!, params: m[3]! }));
    const folder = pkg ? pkg.split(".") : [];
    const className = `${decl.name}Impl`;
    const testClass = `${decl.name}Test`;
    const comment = (l: string) => sanitizeCommentText(l, "javadoc");
    const impl = ctx.templates.render("impl.java", {
      header: describeScaffold(target, "Implementation scaffold").map(comment),
      package: pkg,
      interfaceName: decl.name,
      className,
      methods: methods.map((m) => ({ ...m, message: quoteJava(`not implemented: ${decl.name}.${m.name}`) })),
    });
    const methodOf = new Map(methods.flatMap((m) => (m.operation ? [[m.operation, m.name] as const] : [])));
    const cases = buildCaseViews({ cases: ctx.cases, naming: JAVA_NAMING, style: "camel", comment: "javadoc", quote: quoteJava, methodOf, className });
    const test = ctx.templates.render(ctx.testFramework === "junit4" ? "test-junit4.java" : "test.java", {
      header: describeScaffold(target, "Tests").map(comment),
      package: pkg,
      interfaceName: decl.name,
      className,
      testClass,
      cases,
    });
    return [
      { path: joinPath(ctx.sourceDir, ...folder, `${className}.java`), content: impl },
      { path: joinPath(ctx.testDir, ...folder, `${testClass}.java`), content: test },
    ];
  },
};
