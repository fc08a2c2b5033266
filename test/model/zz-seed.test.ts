import { it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { compile } from "../../lib/compile.js";
import { formatModelTree } from "../../lib/model/format-model-tree.js";
import { findSeedParts, measureDalpiaz } from "../../bench/model.bench.js";
it("seed", () => {
  const r = compile({ files: [{ path: "statements/conversation.txt", content: readFileSync("/work/shared/seed/000_bbe30278221eec2b.txt", "utf8") }] });
  console.log(r.statements.length, JSON.stringify([...new Set(r.statements.map((s) => s.kind))]));
  console.log(JSON.stringify(findSeedParts(r.model), null, 1));
  console.log(formatModelTree(r.model, { depth: 2, members: process.env.M === "1" }).slice(0, 6000));
  for (const s of r.statements) if (/anifest|abstraction|Generates arch/i.test(s.text)) console.log(s.kind, s.speaker, "|", s.text, "\n  ", JSON.stringify(r.facts.find((f) => f.id === s.id)));
});
it("dalpiaz", () => {
  if (!process.env.DZ) return;
  const d = measureDalpiaz();
  for (const row of d.rows) console.log(row.join(" | "));
});
it("dzfail", async () => {
  if (!process.env.DZF) return;
  const { walkModel } = await import("../../lib/model/walk-model.js");
  const lines = readFileSync(`/work/shared/corpora/dalpiaz-userstories/${process.env.DZF}.txt`, "utf8").split("\n").map((l) => l.replace(/^#G\d+#\s*/, "").trim()).filter(Boolean);
  const r = compile({ files: [{ path: "statements/x.md", content: lines.join("\n\n") }] });
  const withActor = new Set(r.model.actors.flatMap((a) => a.sources));
  const withOp = new Set<string>();
  walkModel(r.model, { operation: (o) => o.sources.forEach((s) => withOp.add(s)) });
  let n = 0;
  for (const s of r.statements) {
    if (withActor.has(s.id) && withOp.has(s.id)) continue;
    if (n++ > 25) break;
    const f = r.facts.find((x) => x.id === s.id)!;
    console.log((withActor.has(s.id) ? "A" : "-") + (withOp.has(s.id) ? "O" : "-"), s.text.slice(0, 110), "\n   ", JSON.stringify({ a: f.actors, act: f.actions.map((a) => [a.verb, a.object, a.negated]), fn: f.functional }));
  }
});
