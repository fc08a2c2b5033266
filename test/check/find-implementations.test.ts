import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { findImplementations } from "../../lib/check/find-implementations.js";
import { scanPythonSummary } from "../../lib/check/scan-python.js";

const FIXTURES = join(process.cwd(), "test/fixtures/check");
const fixtureFiles = readdirSync(FIXTURES).filter((f) => /\.(bad|clean)\./.test(f)).sort();

/** `line:CODE` for every `expect: CODE ...` marker in the file. */
function expectedFindings(text: string): string[] {
  const out: string[] = [];
  text.split("\n").forEach((line, i) => {
    const m = /expect: ((?:N1_[A-Z_]+\s*)+)$/.exec(line);
    if (m) for (const code of m[1]!.trim().split(/\s+/)) out.push(`${i + 1}:${code}`);
  });
  return out.sort();
}

describe("findImplementations on hand-written fixtures", () => {
  it("has a bad and a clean fixture for each of the six languages", () => {
    for (const ext of ["ts", "py", "java", "rs", "go", "cs"]) {
      expect(fixtureFiles.filter((f) => f.endsWith(`.${ext}`)).map((f) => f.split(".")[1])).toEqual(["bad", "clean"]);
    }
  });

  it.each(fixtureFiles)("%s: reports exactly the marked lines", (name) => {
    const content = readFileSync(join(FIXTURES, name), "utf8");
    const path = `contracts/${name}`;
    const diags = findImplementations({ files: [{ path, content }] });
    const got = diags.map((d) => `${d.line}:${d.code}`).sort();
    expect(got).toEqual(expectedFindings(content));
    for (const d of diags) {
      expect(d.severity).toBe("error");
      expect(d.file).toBe(path);
      expect(d.message).toMatch(/n layer/);
      expect(d.message).toMatch(/npx penult implement/);
    }
    if (name.includes(".bad.")) expect(diags.length).toBeGreaterThan(3);
  });

  it("gives the same diagnostics whatever the file order", () => {
    const files = fixtureFiles.map((f) => ({ path: f, content: readFileSync(join(FIXTURES, f), "utf8") }));
    const a = findImplementations({ files });
    const b = findImplementations({ files: [...files].reverse() });
    expect(b).toEqual(a);
  });

  it("names the owning type in the fix hint", () => {
    const diags = findImplementations({
      files: [{ path: "c/Cart.java", content: "interface Cart {\n  default int n() { return 1; }\n}\n" }],
    });
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: "N1_DEFAULT_METHOD", file: "c/Cart.java", line: 2 });
    expect(diags[0]!.message).toContain("`npx penult implement Cart`");
  });

  it("ignores files it does not check", () => {
    expect(findImplementations({ files: [{ path: "a/model.json", content: "{ function() {} }" }, { path: "README.md", content: "def x(): return 1" }] })).toEqual([]);
  });
});

describe("unreadable contract files are reported, never skipped", () => {
  const cases: [string, string][] = [
    ["a.java", 'interface A { String s = "unterminated; }'],
    ["a.java", "interface A { /* never closed }"],
    ["a.java", "interface A { void x();"],
    ["a.cs", "interface A { string S { get; }"],
    ["a.cs", 'class A { string s = $"{ "never" ; }'],
    ["a.go", "package a\nvar s = `raw"],
    ["a.rs", "pub trait A { fn x(&self); /* /* */ }"],
    ["a.rs", 'pub const S: &str = r#"x"; }'],
    ["a.rs", "let x = 1;"],
    ["a.ts", "export interface A { x(: void }"],
    ["a.py", "def broken(:\n"],
  ];
  it.each(cases)("%s %s", (path, content) => {
    const diags = findImplementations({ files: [{ path, content }] });
    expect(diags.map((d) => d.code)).toEqual(["N1_UNPARSEABLE"]);
    expect(diags[0]!.line).toBeGreaterThanOrEqual(1);
  });
});

describe("lexer hard cases do not produce false findings", () => {
  const clean: [string, string][] = [
    ["c.java", 'interface C { String s = "\\"{"; char q = \'\\\'\'; String t = """\n  }"\\""" { """; void x(); }'],
    ["c.java", "interface C { /* \\\\u002a/ still comment { */ void x(); }"],
    ["c.cs", 'interface C { string S { get; } } // }\nclass D { string s = """ raw { "" } """; string v = @"a\\"; }'],
    ["c.cs", 'class D { string s = $@"{{ {"}"} "" }}"; }'],
    ["c.go", "package c\ntype T interface{ M(f func() (int, error)) error }\nvar r = '\\''\nvar s = \"\\\"{\"\n"],
    ["c.rs", "pub fn f(x: char) -> char;\n"],
    ["c.rs", "pub trait T { fn f<'a>(&'a self) -> &'a str; fn g(&self) -> char; }\npub const C: char = '\"';\npub const L: &str = \"'{\";\n"],
    ["c.rs", "pub const E: char = '\\u{1F600}'; pub const U: char = '😀'; pub const B: u8 = b'{';\n"],
  ];
  it.each(clean)("%s %#", (path, content) => {
    expect(findImplementations({ files: [{ path, content }] })).toEqual([]);
  });

  it("sees through a Java unicode escape that ends a comment", () => {
    // javac decodes \u002a\u002f to `*/` before lexing: the method after it is real code.
    const content = "interface C {\n  /* hidden \\u002a\\u002f default void x() { } /* */\n}\n";
    const diags = findImplementations({ files: [{ path: "C.java", content }] });
    expect(diags.map((d) => `${d.line}:${d.code}`)).toEqual(["2:N1_DEFAULT_METHOD"]);
  });

  it("does not decode an escaped backslash followed by u", () => {
    const content = "interface C {\n  /* \\\\u002a\\\\u002f default void x() { } */\n}\n";
    expect(findImplementations({ files: [{ path: "C.java", content }] })).toEqual([]);
  });
});

describe("Python rules apply to a parsed summary without a Python process", () => {
  it("reports a non-abstract method of an ABC and a non-stub abstract method", () => {
    const findings = scanPythonSummary({
      path: "x.py",
      defs: [
        { line: 3, col: 5, name: "a", owner: "S", ownerKind: "abc", decorators: ["abstractmethod"], stub: false, nested: false },
        { line: 6, col: 5, name: "b", owner: "S", ownerKind: "abc", decorators: [], stub: true, nested: false },
        { line: 8, col: 9, name: "inner", owner: null, ownerKind: null, decorators: [], stub: false, nested: true },
        { line: 9, col: 5, name: "c", owner: "P", ownerKind: "protocol", decorators: [], stub: true, nested: false },
      ],
      lambdas: [],
      statements: [],
    });
    expect(findings.map((f) => `${f.line}:${f.code}`)).toEqual(["3:N1_FUNCTION_BODY", "6:N1_NON_ABSTRACT_METHOD"]);
  });

  it("uses an injected summariser", () => {
    const diags = findImplementations({
      files: [{ path: "p/x.py", content: "irrelevant" }],
      python: (files) => files.map((f) => ({ path: f.path, defs: [], lambdas: [], statements: [{ line: 2, col: 1, kind: "Expr" }] })),
    });
    expect(diags.map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual(["p/x.py:2:N1_EXECUTABLE_CODE"]);
  });

  it("without Python, says so once and still checks the other languages", () => {
    const diags = findImplementations({
      files: [
        { path: "p/a.py", content: "def f():\n    return 1\n" },
        { path: "p/b.py", content: "x = 1\n" },
        { path: "t/c.ts", content: "export function f(): number { return 1; }\n" },
      ],
      python: () => ({ unavailable: "python3 not found" }),
    });
    expect(diags.map((d) => `${d.severity}:${d.code}`)).toEqual(["warning:N1_PYTHON_UNAVAILABLE", "error:N1_FUNCTION_BODY"]);
    expect(diags[0]!.message).toBe(
      "python3 not found: the n-1 guard reads Python contracts with Python's own parser, so 2 Python contract files were not checked for implementation; install python3 to check them, or leave python out of `targets` in .github/penult.yml",
    );
  });
});

describe("more shapes per language", () => {
  /** [path, content, expected `line:CODE` list] */
  const cases: [string, string, string[]][] = [
    ["n/A.java", "class Outer {\n  abstract static class In { abstract void a(); }\n  interface I {\n    default void d() {}\n  }\n}\n", ["4:N1_DEFAULT_METHOD"]],
    ["n/A.java", 'enum E {\n  A("x"), B("y");\n  E(String s) {}\n}\n', ["3:N1_FUNCTION_BODY"]],
    ["n/A.java", '@SuppressWarnings({"a", "}"})\npublic interface A {\n  <T extends java.util.Map<String, java.util.List<Integer>>> T f(@Deprecated(since = "{") int x) throws Exception;\n}\n', []],
    ["n/A.java", "interface A {\n  record R(int x) {\n    int twice() { return 2 * x; }\n  }\n}\n", ["3:N1_FUNCTION_BODY"]],
    ["n/A.cs", "interface I {\n  void F([In] int x);\n  System.Threading.Tasks.Task<System.Collections.Generic.IList<System.Collections.Generic.Dictionary<string, int>>> G();\n  int P => 1;\n}\n", ["4:N1_DEFAULT_METHOD"]],
    ["n/A.cs", "namespace N;\npublic class C {\n  public int X { get; private set; }\n  static C() { }\n}\n", ["4:N1_FUNCTION_BODY"]],
    ["n/a.go", "package a\n\ntype Number interface {\n\t~int | ~float64\n}\n\ntype F interface {\n\tF(f func() func() error) error\n}\n", []],
    ["n/a.go", "package a\n\ntype T struct{}\n\nfunc (T) String() string { return \"\" }\n", ["5:N1_METHOD"]],
    ["n/a.rs", "pub trait T {\n    fn f(&self) -> impl Iterator<Item = u8>;\n    fn g<F>(&self, f: F) where F: Fn() -> u8;\n}\n#[cfg(feature = \"x\")]\nextern crate core;\n", []],
    ["n/a.rs", "pub(crate) fn a() {}\npub const fn b() -> u8 { 1 }\nimpl<T> X for T where T: Y {\n    fn c() {}\n}\nunsafe trait U {}\n", ["1:N1_FUNCTION_BODY", "2:N1_FUNCTION_BODY", "3:N1_IMPL_BLOCK"]],
    ["n/a.ts", 'declare module "m" {\n  export function f(): void;\n}\nexport namespace N { export const y = 1; }\nexport enum E { A = "a" }\nexport const g = function () {};\n', ["6:N1_FUNCTION_BODY"]],
    ["n/a.py", "from typing import Generic, TypeVar, overload\nfrom abc import ABC, abstractmethod\nT = TypeVar('T')\nclass R(Generic[T], ABC):\n    x: int\n    @abstractmethod\n    def get(self) -> T: ...\n@overload\ndef f(x: int) -> int: ...\n", []],
  ];
  it.each(cases)("%s %#", (path, content, expected) => {
    expect(findImplementations({ files: [{ path, content }] }).map((d) => `${d.line}:${d.code}`)).toEqual(expected);
  });
});

describe("checkContractDir", () => {
  it("reads every contract file under the folder and reports repository-relative paths", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { checkContractDir } = await import("../../lib/check/check-contract-dir.js");
    const root = mkdtempSync(join(tmpdir(), "penult-check-"));
    try {
      mkdirSync(join(root, "contracts", "go", "cart"), { recursive: true });
      mkdirSync(join(root, "contracts", "rust"), { recursive: true });
      writeFileSync(join(root, "contracts", "go", "cart", "cart.go"), "package cart\n\nfunc New() int { return 1 }\n");
      writeFileSync(join(root, "contracts", "rust", "lib.rs"), "pub trait T { fn f(&self); }\n");
      writeFileSync(join(root, "contracts", "model.json"), "{}");
      const diags = checkContractDir({ root, dir: "contracts" });
      expect(diags.map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual(["contracts/go/cart/cart.go:3:N1_FUNCTION_BODY"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
