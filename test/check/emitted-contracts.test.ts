import { describe, expect, it } from "@jest/globals";
import { findImplementations } from "../../lib/check/find-implementations.js";
import { EMITTERS, emitContracts } from "../../lib/emitters/index.js";
import { FIXTURE_MODELS, loadFixtureModel } from "../emitters/load-fixture-model.js";

const CODE_TARGETS: Record<string, string> = { typescript: ".ts", python: ".py", java: ".java", rust: ".rs", go: ".go", csharp: ".cs" };

describe("the n-1 guard accepts everything the emitters produce", () => {
  it("covers all six code targets", () => {
    const registered = EMITTERS.map((e) => e.name);
    expect(Object.keys(CODE_TARGETS).filter((t) => !registered.includes(t))).toEqual([]);
  });

  it.each(FIXTURE_MODELS)("%s: no finding in any emitted file", (name) => {
    const { files } = emitContracts({ model: loadFixtureModel(name) });
    for (const [target, ext] of Object.entries(CODE_TARGETS)) {
      expect(files.some((f) => f.path.startsWith(`${target}/`) && f.path.endsWith(ext))).toBe(true);
    }
    expect(findImplementations({ files })).toEqual([]);
  });

  it.each(Object.entries(CODE_TARGETS))("%s: a body added by hand to an emitted file is reported at its line", (target, ext) => {
    const { files } = emitContracts({ model: loadFixtureModel("shop"), targets: [target] });
    const file = files.find((f) => f.path.endsWith(ext) && /interface|trait|ABC|abstractmethod/.test(f.content))!;
    const lines = file.content.split("\n");
    // Append a hand-written implementation after the last line of the file.
    const added: Record<string, string> = {
      typescript: "export function helper(): number { return 1; }",
      python: "def helper() -> int:\n    return 1",
      java: "", // Java: inserted inside the interface below
      rust: "pub fn helper() -> u8 { 1 }",
      go: "func Helper() int { return 1 }",
      csharp: "",
    };
    let content: string;
    let line: number;
    if (target === "java" || target === "csharp") {
      // Into the body of the (last) interface: a default method.
      const close = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*}\s*$/.test(l)).map(([, i]) => i);
      const at = target === "java" ? close[close.length - 1]! : close[close.length - 2]!;
      const body = target === "java" ? "  default int helper() { return 1; }" : "        int Helper() { return 1; }";
      content = [...lines.slice(0, at), body, ...lines.slice(at)].join("\n");
      line = at + 1;
    } else {
      content = `${file.content}${added[target]}\n`;
      line = lines.length;
    }
    const diags = findImplementations({ files: [{ path: file.path, content }] });
    expect(diags.map((d) => `${d.file}:${d.line}`)).toEqual([`${file.path}:${line}`]);
    expect(diags[0]!.code).toMatch(/^N1_(FUNCTION_BODY|DEFAULT_METHOD)$/);
  });
});
