import { existsSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { EMITTERS } from "../../lib/emitters/index.js";
import { cmp } from "../../lib/diagnostics.js";
import { COMPILERS } from "../helpers/compile/index.js";

/** Parity (as ESLint's rule registry): every target is registered in order, proven, tested and documented by templates or code. */
describe("emitter registry", () => {
  const names = EMITTERS.map((e) => e.name);

  it("is alphabetical and unique", () => {
    expect(names).toEqual([...new Set(names)].sort(cmp));
  });

  it("has a proof tool and a test suite for every target", () => {
    expect(names.filter((t) => !COMPILERS[t])).toEqual([]);
    expect(names.filter((t) => !existsSync(`test/emitters/${t}.test.ts`))).toEqual([]);
    expect(EMITTERS.filter((e) => !e.description)).toEqual([]);
  });
});
