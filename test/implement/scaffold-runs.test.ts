/**
 * The scaffold's tests RUN, in a repository that holds nothing but the contracts and the scaffold:
 * for each language's built-in runner (node:test, unittest, go test, Rust's test harness, and the
 * JUnit console launcher and a Mono console runner), and for the frameworks detection picks
 * (pytest, JUnit 4). Every scaffold test must be collected and must fail with its "not written yet"
 * message: not with a compile error, a missing import or an empty run. compile-scaffold.test.ts
 * type-checks many more models; this file proves the tests execute.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../lib/compile.js";
import type { ImplementLanguage } from "../../lib/config/types.js";
import { emitContracts } from "../../lib/emitters/index.js";
import { listInterfaces, scaffoldImplementation, type TestFramework } from "../../lib/implement/index.js";
import { PYTHON } from "../helpers/compile/python.js";
import { listFiles } from "../helpers/list-files.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = mkdtempSync(join(tmpdir(), "penult-scaffold-run-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TARGET: Record<ImplementLanguage, string> = { ts: "typescript", python: "python", java: "java", rust: "rust", go: "go", csharp: "csharp" };

/** The bookshop example, compiled by the real pipeline. */
const bookshop = (() => {
  const dir = join(REPO, "examples", "bookshop");
  const files = listFiles(join(dir, "statements"), ".md").map((p) => ({ path: relative(dir, p).split("\\").join("/"), content: readFileSync(p, "utf8") }));
  return compile({ files, config: { system: "bookshop" } });
})();

/** A fresh project: contracts/<target>/..., src/ and test/ with the scaffold of the first interface with test cases. */
function project(lang: ImplementLanguage, testFramework: TestFramework): { root: string; cases: number; testFiles: string[] } {
  const root = mkdtempSync(join(work, `${lang}-${testFramework.replace(/\W/g, "")}-`));
  const emitted = emitContracts({ model: bookshop.model, targets: [TARGET[lang]] });
  const files = emitted.files.map((f) => ({ path: `contracts/${f.path}`, content: f.content }));
  for (const t of listInterfaces(bookshop.model.system)) {
    const r = scaffoldImplementation({ model: bookshop.model, statements: bookshop.statements, interfaceName: t.iface.id, lang, testFramework });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.testFramework).toBe(testFramework);
    const test = r.files.find((f) => f.path.startsWith("test/") || /_test\.go$/.test(f.path))!;
    const cases = (test.content.match(/not written yet/g) ?? []).length;
    if (cases === 0) continue;
    files.push(...r.files);
    for (const f of files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.content);
    }
    return { root, cases, testFiles: [test.path] };
  }
  throw new Error("no bookshop interface has test cases");
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number | null; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  if (r.error) throw new Error(`cannot run ${command}: ${r.error.message}`);
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}
const must = (r: { status: number | null; out: string }, what: string) => {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.out.slice(0, 4000)}`);
};
/** Each scaffold test fails with its own message, and nothing else went wrong. */
const expectEveryCaseFailed = (out: string, cases: number) => expect((out.match(/not written yet/g) ?? []).length).toBeGreaterThanOrEqual(cases);

describe("scaffold tests run with nothing but the scaffold", () => {
  it("TypeScript, node:test: tsc, then node --test", () => {
    const { root, cases, testFiles } = project("ts", "node:test");
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module", private: true }));
    writeFileSync(
      join(root, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noUnusedLocals: true, noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true, verbatimModuleSyntax: true, skipLibCheck: true, outDir: "out", rootDir: ".",
          // Node's own types: the only thing a node:test project needs besides TypeScript itself.
          types: ["node"], typeRoots: [join(REPO, "node_modules", "@types")],
        },
        include: ["contracts/**/*.ts", "src/**/*.ts", "test/**/*.ts"],
      }),
    );
    must(run(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", root], root), "tsc");
    const r = run(process.execPath, ["--test", ...testFiles.map((f) => join("out", f.replace(/\.ts$/, ".js")))], root);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(new RegExp(`# fail ${cases}\\b`));
    expect(r.out).toMatch(/# pass 0\b/);
    expectEveryCaseFailed(r.out, cases);
  });

  it("TypeScript, jest: the test file type-checks against @jest/globals", () => {
    // Inside the repository so tsc resolves @jest/globals from node_modules, as in a jest project.
    const base = join(REPO, "test", "implement", "tmp");
    mkdirSync(base, { recursive: true });
    const { root } = project("ts", "jest");
    const inside = mkdtempSync(join(base, "ts-jest-"));
    try {
      for (const d of ["contracts", "src", "test"]) if (existsSync(join(root, d))) spawnSync("cp", ["-r", join(root, d), inside]);
      writeFileSync(join(inside, "package.json"), JSON.stringify({ type: "module", private: true }));
      writeFileSync(
        join(inside, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, noUnusedLocals: true, skipLibCheck: true, types: [] }, include: ["**/*.ts"] }),
      );
      must(run(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", inside], inside), "tsc (jest)");
      expect(readFileSync(listFiles(join(inside, "test"), ".ts")[0]!, "utf8")).toContain('from "@jest/globals"');
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it.each(["unittest", "pytest"] as const)("Python, %s", (framework) => {
    const { root, cases } = project("python", framework);
    const env = { PYTHONPATH: `${join(root, "contracts", "python")}:${join(root, "src")}`, PYTHONDONTWRITEBYTECODE: "1" };
    const r =
      framework === "unittest"
        ? run(PYTHON, ["-m", "unittest", "discover", "-s", "test"], root, env)
        : run(PYTHON, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test"], root, env);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(framework === "unittest" ? new RegExp(`FAILED \\(failures=${cases}\\)`) : new RegExp(`\\b${cases} failed\\b`));
    expectEveryCaseFailed(r.out, cases);
  });

  it("Go, go test", () => {
    const { root, cases } = project("go", "go test");
    const mod = /^module (\S+)$/m.exec(readFileSync(join(root, "contracts", "go", "go.mod"), "utf8"))![1];
    writeFileSync(join(root, "go.mod"), `module app\n\ngo 1.18\n\nrequire ${mod} v0.0.0\n\nreplace ${mod} => ./contracts/go\n`);
    const gobase = join(work, "go");
    const r = run("go", ["test", "./src/..."], root, {
      GOFLAGS: "-mod=mod", GOPROXY: "off", GOSUMDB: "off", GOTOOLCHAIN: "local", GOTELEMETRY: "off", GOWORK: "off", GOCACHE: join(gobase, "cache"), GOPATH: join(gobase, "path"), GOENV: "off",
    });
    expect(r.status).toBe(1);
    expect((r.out.match(/^\s*--- FAIL: /gm) ?? []).length).toBe(cases);
    expectEveryCaseFailed(r.out, cases);
  });

  it("Rust, the test harness (what cargo test runs)", () => {
    const { root, cases, testFiles } = project("rust", "cargo test");
    const out = join(root, "target");
    mkdirSync(out);
    must(run("rustc", ["--crate-type", "lib", "--edition", "2021", "--crate-name", "contracts", "--out-dir", out, join(root, "contracts", "rust", "lib.rs")], root), "rustc contracts");
    const impl = listFiles(join(root, "src"), ".rs").map((p) => relative(join(root, "src"), p).slice(0, -3));
    writeFileSync(join(root, "src", "lib.rs"), [...impl.map((m) => `pub mod ${m};`), ...testFiles.map((p) => `#[cfg(test)]\n#[path = "../${p}"]\nmod ${p.split("/").pop()!.slice(0, -3)};`)].join("\n") + "\n");
    must(run("rustc", ["--test", "--edition", "2021", "--crate-name", "scaffold", "-o", join(out, "tests"), "-L", out, "--extern", `contracts=${join(out, "libcontracts.rlib")}`, join(root, "src", "lib.rs")], root), "rustc --test");
    const r = run(join(out, "tests"), [], root);
    expect(r.status).toBe(101);
    expect(r.out).toMatch(new RegExp(`test result: FAILED\\. 0 passed; ${cases} failed`));
    expectEveryCaseFailed(r.out, cases);
  });

  it.each(["junit5", "junit4"] as const)("Java, %s", (framework) => {
    const { root, cases } = project("java", framework);
    const jars =
      framework === "junit5"
        ? ["junit-platform-console-standalone.jar"]
        : ["junit4.jar", "hamcrest-core.jar"];
    const cp = jars.map((j) => `/usr/share/java/${j}`);
    for (const jar of cp) if (!existsSync(jar)) throw new Error(`${jar} missing: scripts/setup.sh installs Debian's junit5 and junit4`);
    const classes = join(root, "classes");
    const sources = ["contracts/java", "src", "test"].flatMap((d) => listFiles(join(root, d), ".java"));
    must(run("javac", ["--release", "17", "-encoding", "UTF-8", "-cp", cp.join(":"), "-d", classes, ...sources], root), "javac");
    const testClass = relative(join(root, "test"), listFiles(join(root, "test"), ".java")[0]!).slice(0, -5).split("/").join(".");
    const r =
      framework === "junit5"
        ? run("java", ["-jar", cp[0]!, "-cp", classes, "--select-class", testClass, "--disable-banner", "--details=tree"], root)
        : run("java", ["-cp", [classes, ...cp].join(":"), "org.junit.runner.JUnitCore", testClass], root);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(framework === "junit5" ? new RegExp(`\\b${cases} tests failed\\b`) : new RegExp(`Tests run: ${cases},\\s+Failures: ${cases}`));
    expectEveryCaseFailed(r.out, cases);
  });

  it("C#, the console runner (mcs and mono)", () => {
    const { root, cases } = project("csharp", "console");
    const exe = join(root, "Tests.exe");
    const sources = ["contracts/csharp", "src", "test"].flatMap((d) => listFiles(join(root, d), ".cs"));
    must(run("mcs", ["-target:exe", `-out:${exe}`, ...sources], root), "mcs");
    const r = run("mono", [exe], root);
    expect(r.status).toBe(cases);
    expectEveryCaseFailed(r.out, cases);
  });
});
