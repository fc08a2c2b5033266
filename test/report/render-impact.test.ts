import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { computeImpactOfModels } from "../../lib/diff/compute-impact.js";
import type { Model } from "../../lib/model/types.js";
import { excerptChange } from "../../lib/report/excerpt-change.js";
import { renderImpactJson } from "../../lib/report/render-impact-json.js";
import { code, escapeMentions, md } from "../../lib/report/escape-markdown.js";
import { renderImpactMarkdown } from "../../lib/report/render-impact-markdown.js";

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

  it("keeps the author's spacing and punctuation on both sides (no 'the cart , THE')", () => {
    const ex = excerptChange(
      "WHEN a customer adds a book to the cart, THE Cart SHALL add one copy of the book and update the cart total.",
      "WHEN a customer adds a book to the cart with a quantity, THE Cart SHALL add that many copies of the book and update the cart total.",
    );
    expect(ex.before).toBe("…a book to the cart, THE Cart SHALL add \u0001one copy\u0002 of the book and update…");
    expect(ex.after).toBe("…a book to the cart \u0001with a quantity\u0002, THE Cart SHALL add \u0001that many copies\u0002 of the book and update…");
    expect(excerptChange("The order ships two days later.", "The order ships three days later.").after).toBe("The order ships \u0001three\u0002 days later.");
    // A change of punctuation alone is a change; whitespace alone is not.
    expect(excerptChange("Pay now.", "Pay now!").after).toBe("Pay \u0001now!\u0002");
    expect(excerptChange("log the error and report", "log the error, retry once and report").after).toBe("log the error, \u0001retry once\u0002 and report");
    expect(excerptChange("Pay  now.", "Pay now.")).toEqual({ before: "Pay  now.", after: "Pay now." });
  });
});

describe("md, code, escapeMentions", () => {
  it("escapes table and emphasis syntax in statement text", () => {
    expect(md("a | b *c* `d` <e> Kiro_Worker")).toBe("a \\| b \\*c\\* \\`d\\` &lt;e&gt; Kiro\\_Worker");
  });

  it("makes @mentions inert (a zero-width space after the @) but leaves e-mail addresses alone", () => {
    expect(escapeMentions("ping @security-team and @org/team, mail a@b.org")).toBe("ping @&#8203;security-team and @&#8203;org/team, mail a@b.org");
    expect(md("(@alice) `@bob`")).toBe("(@&#8203;alice) \\`@&#8203;bob\\`");
  });

  it("fences code spans longer than any backtick run inside, and keeps a pipe from splitting a cell", () => {
    expect(code("Order")).toBe("`Order`");
    expect(code("a`b")).toBe("``a`b``");
    expect(code("`x`")).toBe("`` `x` ``");
    expect(code("a|b\nc")).toBe("`a\\|b c`");
  });
});

describe("renderImpactMarkdown", () => {
  it("reads top to bottom: summary, what breaks (per audience, each element once), statements, picture, the rest folded", () => {
    const { report } = impactOf("OPERATION_ADDED_TO_INTERFACE");
    expect(report.summary.text).toBe("1 statement changed (1 added) → 1 interface; 1 breaking change for implementers");
    const out = renderImpactMarkdown(report);
    expect(out.split("\n")[3]).toBe(`**${report.summary.text}**`);
    expect(out).toContain("**For implementers**: code that implements these contracts must change:\n\n- `CartService.checkout` (operation): interface CartService gained operation checkout: implementations must add it\n");
    expect(out).not.toContain("**For callers**");
    expect(out).toContain("System MUST allow shoppers to proceed to checkout from cart view");
    const order = ["### What breaks", "### Statements", "```mermaid\nflowchart LR", "<details>"].map((h) => out.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
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

  it("explains per contract element in the full report when no contract files are given", () => {
    const { report } = impactOf("FIELD_TYPE_CHANGED");
    expect(report.contracts.map((c) => c.owner)).toEqual(["cart/Order"]);
    const out = renderImpactMarkdown(report, { detail: "full" });
    expect(out).toContain("#### `Order` (entity)");
    expect(out).toContain("Field Order.orderNumber changed type: string → integer");
    // The body names it once, under what breaks; the per-element explanation is the full report's.
    const body = renderImpactMarkdown(report);
    expect(body).not.toContain("#### ");
    expect(body.match(/Order\.orderNumber/g)).toHaveLength(2);
  });
});
