import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import ts from "typescript";

/*
 * What a user installs must be what the code loads. The published package is lib/ (the CLI and
 * the library); app/ (the GitHub App and Action) is a private workspace installed only with the
 * repository. Every module lib/ loads at run time is a dependency, or an optional peer dependency
 * loaded on demand (never by a static import, so a missing one cannot stop penult from starting).
 */
const REPO = fileURLToPath(new URL("../..", import.meta.url));

interface Manifest {
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(REPO, path), "utf8")) as T;
const root = readJson<Manifest>("package.json");
const app = readJson<Manifest>("app/package.json");

interface Use {
  file: string;
  line: number;
  pkg: string;
  /** `import x from` / `export .. from` (loaded with the file) or `import()` / `createRequire()()` (on demand). */
  how: "static" | "on demand";
}

const packageOf = (spec: string): string => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
const isBare = (spec: string): boolean => !spec.startsWith(".") && !spec.startsWith("/") && !spec.startsWith("node:") && !builtinModules.includes(spec);

/** Run-time package uses of one TypeScript file (type-only imports are erased and do not count). */
function usesOf(file: string): Use[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Use[] = [];
  const add = (spec: string, node: ts.Node, how: Use["how"]) => {
    if (isBare(spec)) out.push({ file: relative(REPO, file).split(sep).join("/"), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, pkg: packageOf(spec), how });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) add(node.moduleSpecifier.text, node, "static");
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) add(node.moduleSpecifier.text, node, "static");
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) add(node.arguments[0].text, node, "on demand");
    // createRequire(import.meta.url)("x") and createRequire(import.meta.url).resolve("x")
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : node.expression;
      if (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "createRequire") add(node.arguments[0].text, node, "on demand");
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [join(REPO, p)] : [];
  });
}

describe("dependencies", () => {
  const libUses = sources("lib").flatMap(usesOf);
  const appUses = sources("app").flatMap(usesOf);

  it("finds the imports it checks", () => {
    expect(libUses.some((u) => u.pkg === "commander" && u.how === "static")).toBe(true);
    expect(libUses.some((u) => u.pkg === "openai" && u.how === "on demand")).toBe(true);
    expect(libUses.some((u) => u.pkg === "typescript" && u.how === "on demand")).toBe(true);
  });

  it("every package lib/ loads is a dependency, or an optional peer dependency loaded on demand", () => {
    const deps = new Set(Object.keys(root.dependencies ?? {}));
    const optionalPeers = new Set(Object.keys(root.peerDependencies ?? {}).filter((p) => root.peerDependenciesMeta?.[p]?.optional));
    const problems = libUses
      .filter((u) => !deps.has(u.pkg) && !(optionalPeers.has(u.pkg) && u.how === "on demand"))
      .map((u) => `${u.file}:${u.line} loads ${u.pkg} ${u.how}, but it is ${optionalPeers.has(u.pkg) ? "an optional peer dependency (load it with import() where it is needed)" : "not in dependencies"}`);
    expect(problems).toEqual([]);
  });

  it("every dependency is used by lib/ (nothing installed for nothing)", () => {
    const used = new Set(libUses.map((u) => u.pkg));
    // wink-eng-lite-web-model is loaded by lib/nlp; its name is what wink-nlp is given.
    expect(Object.keys(root.dependencies ?? {}).filter((d) => !used.has(d))).toEqual([]);
  });

  it("every package app/ loads is a dependency of the app workspace or of penult", () => {
    const deps = new Set([...Object.keys(app.dependencies ?? {}), ...Object.keys(root.dependencies ?? {})]);
    expect(appUses.filter((u) => !deps.has(u.pkg)).map((u) => `${u.file}:${u.line} loads ${u.pkg}`)).toEqual([]);
  });

  it("the App and the LLM SDK are not dependencies of the published package", () => {
    for (const heavy of ["probot", "openai", "@octokit/rest", "tar-stream"]) expect(Object.keys(root.dependencies ?? {})).not.toContain(heavy);
  });

  it("typescript stays on 6.0.x wherever it is declared (7 has no JS API)", () => {
    expect(root.dependencies?.typescript).toMatch(/^~6\.0\.\d+$/);
    expect(root.devDependencies?.typescript).toBeUndefined();
  });

  it("engines states what every installed run-time package needs", () => {
    const lock = readJson<{ packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }> }>("package-lock.json");
    const ours = root.engines?.node;
    expect(ours).toBeDefined();
    const problems: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (entry.dev || !path || Array.isArray(entry.engines)) continue;
      const theirs = entry.engines?.node;
      if (theirs && !semver.subset(ours!, theirs)) problems.push(`${path} needs node ${theirs}, but package.json engines allows ${ours}`);
    }
    expect(problems).toEqual([]);
  });
});
