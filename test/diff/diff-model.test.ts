import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffModels } from "../../lib/diff/diff-model.js";
import { diffStatements } from "../../lib/diff/diff-statements.js";
import type { Model } from "../../lib/model/types.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/diff");
const load = (rule: string, side: string) => JSON.parse(readFileSync(join(FIXTURES, rule, side, "model.json"), "utf8")) as Model;
const base = load("OPERATION_REMOVED", "previous");

describe("diffModels", () => {
  it("finds nothing between a model and itself", () => {
    const d = diffModels({ previous: base, current: structuredClone(base) });
    expect(d.changes).toEqual([]);
    expect(d.unchanged).toBeGreaterThan(20);
  });

  it("reports a removed operation, its owner and the removed statement behind it", () => {
    const d = diffModels({ previous: base, current: load("OPERATION_REMOVED", "current") });
    const op = d.changes.find((c) => c.id === "cart/CartService#clearCart")!;
    expect(op).toMatchObject({ change: "removed", kind: "operation", owner: "cart/CartService", ownerKind: "interface", statements: ["FR-008"] });
    // The interface only lost a source: a trace change, also caused by FR-008.
    expect(d.changes.find((c) => c.id === "cart/CartService")).toMatchObject({ change: "changed", aspects: ["trace"], statements: ["FR-008"] });
  });

  it("says which aspects of an operation changed", () => {
    const d = diffModels({ previous: base, current: load("OPERATION_PARAM_TYPE_CHANGED", "current") });
    expect(d.changes.map((c) => [c.id, c.aspects])).toEqual([["cart/CartService#updateQuantity", ["params"]]]);
    expect(d.changes[0]!.statements).toEqual(["FR-006"]);
  });

  it("leaves a change untraced when none of its statements changed", () => {
    const d = diffModels({ previous: base, current: load("RELATION_REMOVED", "current") });
    expect(d.changes.map((c) => [c.id, c.change, c.statements])).toEqual([["cart/Order#lineItems", "removed", []]]);
  });

  it("pairs a removal and an addition into a rename when they share a statement and a name word", () => {
    const cur = structuredClone(base);
    const svc = cur.system.subsystems[0]!.components[0]!.interfaces[0]!;
    const op = svc.operations.find((o) => o.name === "clearCart")!;
    op.id = "cart/CartService#clearAllItems";
    op.name = "clearAllItems";
    const d = diffModels({ previous: base, current: cur });
    expect(d.changes.find((c) => c.change === "removed")!.renamedTo).toBe("cart/CartService#clearAllItems");
    expect(d.changes.find((c) => c.change === "added")!.renamedFrom).toBe("cart/CartService#clearCart");
  });

  it("maps causes through edited statements whose ids changed", () => {
    const prev = structuredClone(base);
    const cur = structuredClone(base);
    // A derived id changes with the text: the statement diff pairs them by similarity.
    const s = cur.statements.find((x) => x.id === "FR-029")!;
    s.id = "cart.abc123";
    s.text = "System MUST capture the order creation timestamp in UTC";
    const field = cur.system.subsystems[0]!.entities.find((e) => e.name === "Order")!.fields.find((f) => f.name === "createdAt")!;
    field.sources = ["cart.abc123"];
    field.doc = "in UTC";
    const sd = diffStatements({ previous: prev.statements, current: cur.statements });
    expect(sd.idChanges).toEqual([{ previous: "FR-029", current: "cart.abc123" }]);
    const d = diffModels({ previous: prev, current: cur, statementDiff: sd });
    expect(d.changes.find((c) => c.id === "cart/Order#createdAt")).toMatchObject({ aspects: ["doc", "trace"], statements: ["cart.abc123"] });
  });
});
