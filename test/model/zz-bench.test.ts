import { it } from "@jest/globals";
import { measureSpeckit, measureDalpiaz, readGoldEntities, findSeedParts } from "../../bench/model.bench.js";
import { readFileSync } from "node:fs";
it("bench", () => {
  if (process.env.GOLD) {
    for (const f of process.env.GOLD.split(",")) console.log(f, [...readGoldEntities(readFileSync(f, "utf8")).values()].join(", "));
    return;
  }
  const r = measureSpeckit();
  for (const row of r.rows) console.log(row.map((c) => (typeof c === "number" ? c.toFixed(2) : c)).join(" | "));
  if (process.env.V) for (const [k, v] of r.details) console.log(k, "\n  gold:", v.gold.join(", "), "\n  model:", v.model.join(", "));
});
