import { describe, expect, it } from "@jest/globals";
import { EMITTERS, emitContracts } from "../../lib/emitters/index.js";
import { COMPILERS, compileEmitted } from "../helpers/compile/index.js";
import { FIXTURE_MODELS, loadFixtureModel } from "./load-fixture-model.js";

/** Every registered target that has a proof tool; a target without one fails the parity test below. */
const TARGETS = EMITTERS.map((e) => e.name);

describe("emitted contracts compile with the real tools", () => {
  it("has a compiler for every registered target", () => {
    expect(TARGETS.filter((t) => !COMPILERS[t])).toEqual([]);
  });

  for (const name of FIXTURE_MODELS) {
    it(`${name}: every target compiles`, async () => {
      const { files, diagnostics } = emitContracts({ model: loadFixtureModel(name) });
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      for (const t of TARGETS) expect(files.some((f) => f.path.startsWith(`${t}/`))).toBe(true);
      const results = await compileEmitted({ files, targets: TARGETS });
      for (const t of TARGETS) {
        const r = results[t];
        if (!r?.ok) throw new Error(`${name}/${t} does not compile:\n${r?.output.slice(0, 4000)}`);
      }
    });
  }
});
