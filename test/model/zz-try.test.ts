import { it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { compile } from "../../lib/compile.js";
import { formatModelTree } from "../../lib/model/format-model-tree.js";
it("try", () => {
  const f = process.env.F!;
  const t0 = Date.now();
  const r = compile({ files: [{ path: "statements/" + (process.env.P ?? "spec.md"), content: readFileSync(f, "utf8") }] });
  console.log(Date.now() - t0, "ms", r.statements.length, "statements");
  console.log(formatModelTree(r.model, { members: process.env.M !== "0" }));
  if (process.env.FACTS) for (const x of r.facts.slice(0, +process.env.FACTS)) console.log(JSON.stringify(x), r.statements.find(s => s.id === x.id)?.text);
});
it("facts", () => {
  if (!process.env.K) return;
  const r = compile({ files: [{ path: "statements/" + (process.env.P ?? "spec.md"), content: readFileSync(process.env.F!, "utf8") }] });
  const kinds = new Map<string, number>();
  for (const s of r.statements) {
    const n = kinds.get(s.kind) ?? 0; kinds.set(s.kind, n + 1);
    if (n < +process.env.K!) { const f = r.facts.find((x) => x.id === s.id)!; console.log(s.kind, "|", s.text, "|", JSON.stringify(s.ears ?? s.scenario ?? s.glossary ?? s.story ?? {}), "\n   ", JSON.stringify({ ...f, id: undefined })); }
  }
});
it("keyents", () => {
  if (!process.env.KE) return;
  const r = compile({ files: [{ path: "statements/" + (process.env.P ?? "spec.md"), content: readFileSync(process.env.F!, "utf8") }] });
  for (const s of r.statements) if (/entit/i.test(s.headingPath.join("/"))) console.log(s.kind, "|", JSON.stringify(s.headingPath), "|", s.text.slice(0, 100), "|", JSON.stringify(s.glossary ?? {}));
});
