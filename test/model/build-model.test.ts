import { describe, expect, it } from "@jest/globals";
import { DEFAULT_CONFIG, type PenultConfig } from "../../lib/config/types.js";
import type { Facts } from "../../lib/extract/types.js";
import { buildModel } from "../../lib/model/build-model.js";
import type { Component, Entity, Model, Operation, Subsystem } from "../../lib/model/types.js";
import { walkModel } from "../../lib/model/walk-model.js";
import type { Statement } from "../../lib/statements/types.js";
import { action, latency, makeFacts, makeStatement } from "./make-input.js";
import { findInvariantViolations } from "./model-invariants.js";

function build(pairs: [Statement, Facts][], config: Partial<PenultConfig> = {}): ReturnType<typeof buildModel> {
  const out = buildModel({ statements: pairs.map((p) => p[0]), facts: pairs.map((p) => p[1]), config: { ...DEFAULT_CONFIG, ...config } });
  expect(findInvariantViolations(out.model)).toEqual([]);
  return out;
}

function all(model: Model) {
  const subsystems: Subsystem[] = [];
  const components: Component[] = [];
  const entities: Entity[] = [];
  const operations: Operation[] = [];
  walkModel(model, {
    subsystem: (s) => void subsystems.push(s),
    component: (c) => void components.push(c),
    entity: (e) => void entities.push(e),
    operation: (o) => void operations.push(o),
  });
  return { subsystems, components, entities, operations };
}

/** An EARS ubiquitous statement "THE <subject> SHALL <verb> <object>" with matching facts. */
function ears(id: string, file: string, subject: string, verb: string, object: string, extra: Partial<Facts> = {}, headingPath: string[] = []): [Statement, Facts] {
  const text = `THE ${subject} SHALL ${verb} ${object}.`;
  return [
    makeStatement({ id, file, text, kind: "ears-ubiquitous", headingPath, ears: { pattern: "ubiquitous", subject, modal: "SHALL", response: `${verb} ${object}` } }),
    makeFacts({ id, subject, actions: [action(verb, `${verb} ${object}`, object)], entities: [object], ...extra }),
  ];
}

describe("structure (docs/model.md Structure)", () => {
  it("makes folders nested subsystems under the configured system", () => {
    const { model } = build([
      ears("a", "statements/shop/cart/add.md", "Cart", "add", "an item"),
      ears("b", "statements/shop/billing/pay.md", "Billing", "charge", "the card"),
      ears("c", "statements/overview.md", "Shop", "list", "the products"),
    ], { system: "Web Shop" });
    expect(model.system.name).toBe("WebShop");
    expect(model.system.id).toBe("/");
    const { subsystems } = all(model);
    expect(subsystems.map((s) => s.id).sort()).toEqual(["/", "shop", "shop/billing", "shop/cart"]);
    const cart = subsystems.find((s) => s.id === "shop/cart")!;
    expect(cart.name).toBe("Cart");
    expect(cart.path).toEqual(["shop", "cart"]);
    expect(cart.components.map((c) => c.id)).toEqual(["shop/cart/Cart"]);
    // A folder holding only folders traces to its children.
    expect(subsystems.find((s) => s.id === "shop")!.sources).toEqual(["a", "b"]);
  });

  it("names the system after the folder holding the statements folder, else System", () => {
    expect(build([ears("a", "examples/pet-shop/statements/x.md", "Cart", "add", "an item")], { statements: ["examples/pet-shop/statements/**/*.md"] }).model.system.name).toBe("PetShop");
    expect(build([ears("a", "statements/x.md", "Cart", "add", "an item")]).model.system.name).toBe("System");
  });

  it("strips ordering prefixes from folder names", () => {
    const { model } = build([ears("a", "statements/009-user-directory/spec.md", "Directory", "list", "the profiles")]);
    const sub = model.system.subsystems[0]!;
    expect([sub.id, sub.name]).toEqual(["user-directory", "UserDirectory"]);
  });

  it("makes each outermost heading a subsystem when a file has several, and none for a single title", () => {
    const story = (id: string, h: string[], verb: string, obj: string): [Statement, Facts] => [
      makeStatement({ id, file: "statements/app.md", text: `As a user, I want to ${verb} ${obj}.`, kind: "user-story", headingPath: h }),
      makeFacts({ id, actors: ["user"], actions: [action(verb, `${verb} ${obj}`, obj)] }),
    ];
    const several = build([story("a", ["Shopping Cart"], "add", "an item"), story("b", ["Payments", "Refunds"], "refund", "a payment")]).model;
    expect(several.system.subsystems.map((s) => [s.id, s.name, s.components.map((c) => c.name)])).toEqual([
      ["payments", "Payments", ["Payments"]],
      ["shopping-cart", "ShoppingCart", ["ShoppingCart"]],
    ]);
    const single = build([story("a", ["Feature Specification: Shopping Cart"], "add", "an item"), story("b", ["Feature Specification: Shopping Cart", "Refunds"], "refund", "a payment")]).model;
    expect(single.system.subsystems).toEqual([]);
    expect(single.system.components.map((c) => c.name)).toEqual(["ShoppingCart"]);
  });

  it("puts a file's statements without a named subject in the file's component", () => {
    const { model } = build([
      [makeStatement({ id: "a", file: "statements/checkout.md", text: "The system shall send a receipt.", kind: "shall" }), makeFacts({ id: "a", subject: "system", actions: [action("send", "send a receipt", "a receipt")] })],
      [makeStatement({ id: "b", file: "statements/requirements.md", text: "Requirements", kind: "shall", headingPath: ["Requirements Document"] }), makeFacts({ id: "b", actions: [action("print", "print a label", "a label")] })],
    ]);
    // checkout.md -> Checkout; requirements.md titled "Requirements Document" has only document words -> system name.
    expect(all(model).components.map((c) => c.id).sort()).toEqual(["Checkout", "System"]);
  });

  it("places a concept used in two folders in their deepest common subsystem", () => {
    const { model } = build([
      ears("a", "statements/shop/cart/add.md", "Cart", "add", "an order line", { fields: [{ entity: "order line", field: "quantity" }] }),
      ears("b", "statements/shop/billing/pay.md", "Billing", "charge", "an order line"),
    ]);
    const { entities } = all(model);
    expect(entities.map((e) => e.id)).toEqual(["shop/OrderLine"]);
    expect(entities[0]!.sources).toEqual(["a", "b"]);
  });
});

describe("components, interfaces, operations", () => {
  it("reads operations with typed parameters, results and async from actions", () => {
    const { model } = build([
      [
        makeStatement({ id: "s1", file: "statements/cart.md", kind: "user-story", text: "As a shopper, I want to add an item to the cart." }),
        makeFacts({ id: "s1", actors: ["shopper"], actions: [action("add", "add an item to the cart", "an item", [{ prep: "to", phrase: "the cart" }])], entities: ["item", "cart"] }),
      ],
      [
        makeStatement({ id: "s2", file: "statements/cart.md", kind: "user-story", text: "As a shopper, I want to view an item." }),
        makeFacts({ id: "s2", actors: ["shopper"], actions: [action("view", "view an item", "an item")], fields: [{ entity: "item", field: "price" }] }),
      ],
      [
        makeStatement({ id: "s3", file: "statements/cart.md", kind: "user-story", text: "As a shopper, I want to search items by category." }),
        makeFacts({ id: "s3", actors: ["shopper"], actions: [action("search", "search items by category", "items", [{ prep: "by", phrase: "category" }])], entities: ["items", "cart"] }),
      ],
      [
        makeStatement({ id: "s4", file: "statements/cart.md", kind: "shall", text: "The system shall validate the cart." }),
        makeFacts({ id: "s4", actions: [action("validate", "validate the cart", "the cart")], entities: ["cart"] }),
      ],
    ]);
    const ops = Object.fromEntries(all(model).operations.map((o) => [o.name, o]));
    expect(Object.keys(ops).sort()).toEqual(["addItem", "searchItems", "validateCart", "viewItem"]);
    expect(ops.addItem!.params.map((p) => [p.name, p.type])).toEqual([
      ["item", { kind: "ref", target: "Item" }],
      ["cart", { kind: "ref", target: "Cart" }],
    ]);
    expect(ops.addItem!.returns).toEqual({ kind: "primitive", name: "void" });
    expect(ops.addItem!.actors).toEqual(["actor:Shopper"]);
    expect(ops.addItem!.async).toBe(true);
    expect(ops.viewItem!.params.map((p) => [p.name, p.type])).toEqual([["itemId", { kind: "primitive", name: "uuid" }]]);
    expect(ops.viewItem!.returns).toEqual({ kind: "ref", target: "Item" });
    expect(ops.searchItems!.returns).toEqual({ kind: "list", of: { kind: "ref", target: "Item" } });
    expect(ops.searchItems!.params.map((p) => [p.name, p.optional])).toEqual([["category", true]]);
    expect(ops.validateCart!.returns).toEqual({ kind: "primitive", name: "boolean" });
    expect(ops.validateCart!.async).toBe(false);
    // The file component "Cart" meets the entity "Cart": the component yields (docs/model.md Names).
    expect(all(model).components.map((c) => c.interfaces.map((i) => i.id))).toEqual([["CartService#CartApi"]]);
    expect(ops.addItem!.id).toBe("CartService#CartApi#addItem");
    expect(model.actors.map((a) => a.id)).toEqual(["actor:Shopper"]);
  });

  it("merges the same operation from two statements; sources accumulate", () => {
    const { model } = build([ears("x1", "statements/a.md", "Cart", "add", "an item"), ears("x2", "statements/b.md", "Cart", "add", "items")]);
    const ops = all(model).operations;
    expect(ops.map((o) => o.name)).toEqual(["addItem", "addItems"]);
    const { model: m2 } = build([ears("x1", "statements/a.md", "Cart", "add", "an item"), ears("x2", "statements/b.md", "the Cart", "add", "the item")]);
    expect(all(m2).operations.map((o) => [o.name, o.sources])).toEqual([["addItem", ["x1", "x2"]]]);
  });

  it("skips negated and light verbs", () => {
    const { model, diagnostics } = build([
      [makeStatement({ id: "n", file: "statements/a.md", kind: "shall", text: "The system shall not store passwords." }), makeFacts({ id: "n", actions: [{ ...action("store", "store passwords", "passwords"), negated: true }] })],
      [makeStatement({ id: "l", file: "statements/a.md", kind: "shall", text: "The system shall allow users." }), makeFacts({ id: "l", actions: [action("allow", "allow users", "users")] })],
    ]);
    expect(all(model).operations).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "MODEL_STATEMENT_UNUSED").map((d) => d.statement)).toEqual(["l", "n"]);
  });

  it("turns an EARS trigger into a past-tense event handled by the response operation", () => {
    const { model } = build([
      [
        makeStatement({ id: "e1", file: "statements/cart.md", kind: "ears-event", text: "WHEN the user adds an item to the cart, THE Cart SHALL recalculate the total.", ears: { pattern: "event", trigger: "the user adds an item to the cart", subject: "Cart", modal: "SHALL", response: "recalculate the total" } }),
        makeFacts({ id: "e1", subject: "Cart", actions: [action("recalculate", "recalculate the total", "the total")], entities: ["item", "cart"], events: ["the user adds an item to the cart"] }),
      ],
      [
        makeStatement({ id: "e2", file: "statements/cart.md", kind: "ears-event", text: "WHEN the order is placed, THE Cart SHALL empty the basket.", ears: { pattern: "event", trigger: "the order is placed", subject: "Cart", modal: "SHALL", response: "empty the basket" } }),
        makeFacts({ id: "e2", subject: "Cart", actions: [action("empty", "empty the basket", "the basket")], events: [] }),
      ],
    ]);
    const events = model.system.events.map((e) => e.name);
    expect(events).toEqual(["ItemAdded", "OrderPlaced"]);
    const handlers = model.system.components[0]!.interfaces.find((i) => i.name === "CartHandlers")!;
    expect(handlers.operations.map((o) => [o.name, o.handles])).toEqual([
      ["emptyBasket", "OrderPlaced"],
      ["recalculateTotal", "ItemAdded"],
    ]);
  });

  it("attaches IF-THEN errors to the statement's operations, or to the operations on its topic", () => {
    const { model } = build([
      ears("p1", "statements/pay.md", "Checkout", "charge", "the payment"),
      [
        makeStatement({ id: "p2", file: "statements/pay.md", kind: "ears-unwanted", text: "IF the payment fails, THEN THE Checkout SHALL be rolled back.", ears: { pattern: "unwanted", condition: "the payment fails", subject: "Checkout", modal: "SHALL", response: "be rolled back" } }),
        makeFacts({ id: "p2", subject: "Checkout", actions: [action("be", "be rolled back")], errors: ["the payment fails"] }),
      ],
    ]);
    const op = all(model).operations[0]!;
    expect(op.name).toBe("chargePayment");
    expect(op.errors.map((e) => [e.id, e.when, e.sources])).toEqual([["Checkout#CheckoutApi#chargePayment#PaymentFailsError", "the payment fails", ["p2"]]]);
  });

  it("attaches constraints to the operation, else the named component, else the subsystem", () => {
    const { model } = build([
      ears("c1", "statements/search/a.md", "Search", "find", "products", { constraints: [latency(200)] }),
      [makeStatement({ id: "c2", file: "statements/search/b.md", kind: "ears-ubiquitous", text: "THE Search SHALL be available 99.9% of the time." }), makeFacts({ id: "c2", subject: "Search", functional: false, constraints: [{ metric: "availability", op: ">=", value: 99.9, unit: "%", attribute: "availability", text: "99.9%" }] })],
      [makeStatement({ id: "c3", file: "statements/search/c.md", kind: "shall", text: "The system shall respond within 1 s." }), makeFacts({ id: "c3", subject: "system", functional: false, constraints: [latency(1000)] })],
      [makeStatement({ id: "c4", file: "statements/search/d.md", kind: "shall", text: "The system shall answer within 1 s." }), makeFacts({ id: "c4", subject: "system", functional: false, constraints: [latency(1000)] })],
    ]);
    const sub = model.system.subsystems[0]!;
    expect(sub.constraints.map((k) => [k.id, k.value, k.sources])).toEqual([["search#latency", 1000, ["c3", "c4"]]]);
    const comp = sub.components[0]!;
    expect(comp.constraints.map((k) => k.id)).toEqual(["search/Search#availability"]);
    expect(comp.interfaces[0]!.operations[0]!.constraints.map((k) => [k.metric, k.op, k.value, k.unit])).toEqual([["latency", "<=", 200, "ms"]]);
  });
});

describe("entities", () => {
  it("reads spec-kit Key Entities bullets as entities with fields, enums and relations", () => {
    // specs/001-event-discovery-rsvp.md, microsoft/CommunityManagement-Sample-Spec-Kit (shortened)
    const h = ["Feature Spec 001: Event Discovery & RSVP", "Requirements", "Key Entities"];
    const { model } = build([
      [makeStatement({ id: "k1", file: "specs/001.md", kind: "prose", headingPath: h, text: "Venue: id, name, address, cityId, latitude, longitude, createdBy, createdAt" }), makeFacts({ id: "k1", functional: false })],
      [makeStatement({ id: "k2", file: "specs/001.md", kind: "prose", headingPath: h, text: "City: id, name, countryId, latitude, longitude, timezone" }), makeFacts({ id: "k2", functional: false })],
      [makeStatement({ id: "k3", file: "specs/001.md", kind: "prose", headingPath: h, text: "User Profile (existing, Spec 002): Extended with directory visibility. Contains avatar, display name, bio." }), makeFacts({ id: "k3", functional: false })],
      [makeStatement({ id: "k4", file: "specs/001.md", kind: "prose", headingPath: h, text: "Ticket: id, kind (enum: Standard/Concession), price" }), makeFacts({ id: "k4", functional: false })],
    ]);
    const e = Object.fromEntries(model.system.entities.map((x) => [x.name, x]));
    expect(Object.keys(e).sort()).toEqual(["City", "Ticket", "UserProfile", "Venue"]);
    expect(e.Venue!.fields.map((f) => `${f.name}:${f.type.kind === "primitive" ? f.type.name : "ref"}`)).toEqual([
      "address:string", "cityId:uuid", "createdAt:datetime", "createdBy:string", "id:uuid", "latitude:number", "longitude:number", "name:string",
    ]);
    expect(e.Venue!.relations.map((r) => [r.name, r.cardinality, r.target])).toEqual([["city", "one", "City"]]);
    expect(e.UserProfile!.doc).toBe("Extended with directory visibility.");
    expect(model.system.enums.map((x) => [x.name, x.values])).toEqual([["TicketKind", ["Standard", "Concession"]]]);
  });

  it("admits mentioned nouns only with evidence: two statements and a use as object or a field", () => {
    const { model } = build([
      ears("m1", "statements/a.md", "Library", "lend", "a book", { entities: ["book", "weather"] }),
      ears("m2", "statements/a.md", "Library", "return", "the book", { entities: ["book", "weather"] }),
      ears("m3", "statements/a.md", "Library", "archive", "a magazine"),
    ]);
    expect(model.system.entities.map((x) => x.name)).toEqual(["Book"]);
  });

  it("reads relations stated in words and enum values the extractor listed", () => {
    const shall = (id: string, text: string, extra: Partial<Facts>): [Statement, Facts] => [makeStatement({ id, file: "statements/orders.md", kind: "shall", text }), makeFacts({ id, ...extra })];
    const { model } = build([
      shall("r1", "Each order has many order lines.", { entities: ["order", "order lines"], fields: [{ entity: "order", field: "total" }] }),
      shall("r2", "Every order line belongs to a product.", { entities: ["order line", "product"], fields: [{ entity: "order line", field: "quantity" }] }),
      shall("r3", "The system shall store the product.", { actions: [action("store", "store the product", "the product")], fields: [{ entity: "product", field: "status", values: ["draft", "live"] } as Facts["fields"][number]] }),
    ]);
    const e = Object.fromEntries(model.system.entities.map((x) => [x.name, x]));
    expect(e.Order!.relations.map((r) => [r.name, r.cardinality, r.target, r.sources])).toEqual([["orderLines", "many", "OrderLine", ["r1"]]]);
    expect(e.OrderLine!.relations.map((r) => [r.name, r.cardinality, r.target])).toEqual([["product", "one", "Product"]]);
    expect(model.system.enums.map((x) => [x.name, x.values])).toEqual([["ProductStatus", ["draft", "live"]]]);
  });

  it("never makes actors or named components entities", () => {
    const { model } = build([
      [makeStatement({ id: "u1", file: "statements/a.md", kind: "user-story", text: "As a librarian, I want to notify the Scheduler." }), makeFacts({ id: "u1", actors: ["librarian"], actions: [action("notify", "notify the librarian", "the librarian")], entities: ["librarian", "Scheduler"] })],
      [makeStatement({ id: "u2", file: "statements/a.md", kind: "ears-ubiquitous", text: "THE Scheduler SHALL remind the librarian." }), makeFacts({ id: "u2", subject: "Scheduler", actions: [action("remind", "remind the librarian", "the librarian")], entities: ["librarian", "Scheduler"] })],
    ]);
    expect(model.system.entities).toEqual([]);
    const op = all(model).operations.find((o) => o.name === "remindLibrarian")!;
    expect(op.params.map((p) => [p.name, p.type])).toEqual([["librarianId", { kind: "primitive", name: "uuid" }]]);
  });
});

describe("names", () => {
  it("are PascalCase singular for types, camelCase for members, never empty or leading digits", () => {
    const { model } = build([
      ears("n1", "statements/a.md", "Kiro_Worker", "upload", "3D models", { fields: [{ entity: "3D models", field: "2nd axis" }] }),
      ears("n2", "statements/a.md", "Kiro_Worker", "render", "3D models"),
    ]);
    expect(all(model).components.map((c) => c.name)).toEqual(["KiroWorker"]);
    expect(model.system.entities.map((e) => [e.name, e.fields.map((f) => f.name)])).toEqual([["Model3d", ["axis2nd"]]]);
  });

  it("keep a pinned name when a statement is reworded", () => {
    const before = build([ears("r", "statements/a.md", "Cart", "add", "a shopping cart item", { fields: [{ entity: "shopping cart item", field: "qty" }] })], { names: { "shopping cart item": "LineItem", "basket entry": "LineItem" } });
    const after = build([ears("r2", "statements/a.md", "Cart", "add", "a basket entry", { fields: [{ entity: "basket entry", field: "qty" }] })], { names: { "shopping cart item": "LineItem", "basket entry": "LineItem" } });
    expect(before.model.system.entities.map((e) => e.name)).toEqual(["LineItem"]);
    expect(after.model.system.entities.map((e) => e.name)).toEqual(["LineItem"]);
    expect(all(after.model).operations.map((o) => o.name)).toEqual(["addLineItem"]);
  });

  it("keep the glossary term's name for its aliases", () => {
    const { model } = build([
      [makeStatement({ id: "g", file: "statements/glossary.md", kind: "glossary", headingPath: ["Glossary"], text: "Cart: the items a shopper intends to buy, also called basket.", glossary: { term: "Cart", definition: "the items a shopper intends to buy, also called basket." } }), makeFacts({ id: "g", functional: false })],
      ears("b1", "statements/a.md", "Checkout", "empty", "the basket", { fields: [{ entity: "basket", field: "total" }] }),
    ]);
    expect(model.system.entities.map((e) => [e.name, e.doc])).toEqual([["Cart", "the items a shopper intends to buy, also called basket."]]);
  });

  it("resolve collisions deterministically with a diagnostic", () => {
    const { model, diagnostics } = build([
      ears("k1", "statements/a.md", "Cart", "add", "an item", { fields: [{ entity: "cart", field: "total" }] }),
      ears("k2", "statements/a.md", "Checkout", "pay", "the cart"),
    ]);
    expect(model.system.entities.map((e) => e.id)).toEqual(["Cart"]);
    expect(model.system.components.map((c) => c.id)).toEqual(["CartService", "Checkout"]);
    expect(diagnostics.map((d) => d.code)).toContain("MODEL_NAME_COLLISION");
  });
});

describe("bad input", () => {
  it("reports duplicate ids and statements without facts, and still builds", () => {
    const a = ears("dup", "statements/a.md", "Cart", "add", "an item");
    const b = ears("dup", "statements/b.md", "Cart", "remove", "an item");
    const lone = makeStatement({ id: "lone", file: "statements/c.md", kind: "shall", text: "The system shall log in." });
    const out = buildModel({ statements: [a[0], b[0], lone], facts: [a[1], b[1]], config: DEFAULT_CONFIG });
    expect(out.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["MODEL_DUPLICATE_STATEMENT_ID", "statements/b.md"],
      ["MODEL_MISSING_FACTS", "statements/c.md"],
    ]);
    expect(out.model.statements.map((s) => s.id)).toEqual(["dup", "lone"]);
    expect(findInvariantViolations(out.model)).toEqual([]);
  });

  it("builds an empty model from no statements", () => {
    const out = buildModel({ statements: [], facts: [], config: DEFAULT_CONFIG });
    expect(out.model.system.name).toBe("System");
    expect(out.diagnostics.map((d) => d.code)).toEqual(["MODEL_EMPTY"]);
    expect(findInvariantViolations(out.model)).toEqual([]);
  });
});
