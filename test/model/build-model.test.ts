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
  it("makes folders nested subsystems under the configured system; ids do not carry the placement", () => {
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
    expect(cart.components.map((c) => c.id)).toEqual(["component/Cart"]);
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

  it("makes headings components, never subsystems; story titles and feature titles name none", () => {
    const story = (id: string, h: string[], verb: string, obj: string): [Statement, Facts] => [
      makeStatement({ id, file: "statements/app.md", text: `As a user, I want to ${verb} ${obj}.`, kind: "user-story", headingPath: h }),
      makeFacts({ id, actors: ["user"], actions: [action(verb, `${verb} ${obj}`, obj)] }),
    ];
    const several = build([story("a", ["Shopping Cart"], "add", "an item"), story("b", ["Payments", "Refunds"], "refund", "a payment")]).model;
    expect(several.system.subsystems).toEqual([]);
    expect(all(several).components.map((c) => c.name).sort()).toEqual(["Refunds", "ShoppingCart"]);
    const feature = build([story("a", ["Feature Specification: Shopping Cart", "User Story 1 - Add items"], "add", "an item"), story("b", ["Feature Specification: Shopping Cart"], "refund", "a payment")]).model;
    expect(all(feature).components.map((c) => c.name).sort()).toEqual(["Items", "Payments"]);
  });

  it("sends operations with neither a component nor an entity to the file's feature", () => {
    const { model } = build([
      [makeStatement({ id: "a", file: "statements/checkout.md", text: "The system shall log in.", kind: "shall" }), makeFacts({ id: "a", subject: "system", actions: [action("log in", "log in")] })],
    ]);
    expect(all(model).components.map((c) => c.id)).toEqual(["component/Checkout"]);
  });

  it("places an entity used in two folders in their deepest common subsystem; a move is not a rename", () => {
    const { model } = build([
      ears("a", "statements/shop/cart/add.md", "Cart", "add", "an order line", { fields: [{ entity: "order line", field: "quantity" }] }),
      ears("b", "statements/shop/billing/pay.md", "Billing", "charge", "an order line"),
    ]);
    const { entities, subsystems } = all(model);
    expect(entities.map((e) => e.id)).toEqual(["entity/OrderLine"]);
    expect(subsystems.find((s) => s.entities.length > 0)!.id).toBe("shop");
    expect(entities[0]!.sources).toEqual(["a", "b"]);
  });
});

describe("components, interfaces, operations", () => {
  it("reads operations with typed parameters, results and async from actions", () => {
    const { model } = build([
      [
        makeStatement({ id: "s1", file: "statements/cart.md", kind: "user-story", headingPath: ["Cart"], text: "As a shopper, I want to add an item to the basket." }),
        makeFacts({ id: "s1", actors: ["shopper"], actions: [action("add", "add an item to the basket", "an item", [{ prep: "to", phrase: "the basket" }])], entities: ["item", "basket"] }),
      ],
      [
        makeStatement({ id: "s2", file: "statements/cart.md", headingPath: ["Cart"], kind: "user-story", text: "As a shopper, I want to view a product." }),
        makeFacts({ id: "s2", actors: ["shopper"], actions: [action("view", "view a product", "a product")], fields: [{ entity: "product", field: "price" }] }),
      ],
      [
        makeStatement({ id: "s3", file: "statements/cart.md", headingPath: ["Cart"], kind: "user-story", text: "As a shopper, I want to search products by category." }),
        makeFacts({ id: "s3", actors: ["shopper"], actions: [action("search", "search products by category", "products", [{ prep: "by", phrase: "category" }])], entities: ["products"] }),
      ],
      [
        makeStatement({ id: "s4", file: "statements/cart.md", headingPath: ["Cart"], kind: "shall", text: "The system shall validate the basket." }),
        makeFacts({ id: "s4", actions: [action("validate", "validate the basket", "the basket")], entities: ["basket"] }),
      ],
    ]);
    const ops = Object.fromEntries(all(model).operations.map((o) => [o.name, o]));
    expect(Object.keys(ops).sort()).toEqual(["addProductToBasket", "getProduct", "searchProducts", "validateBasket"].filter((n) => n !== "addProductToBasket").concat(["addItemToBasket"]).sort());
    expect(ops.addItemToBasket!.params.map((p) => [p.name, p.type])).toEqual([
      ["basket", { kind: "ref", target: "entity/Basket" }],
      ["item", { kind: "ref", target: "entity/Item" }],
    ]);
    expect(ops.addItemToBasket!.returns).toEqual({ kind: "primitive", name: "void" });
    expect(ops.addItemToBasket!.actors).toEqual(["actor:Shopper"]);
    expect(ops.addItemToBasket!.async).toBe(true);
    expect(ops.getProduct!.params.map((p) => [p.name, p.type])).toEqual([["productId", { kind: "primitive", name: "uuid" }]]);
    expect(ops.getProduct!.returns).toEqual({ kind: "ref", target: "entity/Product" });
    expect(ops.searchProducts!.returns).toEqual({ kind: "list", of: { kind: "ref", target: "entity/Product" } });
    expect(ops.searchProducts!.params.map((p) => [p.name, p.optional])).toEqual([["category", true]]);
    expect(ops.validateBasket!.returns).toEqual({ kind: "primitive", name: "boolean" });
    expect(ops.validateBasket!.async).toBe(false);
    // The heading component "Cart" and the entities live in their own namespaces.
    expect(all(model).components.map((c) => c.interfaces.map((i) => i.id))).toEqual([["component/Cart/CartApi"]]);
    expect(ops.addItemToBasket!.id).toBe("component/Cart/CartApi#addItemToBasket");
    expect(model.actors.map((a) => a.id)).toEqual(["actor:Shopper"]);
  });

  it("merges the same operation from two statements, whatever the CRUD verb; sources accumulate", () => {
    const { model } = build([ears("x1", "statements/a.md", "Catalog", "create", "a product"), ears("x2", "statements/b.md", "the Catalog", "register", "the product")]);
    expect(all(model).operations.map((o) => [o.name, o.sources])).toEqual([
      ["createProduct", ["x1", "x2"]],
      ["getProduct", ["x1", "x2"]],
      ["listProducts", ["x1", "x2"]],
    ]);
  });

  it("reports negated and light verbs instead of making operations", () => {
    const { model, diagnostics } = build([
      [makeStatement({ id: "n", file: "statements/a.md", kind: "shall", text: "The system shall not store passwords." }), makeFacts({ id: "n", actions: [{ ...action("store", "store passwords", "passwords"), negated: true }] })],
      [makeStatement({ id: "l", file: "statements/a.md", kind: "shall", text: "The system shall allow users." }), makeFacts({ id: "l", actions: [action("allow", "allow users", "users")] })],
    ]);
    expect(all(model).operations).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "NOT_MODELLED").map((d) => d.statement)).toEqual(["l", "n"]);
  });

  it("makes events of things, not of persons; handlers take the event", () => {
    const { model } = build([
      [
        makeStatement({ id: "e1", file: "statements/cart.md", kind: "ears-event", text: "WHEN the user adds an item to the cart, THE Cart SHALL recalculate the total.", ears: { pattern: "event", trigger: "the user adds an item to the cart", subject: "Cart", modal: "SHALL", response: "recalculate the total" } }),
        makeFacts({ id: "e1", subject: "Cart", actions: [action("recalculate", "recalculate the total", "the total")], entities: ["item", "cart"], events: ["item added"], triggers: [{ text: "the user adds an item to the cart", actor: "user", action: action("add", "adds an item to the cart", "an item") }] }),
      ],
      [
        makeStatement({ id: "e2", file: "statements/cart.md", kind: "ears-event", text: "WHEN the order is placed, THE Cart SHALL empty the basket.", ears: { pattern: "event", trigger: "the order is placed", subject: "Cart", modal: "SHALL", response: "empty the basket" } }),
        makeFacts({ id: "e2", subject: "Cart", actions: [action("empty", "empty the basket", "the basket")], events: ["order placed"], triggers: [{ text: "the order is placed", subject: "the order", action: action("place", "is placed") }] }),
      ],
    ]);
    expect(model.system.events.map((e) => e.name)).toEqual(["OrderPlaced"]);
    const handlers = model.system.components[0]!.interfaces.find((i) => i.name === "CartHandlers")!;
    expect(handlers.operations.map((o) => [o.name, o.handles, o.params.map((p) => p.name)])).toEqual([["emptyBasket", "event/OrderPlaced", ["event"]]]);
  });

  it("makes an IF-THEN condition an error of the statement's operations", () => {
    const { model } = build([
      [
        makeStatement({ id: "p2", file: "statements/pay.md", kind: "ears-unwanted", text: "IF the payment fails, THEN THE Checkout SHALL roll back the order.", ears: { pattern: "unwanted", condition: "the payment fails", subject: "Checkout", modal: "SHALL", response: "roll back the order" } }),
        makeFacts({ id: "p2", subject: "Checkout", actions: [action("roll back", "roll back the order", "the order")], errors: ["the payment fails"], conditions: [{ text: "the payment fails", subject: "the payment", action: action("fail", "fails") }] }),
      ],
    ]);
    const op = all(model).operations[0]!;
    expect(op.name).toBe("rollBackOrder");
    expect(op.errors.map((e) => [e.id, e.when, e.sources])).toEqual([["component/Checkout/CheckoutApi#rollBackOrder#PaymentFailedError", "the payment fails", ["p2"]]]);
  });

  it("attaches constraints to the operation, the named component, or the system", () => {
    const { model } = build([
      ears("c1", "statements/search/a.md", "Search", "find", "products", { constraints: [latency(200)] }),
      [makeStatement({ id: "c2", file: "statements/search/b.md", kind: "ears-ubiquitous", text: "THE Search SHALL be available 99.9% of the time." }), makeFacts({ id: "c2", subject: "Search", functional: false, constraints: [{ metric: "availability", op: ">=", value: 99.9, unit: "%", attribute: "availability", text: "99.9%" }] })],
      [makeStatement({ id: "c3", file: "statements/search/c.md", kind: "shall", text: "The system shall respond within 1 s." }), makeFacts({ id: "c3", subject: "system", functional: false, constraints: [latency(1000)] })],
      [makeStatement({ id: "c4", file: "statements/search/d.md", kind: "shall", text: "The system shall answer within 1 s." }), makeFacts({ id: "c4", subject: "system", functional: false, constraints: [latency(1000)] })],
    ]);
    const sub = model.system.subsystems[0]!;
    expect(sub.constraints.map((k) => [k.id, k.value, k.sources])).toEqual([["search#latency", 1000, ["c3", "c4"]]]);
    const comp = sub.components[0]!;
    expect(comp.constraints.map((k) => k.id)).toEqual(["component/Search#availability"]);
    expect(comp.interfaces[0]!.operations[0]!.constraints.map((k) => [k.metric, k.op, k.value, k.unit])).toEqual([["latency", "<=", 200, "ms"]]);
  });
});

describe("entities", () => {
  it("reads spec-kit Key Entities bullets as entities with fields, enums and relations", () => {
    // specs/001-event-discovery-rsvp.md, microsoft/CommunityManagement-Sample-Spec-Kit (shortened)
    const h = ["Feature Spec 001: Event Discovery & RSVP", "Requirements", "Key Entities"];
    const { model } = build([
      [makeStatement({ id: "k1", file: "specs/001.md", kind: "prose", headingPath: h, text: "Venue: id, name, address, the city, latitude, longitude, createdBy, createdAt" }), makeFacts({ id: "k1", functional: false })],
      [makeStatement({ id: "k2", file: "specs/001.md", kind: "prose", headingPath: h, text: "City: id, name, countryId, latitude, longitude, timezone" }), makeFacts({ id: "k2", functional: false })],
      [makeStatement({ id: "k3", file: "specs/001.md", kind: "prose", headingPath: h, text: "User Profile (existing, Spec 002): Extended with directory visibility. Contains avatar, display name, bio." }), makeFacts({ id: "k3", functional: false })],
      [makeStatement({ id: "k4", file: "specs/001.md", kind: "prose", headingPath: h, text: "Ticket: id, kind (Standard, Concession), price" }), makeFacts({ id: "k4", functional: false })],
    ]);
    const e = Object.fromEntries(model.system.entities.map((x) => [x.name, x]));
    expect(Object.keys(e).sort()).toEqual(["City", "Ticket", "UserProfile", "Venue"]);
    expect(e.Venue!.fields.map((f) => `${f.name}:${f.type.kind === "primitive" ? f.type.name : "ref"}`)).toEqual([
      "address:string", "createdAt:datetime", "createdBy:string", "id:uuid", "latitude:number", "longitude:number", "name:string",
    ]);
    expect(e.Venue!.relations.map((r) => [r.name, r.cardinality, r.target])).toEqual([["city", "one", "entity/City"]]);
    expect(e.UserProfile!.fields.map((f) => f.name)).toEqual(["avatar", "bio", "directoryVisibility", "displayName", "id"]);
    expect(model.system.enums.map((x) => [x.name, x.values])).toEqual([["TicketKind", ["standard", "concession"]]]);
  });

  it("without declarations, nouns acted on are entities; with them, undeclared nouns are things", () => {
    const { model } = build([ears("m1", "statements/a.md", "Library", "lend", "a book"), ears("m3", "statements/a.md", "Library", "archive", "a magazine")]);
    expect(model.system.entities.map((x) => x.name)).toEqual(["Book", "Magazine"]);
    const g = (id: string, term: string, def: string): [Statement, Facts] => [makeStatement({ id, file: "statements/glossary.md", kind: "glossary", headingPath: ["Glossary"], text: `${term}: ${def}`, glossary: { term, definition: def } }), makeFacts({ id, functional: false })];
    const declared = build([g("g1", "Book", "a title we lend, with an author."), ears("m1", "statements/a.md", "Library", "lend", "a book"), ears("m3", "statements/a.md", "Library", "archive", "a magazine")]);
    expect(declared.model.system.entities.map((x) => x.name)).toEqual(["Book"]);
    expect(all(declared.model).operations.find((o) => o.name === "archiveMagazine")!.params.map((p) => [p.name, p.type])).toEqual([["magazineId", { kind: "primitive", name: "uuid" }]]);
    expect(declared.diagnostics.some((d) => d.code === "MODEL_UNDECLARED")).toBe(true);
  });

  it("never makes actors entities; a person as a parameter is an id", () => {
    const { model } = build([
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
      ears("n1", "statements/a.md", "Kiro_Worker", "upload", "3D models"),
      ears("n2", "statements/a.md", "Kiro_Worker", "render", "3D models"),
    ]);
    expect(all(model).components.map((c) => c.name)).toEqual(["KiroWorker"]);
    expect(model.system.entities.map((e) => e.name)).toEqual(["Model3d"]);
  });

  it("keep a pinned name when a statement is reworded", () => {
    const pins = { names: { "shopping cart item": "LineItem", "basket entry": "LineItem" } };
    const before = build([ears("r", "statements/a.md", "Cart", "add", "a shopping cart item")], pins);
    const after = build([ears("r2", "statements/a.md", "Cart", "add", "a basket entry")], pins);
    expect(before.model.system.entities.map((e) => e.name)).toEqual(["LineItem"]);
    expect(after.model.system.entities.map((e) => e.name)).toEqual(["LineItem"]);
    expect(all(after.model).operations.map((o) => o.name)).toEqual(["createLineItem", "getLineItem", "listLineItems"]);
  });

  it("keep the glossary term's name for its aliases", () => {
    const { model } = build([
      [makeStatement({ id: "g", file: "statements/glossary.md", kind: "glossary", headingPath: ["Glossary"], text: "Cart: the items a shopper intends to buy, also called basket.", glossary: { term: "Cart", definition: "the items a shopper intends to buy, also called basket." } }), makeFacts({ id: "g", functional: false })],
      ears("b1", "statements/a.md", "Checkout", "empty", "the basket"),
    ]);
    expect(model.system.entities.map((e) => [e.name, e.doc])).toEqual([["Cart", "the items a shopper intends to buy, also called basket."]]);
    expect(all(model).operations.map((o) => o.name)).toEqual(["emptyCart"]);
  });

  it("let an entity and a component share a name in their own namespaces", () => {
    const { model, diagnostics } = build([ears("k1", "statements/a.md", "Cart", "empty", "the cart"), ears("k2", "statements/a.md", "Checkout", "pay", "the cart")]);
    expect(model.system.entities.map((e) => e.id)).toEqual(["entity/Cart"]);
    expect(model.system.components.map((c) => c.id)).toEqual(["component/Cart", "component/Checkout"]);
    expect(diagnostics.map((d) => d.code)).not.toContain("MODEL_NAME_COLLISION");
  });
});

describe("bad input", () => {
  it("reports duplicate ids and statements without facts, and still builds", () => {
    const a = ears("dup", "statements/a.md", "Cart", "add", "an item");
    const b = ears("dup", "statements/b.md", "Cart", "remove", "an item");
    const lone = makeStatement({ id: "lone", file: "statements/c.md", kind: "shall", text: "The system shall log in." });
    const out = buildModel({ statements: [a[0], b[0], lone], facts: [a[1], b[1]], config: DEFAULT_CONFIG });
    expect(out.diagnostics.filter((d) => d.code !== "MODEL_EMPTY_ENTITY").map((d) => [d.code, d.file])).toEqual([
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
