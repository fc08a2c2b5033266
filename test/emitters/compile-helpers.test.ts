import { describe, expect, it } from "@jest/globals";
import { compilePython } from "../helpers/compile/python.js";
import { compileTypescript } from "../helpers/compile/typescript.js";
import { writeEmitted } from "../helpers/compile/index.js";

/** The proofs are only worth something if the tools really reject bad code. */
describe("compile helpers reject what the real tools reject", () => {
  it("typescript: strict type error fails", async () => {
    const root = writeEmitted([{ path: "typescript/a/index.ts", content: "export const x: number = 'no';\n" }]);
    const r = await compileTypescript(`${root}/typescript`);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/TS2322/);
  });

  it("python: mypy --strict error fails, and a syntax error fails py_compile", async () => {
    const typed = writeEmitted([{ path: "python/p/__init__.py", content: "def f(x):\n    return x\n" }]);
    const r1 = await compilePython(`${typed}/python`);
    expect(r1.ok).toBe(false);
    expect(r1.output).toMatch(/no-untyped-def|type annotation/);
    const broken = writeEmitted([{ path: "python/p/__init__.py", content: "class :\n" }]);
    const r2 = await compilePython(`${broken}/python`);
    expect(r2.ok).toBe(false);
    expect(r2.output).toMatch(/py_compile/);
  });
});
