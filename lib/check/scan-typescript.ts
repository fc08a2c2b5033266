import { createRequire } from "node:module";
import type TypeScript from "typescript";
import type { Finding } from "./n1-codes.js";

let loaded: typeof TypeScript | undefined;

/**
 * The compiler is loaded on the first TypeScript file, not when penult starts: it is the largest
 * module penult uses, and most commands never scan a contract file.
 */
function typescript(): typeof TypeScript {
  loaded ??= createRequire(import.meta.url)("typescript") as typeof TypeScript;
  return loaded;
}

/**
 * Finds implementation in TypeScript with the TypeScript compiler's own parser: functions,
 * methods, constructors, accessors and class static blocks with bodies, arrow functions and
 * function expressions anywhere, and top-level executable statements. Declarations (interfaces,
 * type aliases, abstract members, overload signatures, `declare` items, constants) pass.
 */
export function scanTypeScript(options: { path: string; text: string }): Finding[] {
  const ts = typescript();
  const kind = options.path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(options.path, options.text, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const parseErrors = (sf as unknown as { parseDiagnostics?: readonly TypeScript.Diagnostic[] }).parseDiagnostics ?? [];
  const firstError = parseErrors[0];
  if (firstError) {
    const pos = sf.getLineAndCharacterOfPosition(firstError.start ?? 0);
    findings.push({
      code: "N1_UNPARSEABLE",
      line: pos.line + 1,
      column: pos.character + 1,
      what: `TypeScript syntax error: ${ts.flattenDiagnosticMessageText(firstError.messageText, " ")}`,
    });
    return findings;
  }

  const at = (node: TypeScript.Node): { line: number; column: number } => {
    const p = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { line: p.line + 1, column: p.character + 1 };
  };
  const nameOf = (node: TypeScript.Node): string | undefined => {
    const n = (node as { name?: TypeScript.Node }).name;
    return n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n) || ts.isNumericLiteral(n)) ? n.text : undefined;
  };
  const ownerOf = (node: TypeScript.Node): string | undefined => {
    for (let p: TypeScript.Node | undefined = node.parent; p; p = p.parent) {
      if ((ts.isClassLike(p) || ts.isInterfaceDeclaration(p)) && p.name) return p.name.text;
    }
    return undefined;
  };

  const visit = (node: TypeScript.Node): void => {
    let what: string | undefined;
    if (ts.isFunctionDeclaration(node) && node.body) what = `function \`${nameOf(node) ?? "default"}\` has a body`;
    else if (ts.isMethodDeclaration(node) && node.body) what = `method \`${nameOf(node) ?? "?"}\`${ownerOf(node) ? ` of \`${ownerOf(node)}\`` : ""} has a body`;
    else if (ts.isConstructorDeclaration(node) && node.body) what = `constructor${ownerOf(node) ? ` of \`${ownerOf(node)}\`` : ""} has a body`;
    else if ((ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && node.body)
      what = `accessor \`${nameOf(node) ?? "?"}\`${ownerOf(node) ? ` of \`${ownerOf(node)}\`` : ""} has a body`;
    else if (ts.isClassStaticBlockDeclaration(node)) what = `static block${ownerOf(node) ? ` in \`${ownerOf(node)}\`` : ""}`;
    else if (ts.isArrowFunction(node)) what = "arrow function in a contract";
    else if (ts.isFunctionExpression(node)) what = "function expression in a contract";
    if (what) {
      findings.push({ code: "N1_FUNCTION_BODY", ...at(node), what, owner: ownerOf(node) });
      return; // the body is already reported as a whole
    }
    ts.forEachChild(node, visit);
  };

  for (const stmt of sf.statements) {
    if (
      (ts.isExpressionStatement(stmt) && !ts.isStringLiteral(stmt.expression)) ||
      ts.isIfStatement(stmt) ||
      ts.isIterationStatement(stmt, false) ||
      ts.isTryStatement(stmt) ||
      ts.isSwitchStatement(stmt) ||
      ts.isBlock(stmt) ||
      ts.isThrowStatement(stmt) ||
      ts.isLabeledStatement(stmt)
    ) {
      findings.push({ code: "N1_EXECUTABLE_CODE", ...at(stmt), what: "top-level statement runs when the module loads" });
      continue;
    }
    visit(stmt);
  }
  return findings;
}
