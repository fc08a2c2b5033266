import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffModels } from "../../lib/diff/diff-model.js";
import { diffStatements } from "../../lib/diff/diff-statements.js";
import { checkBreaking } from "../../lib/breaking/check-breaking.js";
import { computeImpactOfModels } from "../../lib/diff/compute-impact.js";
import { renderImpactMarkdown } from "../../lib/report/render-impact-markdown.js";
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

  it("an entity and a component that trade ids are one removed and one added element each, not a crash", () => {
    const cur = structuredClone(base);
    const sub = cur.system.subsystems[0]!;
    const entity = sub.entities[0]!;
    const component = sub.components[0]!;
    [entity.id, component.id] = [component.id, entity.id];
    const d = diffModels({ previous: base, current: cur });
    for (const id of [entity.id, component.id]) {
      expect(d.changes.filter((c) => c.id === id).map((c) => `${c.change} ${c.kind}`).sort()).toEqual(
        id === entity.id ? ["added entity", "removed component"] : ["added component", "removed entity"],
      );
    }
    const findings = checkBreaking({ diff: d });
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["COMPONENT_REMOVED", "ENTITY_REMOVED"]));
    // The whole report renders, naming the elements by name (never by id).
    const { report } = computeImpactOfModels({ previous: { statements: base.statements, model: base }, current: { statements: cur.statements, model: cur }, emit: false });
    const out = renderImpactMarkdown(report);
    expect(out).toContain(`\`${entity.name}\` (entity): was removed`);
    expect(out).not.toContain(`\`${component.id}\``);
  });

  it("labels elements by name and parent, whatever their ids look like", () => {
    const renamed = structuredClone(base);
    const ids = new Map<string, string>();
    // Opaque ids in another scheme (the new model's, say): labels and messages must not change.
    const remap = (o: unknown): void => {
      if (Array.isArray(o)) return o.forEach(remap);
      if (!o || typeof o !== "object") return;
      const r = o as Record<string, unknown>;
      if (typeof r.id === "string" && typeof r.name === "string" && !("text" in r && "file" in r)) {
        if (!ids.has(r.id)) ids.set(r.id, `el:${ids.size}`);
        r.id = ids.get(r.id);
      }
      for (const v of Object.values(r)) remap(v);
    };
    remap(renamed.system);
    remap(renamed.actors);
    const fix = (o: unknown): void => {
      if (Array.isArray(o)) return o.forEach((x, i) => (typeof x === "string" && ids.has(x) ? ((o as string[])[i] = ids.get(x)!) : fix(x)));
      if (!o || typeof o !== "object") return;
      const r = o as Record<string, unknown>;
      for (const [k, v] of Object.entries(r)) if (typeof v === "string" && ids.has(v) && k !== "id") r[k] = ids.get(v);
      else fix(v);
    };
    fix(renamed.system);
    const current = load("OPERATION_PARAM_TYPE_CHANGED", "current");
    const renamedCurrent = structuredClone(current);
    remap(renamedCurrent.system);
    remap(renamedCurrent.actors);
    fix(renamedCurrent.system);
    const messages = (p: typeof base, c: typeof base) => checkBreaking({ diff: diffModels({ previous: p, current: c }) }).map((f) => f.message);
    expect(messages(renamed, renamedCurrent)).toEqual(messages(base, current));
    expect(messages(base, current).length).toBeGreaterThan(0);
    expect(messages(base, current).join("\n")).not.toMatch(/cart\//);
  });
});
