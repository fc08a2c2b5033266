import { describe, expect, it } from "@jest/globals";
import { loadPromise, promiseSplit, scoreFunctional } from "../../bench/extract.bench.js";

/**
 * Quality regression guard (not a timed test). Floors are the scores measured when this test was
 * written (test half: NFR F1 0.906, F F1 0.894; unseen projects 11-15: NFR recall 0.720) minus a
 * margin of about 0.035, on splits whose rows were never used to tune the cue lexicons.
 * Reads test/corpora/promise-nfr: fails with a clear message when the corpus is missing.
 */
describe("PROMISE NFR functional-vs-NFR guard (held-out splits)", () => {
  const rows = loadPromise();

  it("reads all 625 rows", () => {
    expect(rows).toHaveLength(625);
  });

  it("keeps F1 on the held-out half of projects 1-10 above its floor", () => {
    const s = scoreFunctional(rows.filter((r) => promiseSplit(r) === "test"));
    expect(s.nfr.f1).toBeGreaterThanOrEqual(0.87);
    expect(s.f.f1).toBeGreaterThanOrEqual(0.86);
  });

  it("keeps NFR recall on the unseen projects 11-15 above its floor", () => {
    const s = scoreFunctional(rows.filter((r) => promiseSplit(r) === "unseen"));
    expect(s.nfr.r).toBeGreaterThanOrEqual(0.68);
  });
});
