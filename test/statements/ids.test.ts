import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { normaliseForId } from "../../lib/statements/assign-statement-ids.js";
import { parseStatements } from "../../lib/statements/parse-statements.js";
import type { SourceFile } from "../../lib/statements/types.js";

function ids(content: string, path = "statements/cart/checkout.md"): string[] {
  return parseStatements([{ path, content }]).statements.map((s) => s.id);
}

describe("statement ids", () => {
  it("derives <file-slug>.<8 hex> that survive re-wrapping, case, emphasis and reordering", () => {
    const a = "The cart keeps items for 30 days.\n\nTHE Checkout SHALL issue a receipt.\n";
    const b = "THE Checkout SHALL   issue\na **receipt**.\n\nthe cart keeps *items* for 30 days.\n";
    const ia = ids(a);
    expect(ia.every((id) => /^cart-checkout\.[0-9a-f]{8}$/.test(id))).toBe(true);
    expect([...ids(b)].sort()).toEqual([...ia].sort());
    expect(normaliseForId("The  **Cart**\nSHALL keep_items.")).toBe(normaliseForId("the cart shall keep items"));
  });

  it("changes the id when the words change or the file moves", () => {
    expect(ids("The cart keeps items for 30 days.")).not.toEqual(ids("The cart keeps items for 31 days."));
    expect(ids("The cart keeps items.", "statements/a.md")[0]).not.toBe(ids("The cart keeps items.", "statements/b.md")[0]);
  });

  it("numbers identical statements in one file and warns", () => {
    const r = parseStatements([{ path: "statements/d.md", content: "- The cart keeps items.\n- Other things.\n- the cart keeps ITEMS\n" }]);
    const [first, , third] = r.statements;
    expect(third!.id).toBe(`${first!.id}-2`);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.statement])).toEqual([["PARSE_DUPLICATE_STATEMENT", 3, third!.id]]);
  });

  it("lets an authored {#id} win, and reports a collision at both places", () => {
    const files: SourceFile[] = [
      { path: "statements/b.md", content: "THE Cart SHALL keep items. {#cart-keep}\n" },
      { path: "statements/a.md", content: "# A\n\nThe cart keeps items forever. {#cart-keep}\n" },
    ];
    const r = parseStatements(files);
    const [a, b] = r.statements;
    expect(a).toMatchObject({ id: "cart-keep", authored: true, file: "statements/a.md", text: "The cart keeps items forever." });
    expect(b!.authored).toBe(false);
    expect(b!.id).toMatch(/^b\.[0-9a-f]{8}$/);
    expect(r.diagnostics).toEqual([
      {
        code: "PARSE_DUPLICATE_ID",
        severity: "error",
        message: 'statement id "cart-keep" is already used at statements/a.md:3; this statement gets a derived id',
        file: "statements/b.md",
        line: 1,
      },
    ]);
  });

  it("scopes source labels to the file so FR-001 in two features never clash", () => {
    const fr = "- **FR-001**: System MUST allow administrators to create products\n";
    const r = parseStatements([
      { path: "specs/001-catalog/spec.md", content: fr },
      { path: "specs/002-cart/spec.md", content: fr },
    ]);
    expect(r.statements.map((s) => [s.label, s.id])).toEqual([
      ["FR-001", "specs-001-catalog-spec.fr-001"],
      ["FR-001", "specs-002-cart-spec.fr-001"],
    ]);
    const dup = parseStatements([{ path: "s.md", content: `${fr}- **FR-001**: System MUST do another thing\n` }]);
    expect(dup.diagnostics.map((d) => d.code)).toEqual(["PARSE_DUPLICATE_LABEL"]);
    expect(new Set(dup.statements.map((s) => s.id)).size).toBe(2);
  });

  it("gives the same output for the same files in any order", () => {
    const files: SourceFile[] = [
      { path: "statements/cart.md", content: "# Cart\n\nTHE Cart SHALL keep items.\n\n- **Item**: a product in a cart\n" },
      { path: "statements/pay/checkout.md", content: "WHEN a shopper pays, THE Checkout SHALL issue a receipt. {#receipt}\n" },
      { path: "statements/pay/refund.md", content: "IF a refund fails, THEN THE Refunds SHALL retry. {#receipt}\n" },
      { path: "statements/notes.txt", content: "#N1# As a shopper, I want a receipt, so that I can claim costs.\n" },
      { path: "statements/empty.md", content: "" },
      { path: "statements/bin.md", content: new Uint8Array([0, 1, 2]) },
    ];
    const expected = JSON.stringify(parseStatements(files));
    fc.assert(
      fc.property(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), (shuffled) => {
        expect(JSON.stringify(parseStatements(shuffled))).toBe(expected);
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
