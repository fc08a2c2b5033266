import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { computeImpactOfModels } from "../../lib/diff/compute-impact.js";
import type { Model } from "../../lib/model/types.js";
import { excerptChange } from "../../lib/report/excerpt-change.js";
import { renderImpactJson } from "../../lib/report/render-impact-json.js";
import { md, renderImpactMarkdown } from "../../lib/report/render-impact-markdown.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/diff");
const load = (rule: string, side: string) => JSON.parse(readFileSync(join(FIXTURES, rule, side, "model.json"), "utf8")) as Model;
const impactOf = (rule: string) => {
  const previous = load(rule, "previous");
  const current = load(rule, "current");
  return computeImpactOfModels({ previous: { statements: previous.statements, model: previous }, current: { statements: current.statements, model: current }, emit: false });
};

describe("excerptChange", () => {
  it("keeps a few words of context and marks the changed words on both sides", () => {
    const ex = excerptChange(
      "System MUST persist guest carts using browser storage or session mechanism for up to 30 days",
      "System MUST persist guest carts using browser storage or session mechanism for up to 90 days",
    );
    expect(ex.before).toBe("…session mechanism for up to \u000130\u0002 days");
    expect(ex.after).toBe("…session mechanism for up to \u000190\u0002 days");
  });
});

describe("md", () => {
  it("escapes table and emphasis syntax in statement text", () => {
    expect(md("a | b *c* `d` <e> Kiro_Worker")).toBe("a \\| b \\*c\\* \\`d\\` &lt;e&gt; Kiro\\_Worker");
  });
});

describe("renderImpactMarkdown", () => {
  it("leads with the summary line and names the rule that fired", () => {
    const { report } = impactOf("OPERATION_ADDED_TO_INTERFACE");
    expect(report.summary.text).toBe("1 statement changed (1 added) → 1 interface; 1 breaking change for implementers");
    const out = renderImpactMarkdown(report);
    expect(out.split("\n")[3]).toBe(`**${report.summary.text}**`);
    expect(out).toContain("| implementers | `OPERATION_ADDED_TO_INTERFACE` | `CartService.checkout` |");
    expect(out).toContain("```mermaid\nflowchart LR");
    expect(out).toContain("System MUST allow shoppers to proceed to checkout from cart view");
  });

  it("counts callers and implementers separately", () => {
    const { report } = impactOf("OPERATION_PARAM_TYPE_CHANGED");
    expect(report.summary.breaking).toEqual({ implementer: 1, caller: 1 });
    expect(report.summary.text).toMatch(/1 breaking change for implementers, 1 for callers$/);
  });

  it("uses a template override", () => {
    const { report } = impactOf("DOC_CHANGED");
    const out = renderImpactMarkdown(report, { templates: (name) => (name === "report/impact.md.mustache" ? "Summary: {{summary}}\n" : undefined) });
    expect(out).toBe(`Summary: ${md(report.summary.text)}\n`);
  });

  it("is deterministic: same input, same bytes, in JSON too", () => {
    const a = impactOf("ENTITY_REMOVED").report;
    const b = impactOf("ENTITY_REMOVED").report;
    expect(renderImpactMarkdown(a)).toBe(renderImpactMarkdown(b));
    expect(renderImpactJson(a)).toBe(renderImpactJson(b));
    expect(JSON.parse(renderImpactJson(a)).version).toBe(1);
  });

  it("does not depend on the order of statements in the input", () => {
    const previous = load("OPERATION_ADDED_TO_INTERFACE", "previous");
    const current = load("OPERATION_ADDED_TO_INTERFACE", "current");
    const render = (p: Model, c: Model, flip: boolean) =>
      renderImpactMarkdown(
        computeImpactOfModels({
          previous: { statements: flip ? [...p.statements].reverse() : p.statements, model: p },
          current: { statements: flip ? [...c.statements].reverse() : c.statements, model: c },
          emit: false,
        }).report,
      );
    expect(render(previous, current, true)).toBe(render(previous, current, false));
  });

  it("explains per contract element when no contract files are given", () => {
    const { report } = impactOf("FIELD_TYPE_CHANGED");
    expect(report.contracts.map((c) => c.owner)).toEqual(["cart/Order"]);
    const out = renderImpactMarkdown(report);
    expect(out).toContain("#### `Order` (entity)");
    expect(out).toContain("field Order.orderNumber changed type: string → integer");
  });
});
