/**
 * Proof that the scaffold compiles against the contracts, with each language's real compiler:
 * for fixture models, emit the contracts (lib/emitters) and the scaffold of several interfaces,
 * write both into one project and run tsc (strict), mypy --strict, javac (JUnit 5 on the class
 * path), rustc (the contracts crate, then the scaffold crate with --test).
 */
import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ImplementLanguage } from "../../lib/config/types.js";
import { emitContracts } from "../../lib/emitters/index.js";
import { compile } from "../../lib/compile.js";
import { listInterfaces, scaffoldImplementation } from "../../lib/implement/index.js";
import type { Statement } from "../../lib/statements/types.js";
import type { Model } from "../../lib/model/types.js";
import { PYTHON } from "../helpers/compile/python.js";
import { listFiles } from "../helpers/list-files.js";
import { runTool, type CompileOutcome } from "../helpers/compile/run-tool.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const loadModel = (name: string) =>
  JSON.parse(readFileSync(join(REPO, "test", "fixtures", name === "archive" ? "implement/archive/model.json" : `models/${name}.json`), "utf8")) as Model;

/** Interfaces per model: for hostile, ones whose emitted names differ (they share a project). */
const CASES: { model: string; interfaces: string[] }[] = [
  { model: "shop", interfaces: ["CartService", "billing/BillingService", "catalogservice"] },
  { model: "nested", interfaces: ["LedgerService", "AccountStoreApi", "TokenServiceApi"] },
  { model: "hostile", interfaces: ["hs2:日本/Comp/I0", "hs6:a/b *//Comp/I1"] },
  { model: "archive", interfaces: ["Archiver"] },
];

const TARGET: Record<string, string> = { ts: "typescript", python: "python", java: "java", rust: "rust", go: "go", csharp: "csharp" };

/** Writes contracts (under contracts/) and scaffolds (src/, test/) of one model into a fresh project. */
function writeProject(root: string, model: Model, lang: ImplementLanguage, interfaces: string[], statements?: readonly Statement[]): string[] {
  const emitted = emitContracts({ model, targets: [TARGET[lang]!] });
  const files = emitted.files.map((f) => ({ path: `contracts/${f.path}`, content: f.content }));
  const scaffolds: string[] = [];
  for (const name of interfaces) {
    const result = scaffoldImplementation({ model, interfaceName: name, lang, ...(statements ? { statements } : {}) });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toHaveLength(2);
    for (const f of result.files) scaffolds.push(f.path);
    files.push(...result.files);
  }
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  return scaffolds;
}

async function compileTs(root: string): Promise<CompileOutcome> {
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022", lib: ["ES2023"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true,
        noUnusedLocals: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, verbatimModuleSyntax: true,
        isolatedModules: true, skipLibCheck: true, types: ["node"],
      },
      include: ["contracts/**/*.ts", "src/**/*.ts", "test/**/*.ts"],
    }),
  );
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module", private: true }));
  return runTool({ command: process.execPath, args: [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", root], cwd: root });
}

async function compilePy(root: string): Promise<CompileOutcome> {
  const files = [...listFiles(join(root, "src"), ".py"), ...listFiles(join(root, "test"), ".py")];
  return runTool({
    command: PYTHON,
    args: ["-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", "--no-error-summary", ...files],
    cwd: root,
    env: { MYPYPATH: `${join(root, "contracts", "python")}:${join(root, "src")}` },
  });
}

const JUNIT = ["junit-jupiter-api.jar", "opentest4j.jar", "apiguardian-api.jar"].map((j) => `/usr/share/java/${j}`);

async function compileJavaProject(root: string): Promise<CompileOutcome> {
  for (const jar of JUNIT) if (!existsSync(jar)) return { ok: false, output: `${jar} missing: scripts/setup.sh installs Debian's junit5` };
  const files = ["contracts/java", "src", "test"].flatMap((d) => listFiles(join(root, d), ".java"));
  const out = mkdtempSync(join(tmpdir(), "penult-impl-javac-"));
  try {
    return await runTool({
      command: "javac",
      args: ["--release", "17", "-encoding", "UTF-8", "-Xlint:all", "-Xlint:-processing", "-Werror", "-cp", JUNIT.join(":"), "-d", out, ...files],
      cwd: root,
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function compileRustProject(root: string, scaffolds: string[]): Promise<CompileOutcome> {
  const out = join(root, "target");
  mkdirSync(out, { recursive: true });
  const lib = await runTool({
    command: "rustc",
    args: ["--crate-type", "lib", "--edition", "2021", "--crate-name", "contracts", "--emit", "metadata", "-D", "warnings", "--out-dir", out, join(root, "contracts", "rust", "lib.rs")],
    cwd: root,
  });
  if (!lib.ok) return { ok: false, output: `contracts crate:\n${lib.output}` };
  // The crate root a user would write: each scaffold a module, each test file a #[cfg(test)] module.
  const mods = scaffolds.filter((p) => p.startsWith("src/")).map((p) => `pub mod ${p.slice(4, -3)};`);
  const tests = scaffolds.filter((p) => p.startsWith("test/")).map((p) => `#[cfg(test)]\n#[path = "../${p}"]\nmod ${p.slice(5, -3)};`);
  writeFileSync(join(root, "src", "lib.rs"), [...mods, ...tests].join("\n") + "\n");
  const args = (extra: string[]) => [...extra, "--edition", "2021", "--crate-name", "scaffold", "--emit", "metadata", "-D", "warnings", "--out-dir", out, "--extern", `contracts=${join(out, "libcontracts.rmeta")}`, join(root, "src", "lib.rs")];
  const plain = await runTool({ command: "rustc", args: args(["--crate-type", "lib"]), cwd: root });
  if (!plain.ok) return { ok: false, output: `scaffold crate:\n${plain.output}` };
  const test = await runTool({ command: "rustc", args: args(["--test"]), cwd: root });
  return test.ok ? test : { ok: false, output: `scaffold crate --test:\n${test.output}` };
}

async function compileGoProject(root: string): Promise<CompileOutcome> {
  const mod = /^module (\S+)$/m.exec(readFileSync(join(root, "contracts", "go", "go.mod"), "utf8"))?.[1];
  // The user's module: requires the contracts module and points it at its folder (offline).
  writeFileSync(join(root, "go.mod"), `module app\n\ngo 1.18\n\nrequire ${mod} v0.0.0\n\nreplace ${mod} => ./contracts/go\n`);
  const base = join(tmpdir(), "penult-go");
  const env = {
    GOFLAGS: "-mod=mod", GOPROXY: "off", GOSUMDB: "off", GO111MODULE: "on", GOTOOLCHAIN: "local", GOTELEMETRY: "off",
    GOWORK: "off", GOCACHE: join(base, "cache"), GOPATH: join(base, "gopath"), GOENV: "off",
  };
  // vet type-checks the _test.go files too.
  const vet = await runTool({ command: "go", args: ["vet", "./src/..."], cwd: root, env });
  if (!vet.ok) return { ok: false, output: `go vet:\n${vet.output}` };
  return runTool({ command: "go", args: ["build", "./src/..."], cwd: root, env });
}

async function compileCsharpProject(root: string): Promise<CompileOutcome> {
  const contracts = listFiles(join(root, "contracts", "csharp"), ".cs");
  const src = listFiles(join(root, "src"), ".cs");
  const out = mkdtempSync(join(tmpdir(), "penult-impl-mcs-"));
  try {
    const lib = await runTool({ command: "mcs", args: ["-target:library", "-warnaserror+", "-warn:4", `-out:${join(out, "App.dll")}`, ...contracts, ...src], cwd: root });
    if (!lib.ok) return { ok: false, output: `library:\n${lib.output}` };
    // Each test runner is its own executable (each has a Main).
    for (const test of listFiles(join(root, "test"), ".cs")) {
      const exe = await runTool({ command: "mcs", args: ["-target:exe", "-warnaserror+", "-warn:4", `-out:${join(out, "Tests.exe")}`, ...contracts, ...src, test], cwd: root });
      if (!exe.ok) return { ok: false, output: `${test}:\n${exe.output}` };
    }
    return lib;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const COMPILE: Record<string, (root: string, scaffolds: string[]) => Promise<CompileOutcome>> = {
  ts: compileTs,
  python: compilePy,
  java: compileJavaProject,
  rust: compileRustProject,
  go: compileGoProject,
  csharp: compileCsharpProject,
};

// "nested" (subsystems inside subsystems) matters where module paths nest: Rust's crate::a::b.
// TS, Python and Go meet nested folders in the bookshop run below; Java and C# in shop's
// package-per-subsystem. Skipping it elsewhere keeps the suite short on a shared machine.
const SKIP: Record<string, string[]> = { ts: ["nested"], python: ["nested"], go: ["nested"], java: ["nested"], csharp: ["nested"] };

describe.each(Object.keys(COMPILE))("scaffold in %s compiles against the contracts", (lang) => {
  it.each(CASES.filter((c) => !SKIP[lang]?.includes(c.model)).map((c) => [c.model, c.interfaces] as const))("%s", async (modelName, interfaces) => {
    // Inside the repository so tsc finds @types/node (node:test) in node_modules; test/**/tmp/ is ignored by git.
    const base = join(REPO, "test", "implement", "tmp");
    mkdirSync(base, { recursive: true });
    const root = mkdtempSync(join(base, `${lang}-${modelName}-`));
    try {
      const scaffolds = writeProject(root, loadModel(modelName), lang as ImplementLanguage, interfaces);
      const outcome = await COMPILE[lang]!(root, scaffolds);
      if (!outcome.ok) throw new Error(`${lang} scaffold of ${modelName} does not compile (kept in ${root}):\n${outcome.output}`);
      rmSync(root, { recursive: true, force: true });
    } catch (err) {
      throw err;
    }
  });
});

/**
 * The real pipeline: the bundled bookshop example compiled by lib/compile (parser, extractor,
 * model builder), then every interface it yields scaffolded and compiled. Names here come from the
 * model builder, not from a hand-written fixture.
 */
describe("scaffold of every interface of examples/bookshop compiles", () => {
  const dir = join(REPO, "examples", "bookshop");
  const files = listFiles(dir, ".md")
    .filter((p) => p.includes(`${join("bookshop", "statements")}`))
    .map((p) => ({ path: relative(dir, p).split("\\").join("/"), content: readFileSync(p, "utf8") }));
  it.each(["ts", "python", "go"] as const)("%s", async (lang) => {
    const compiled = compile({ files });
    const interfaces = listInterfaces(compiled.model.system).map((t) => t.iface.id);
    expect(interfaces.length).toBeGreaterThan(0);
    const base = join(REPO, "test", "implement", "tmp");
    mkdirSync(base, { recursive: true });
    const root = mkdtempSync(join(base, `${lang}-bookshop-`));
    const scaffolds = writeProject(root, compiled.model, lang, interfaces, compiled.statements);
    const outcome = await COMPILE[lang]!(root, scaffolds);
    if (!outcome.ok) throw new Error(`${lang} scaffold of examples/bookshop does not compile (kept in ${root}):\n${outcome.output}`);
    rmSync(root, { recursive: true, force: true });
  });
});
