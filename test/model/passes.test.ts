import { describe, expect, it } from "@jest/globals";
import { compile } from "../../lib/compile.js";
import type { PenultConfig } from "../../lib/config/types.js";
import type { Entity, Model, Operation } from "../../lib/model/types.js";
import { nameError } from "../../lib/model/name-error.js";
import { walkModel } from "../../lib/model/walk-model.js";

/*
 * One test per rule of docs/model.md, each on the smallest statements that show it, through the real
 * pipeline (parse -> extract -> model). The rule ids are the `why` each element must carry.
 */

function build(files: Record<string, string>, config: Partial<PenultConfig> = {}) {
  return compile({ files: Object.entries(files).map(([path, content]) => ({ path: `statements/${path}`, content })), config });
}

/** "CartApi.addBook" -> the operation. */
function op(model: Model, qualified: string): Operation | undefined {
  const [iface, name] = qualified.split(".");
  let found: Operation | undefined;
  walkModel(model, { interface: (i) => void (i.name === iface ? (found = i.operations.find((o) => o.name === name) ?? found) : undefined) });
  return found;
}

function ops(model: Model): string[] {
  const out: string[] = [];
  walkModel(model, { interface: (i) => void out.push(...i.operations.map((o) => `${i.name}.${o.name}`)) });
  return out.sort();
}

function entity(model: Model, name: string): Entity | undefined {
  let found: Entity | undefined;
  walkModel(model, { entity: (e) => void (e.name === name ? (found = e) : undefined) });
  return found;
}

function entities(model: Model): string[] {
  const out: string[] = [];
  walkModel(model, { entity: (e) => void out.push(e.name) });
  return out.sort();
}

function signature(o: Operation | undefined): string {
  if (!o) return "(missing)";
  const t = (x: Operation["returns"]): string => (x.kind === "primitive" ? x.name : x.kind === "list" ? `${t(x.of)}[]` : x.target.split("/").pop()!.split("#")[0]!);
  return `${o.name}(${o.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${t(p.type)}`).join(", ")}): ${t(o.returns)}`;
}

function rules(el: { why?: { rule: string }[] } | undefined): string[] {
  return [...new Set((el?.why ?? []).map((w) => w.rule))].sort();
}

const GLOSSARY = `# Glossary

**Book**: a title the shop sells, identified by its ISBN, with a title, an author and a price.

**Cart**: the books a customer has chosen, with a quantity for each.

**Customer**: a person who buys books, identified by an email address.

**Order**: a confirmed purchase of the books in a cart, with a delivery address and a total.

**Stock level**: the number of copies of a book the warehouse holds.
`;

describe("declarations", () => {
  const { model } = build({ "glossary.md": GLOSSARY });

  it("declarations/entity, identity, field, relation", () => {
    const book = entity(model, "Book")!;
    expect(book.fields.map((f) => f.name).sort()).toEqual(["author", "isbn", "price", "stockLevel", "title"]);
    expect(book.fields.find((f) => f.name === "price")!.type).toEqual({ kind: "primitive", name: "number" });
    expect(rules(book.fields.find((f) => f.name === "isbn"))).toEqual(["declarations/identity"]);
    const cart = entity(model, "Cart")!;
    expect(cart.relations.map((r) => `${r.name}->${r.target}:${r.cardinality}`).sort()).toEqual(["books->entity/Book:many", "customer->entity/Customer:one"]);
    expect(rules(cart)).toContain("declarations/entity");
  });

  it("declarations/value-of: a term defined as a value of another entity is its field, not an entity", () => {
    expect(entities(model)).not.toContain("StockLevel");
    expect(rules(entity(model, "Book")!.fields.find((f) => f.name === "stockLevel"))).toEqual(["declarations/value-of"]);
  });

  it("declarations/value-list: listed states make an enum", () => {
    const { model: m } = build({ "spec.md": "# Shop\n\n## Key Entities\n\n- **Sale**: what is sold, with its state (open, confirmed, paid, cancelled) and a total.\n" });
    const sale = entity(m, "Sale")!;
    expect(sale.fields.find((f) => f.name === "state")!.type).toEqual({ kind: "ref", target: "enum/SaleState" });
    let values: string[] = [];
    walkModel(m, { enum: (e) => void (values = e.values) });
    expect(values).toEqual(["open", "confirmed", "paid", "cancelled"]);
  });

  it("labelled data-model lists: **Entity** with Fields:", () => {
    const { model: m } = build({
      "spec.md": "# Budget\n\n### Key Entities\n\n**BudgetConfig**\n- Purpose: Stores budget parameters\n- Fields:\n  - `forecasted_income` (number): Expected monthly income\n  - `interest_patterns` (array): Keywords\n",
    });
    expect(entities(m)).toEqual(["BudgetConfig"]);
    const b = entity(m, "BudgetConfig")!;
    expect(b.doc).toBe("Stores budget parameters");
    expect(b.fields.map((f) => `${f.name}:${f.type.kind === "list" ? "list" : f.type.kind === "primitive" ? f.type.name : "ref"}`).sort()).toEqual(["forecastedIncome:number", "id:uuid", "interestPatterns:list"]);
  });

  it("declarations/code and code-type: an abstract class outside examples is a component with its signatures", () => {
    const code = [
      "# Design",
      "",
      "## Example: a shortener",
      "",
      "```python",
      "class UrlShortener(ABC):",
      "    @abstractmethod",
      "    def shorten_url(self, long_url: str) -> str: pass",
      "```",
      "",
      "## The system",
      "",
      "```python",
      "class Compiler(ABC):",
      "    @abstractmethod",
      "    def compile_statements(self, statements: List[Statement]) -> Model: pass",
      "",
      "class FastCompiler(Compiler):",
      "    def compile_statements(self, statements):",
      "        return build(statements)",
      "```",
      "",
    ].join("\n");
    const { model: m } = build({ "design.md": code });
    expect(ops(m)).toEqual(["Compiler.compileStatements"]);
    expect(signature(op(m, "Compiler.compileStatements"))).toBe("compileStatements(statements: Statement[]): Model");
    expect(rules(op(m, "Compiler.compileStatements"))).toEqual(["declarations/code"]);
    expect(rules(entity(m, "Model"))).toEqual(["declarations/code-type"]);
    expect(entity(m, "Model")!.fields).toEqual([]);
  });

  it("a declared data model is authoritative: undeclared things are referenced by id and reported", () => {
    const { model: m, diagnostics } = build({ "glossary.md": GLOSSARY, "pay.md": "# Payment\n\nThe Payment service SHALL cancel the charge.\n" });
    expect(entities(m)).not.toContain("Charge");
    expect(signature(op(m, "PaymentServiceApi.cancelCharge"))).toBe("cancelCharge(chargeId: uuid): void");
    expect(diagnostics.some((d) => d.code === "MODEL_UNDECLARED" && d.message.includes("Charge"))).toBe(true);
  });
});

describe("resolving phrases", () => {
  const { model } = build({
    "glossary.md": GLOSSARY,
    "cart.md": [
      "# Cart",
      "",
      "WHEN a customer adds a book to the cart, THE Cart SHALL add one copy of the book and update the cart total.",
      "",
      "IF the cart holds more than 20 copies of one book, THEN THE Cart SHALL refuse to add another copy and tell the customer the limit.",
      "",
    ].join("\n"),
    "catalog.md": "# Catalogue\n\n- As a customer, I want to see a book's price, description and stock level.\n- As a shop manager, I want to change the price of a book.\n",
  });

  it("partitives name their thing, values of a declared entity are its fields", () => {
    expect(entities(model)).not.toContain("Copy");
    expect(entities(model)).not.toContain("CartTotal");
    expect(entities(model)).not.toContain("Price");
    expect(entity(model, "Cart")!.fields.map((f) => f.name)).toContain("total");
    expect(entity(model, "Book")!.fields.map((f) => f.name)).toContain("description");
  });

  it("a bare partitive takes what the statement says it is a copy of", () => {
    expect(op(model, "CartApi.addBook")!.errors.map((e) => e.name)).toEqual(["CartLimitExceededError"]);
  });

  it("media named alone are things of their own; owned media stay values", () => {
    const { model: m } = build({
      "s.md": "# Uploads\n\n1. WHEN an image passes validation THEN the system SHALL store it.\n2. WHEN a user uploads an image THEN the system SHALL create the image.\n3. THE system SHALL let a user change the avatar's photo of a profile.\n",
    });
    expect(entities(m)).toContain("Image");
    expect(entities(m)).not.toContain("Photo");
  });

  it("a quoted label names the thing after it; number words are quantities", () => {
    const { model: m, diagnostics: d } = build({ "s.md": "# Sync\n\n- **FR-001**: System MUST provide a \"Push to Cloud\" button.\n- **FR-002**: Users MUST be able to create three projects.\n" });
    expect(ops(m)).toEqual(["SyncApi.createProject", "SyncApi.getProject", "SyncApi.listProjects"]);
    expect(ops(m).some((o) => /Push|Three/.test(o))).toBe(false);
    expect(d.some((x) => x.code === "NOT_MODELLED" && /user-interface/.test(x.message))).toBe(true);
  });

  it("same stems in another order and lone head nouns name declared entities", () => {
    const { model: m } = build({
      "spec.md": "# Requirements\n\n## Key Entities\n\n- **Coach Registration**: a coach's entry, with an alias.\n- **Cash Session**: a shift, with a start time.\n\n## Requirements\n\n- **FR-001**: Users MUST be able to view registered coaches for a tournament.\n- **FR-002**: Users MUST be able to close a session.\n",
    });
    expect(ops(m)).toEqual(expect.arrayContaining(["CoachRegistrationsApi.listCoachRegistrations", "CashSessionsApi.closeCashSession"]));
  });
});

describe("components", () => {
  it("components/ears-subject, modal-subject, heading", () => {
    const { model } = build({
      "cart.md": "# Cart\n\nWHEN a customer removes a book from the cart, THE Cart SHALL remove every copy of that book.\n",
      "pay.md": "# Money\n\n- **FR-007**: The Payment service MUST refund the order.\n",
      "orders.md": "# Orders\n\n- **FR-001**: The system MUST let a customer cancel an order.\n",
    });
    const comps: Record<string, string[]> = {};
    walkModel(model, { component: (c) => void (comps[c.name] = [...new Set((c.why ?? []).map((w) => w.rule))]) });
    expect(comps["Cart"]).toContain("components/ears-subject");
    expect(comps["PaymentService"]).toContain("components/modal-subject");
    expect(comps["Orders"]).toContain("components/heading");
  });

  it("section labels, story titles and feature titles name no component: operations split by entity", () => {
    const { model } = build({
      "spec.md": [
        "# Feature Specification: Recipe Manager",
        "",
        "## User Scenarios & Testing",
        "",
        "### User Story 1 - Browse Recipes (Priority: P1)",
        "",
        "As a cook, I want to browse my recipes.",
        "",
        "## Requirements",
        "",
        "### Functional Requirements",
        "",
        "- **FR-001**: Users MUST be able to delete tags.",
        "- **FR-002**: System MUST display a two-pane layout.",
        "",
      ].join("\n"),
    });
    const comps: string[] = [];
    walkModel(model, { component: (c) => void comps.push(c.name) });
    expect(comps.sort()).toEqual(["Recipes", "Tags"]);
  });

  it("transcripts never make components from their section titles", () => {
    const chat = ["User: we need a system for notes", "", "Assistant: Here is the idea.", "Bootstrapping Paradox", "The notes pile up and nobody reads them.", ""].join("\n");
    const { model } = build({ "chat.txt": chat });
    const comps: string[] = [];
    walkModel(model, { component: (c) => void comps.push(c.name) });
    expect(comps).not.toContain("BootstrappingParadox");
  });
});

describe("operations", () => {
  const { model, diagnostics } = build({
    "glossary.md": GLOSSARY,
    "catalog.md": [
      "# Catalogue",
      "",
      "- As a customer, I want to search books by title, author or ISBN.",
      "- As a customer, I want to browse books by genre.",
      "- As a shop manager, I want to add a book to the catalogue with its ISBN, title, author and price.",
      "- As a shop manager, I want to put a book in the catalogue.",
      "- As a shop manager, I want to change the price of a book.",
      "",
    ].join("\n"),
    "orders.md": "# Orders\n\n- **FR-001**: The system MUST create an order from the cart with the customer's delivery address and the order total.\n- **FR-002**: Customers MUST be able to track the status of their orders (placed, paid, shipped).\n- **FR-003**: The system MUST display a two-pane layout.\n",
  });

  it("operations/crud: one consistent name per entity whatever the verb", () => {
    expect(signature(op(model, "CatalogueApi.searchBooks"))).toBe("searchBooks(title?: string, author?: string, isbn?: string): Book[]");
    expect(signature(op(model, "CatalogueApi.listBooks"))).toBe("listBooks(genre?: string): Book[]");
    expect(signature(op(model, "CatalogueApi.createBook"))).toBe("createBook(book: Book): Book");
    expect(op(model, "CatalogueApi.createBook")!.sources.length).toBe(2);
    expect(ops(model).filter((o) => /putBook|addBook/.test(o))).toEqual([]);
  });

  it("operations/field with its enum", () => {
    expect(signature(op(model, "CatalogueApi.updateBookPrice"))).toBe("updateBookPrice(isbn: string, price: number): void");
    expect(signature(op(model, "OrdersApi.getOrderStatus"))).toBe("getOrderStatus(orderId: uuid): OrderStatus");
  });

  it("parameters take the entity type; created-with attributes are fields of the new entity", () => {
    expect(signature(op(model, "OrdersApi.createOrder"))).toBe("createOrder(order: Order, cart: Cart): Order");
    expect(entity(model, "Order")!.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["deliveryAddress", "total", "status"]));
  });

  it("operations/implied-read: what is created can be read back", () => {
    expect(rules(op(model, "OrdersApi.getOrder"))).toEqual(["operations/implied-read"]);
    expect(rules(op(model, "OrdersApi.listOrders"))).toEqual(["operations/implied-read"]);
  });

  it("presentation is reported as not modelled, never an operation", () => {
    expect(ops(model).some((o) => /display|layout|pane/i.test(o))).toBe(false);
    expect(diagnostics.some((d) => d.code === "NOT_MODELLED" && d.message.includes("two-pane"))).toBe(true);
  });

  it("naming.operations changes the CRUD verbs", () => {
    const { model: m } = build({ "glossary.md": GLOSSARY, "c.md": "# Catalogue\n\n- As a manager, I want to add a book to the catalogue.\n" }, { naming: { operations: { create: "add" } } });
    expect(ops(m)).toContain("CatalogueApi.addBook");
  });

  it("operations/association and effects", () => {
    const { model: m } = build({ "glossary.md": GLOSSARY, "cart.md": "# Cart\n\nWHEN a customer adds a book to the cart, THE Cart SHALL add one copy of the book and update the cart total.\n" });
    expect(signature(op(m, "CartApi.addBook"))).toBe("addBook(cart: Cart, book: Book): void");
    expect(op(m, "CartApi.addBook")!.doc).toBe("Also: update the cart total");
    expect(ops(m)).not.toContain("CartApi.updateCartTotal");
  });

  it("a response that carries out a person's request takes the request's complements", () => {
    const { model: m, diagnostics: d } = build({ "glossary.md": GLOSSARY, "cart.md": "# Cart\n\nWHEN a customer adds a book to the cart with a quantity, THE Cart SHALL add that many copies of the book and update the cart total.\n" });
    expect(signature(op(m, "CartApi.addBook"))).toBe("addBook(cart: Cart, book: Book, quantity: integer): void");
    expect(op(m, "CartApi.addBook")!.doc).toBe("Also: update the cart total");
    expect(d.filter((x) => x.code === "NOT_MODELLED")).toEqual([]);
  });

  it("a capability to build, named by an activity, is reported, not an operation", () => {
    const { model: m, diagnostics: d } = build({ "s.md": "# Requirements\n\n- **FR-001**: System MUST implement profanity filtering.\n- **FR-002**: System MUST facilitate direct communication between users.\n" });
    expect(ops(m)).toEqual([]);
    expect(d.filter((x) => x.code === "NOT_MODELLED").map((x) => x.message).join("\n")).toMatch(/capability to build/);
  });

  it("an undeclared entity with nothing but its id is reported; one with stated fields is not", () => {
    const { diagnostics: d } = build({ "s.md": "# Reviews\n\n- As a moderator, I want to flag a community review.\n- As a seller, I want to create a listing with a title and a price.\n" });
    const empty = d.filter((x) => x.code === "MODEL_EMPTY_ENTITY");
    expect(empty.map((x) => x.message)).toEqual([expect.stringContaining("entity CommunityReview holds nothing but its id")]);
    expect(empty[0]!.line).toBe(3);
  });

  it("a clause that makes nothing makes none of the things it names", () => {
    const { model: m, diagnostics: d } = build({ "s.md": "# Uploads\n\n- As a developer, I want secure API endpoints for image operations.\n" });
    expect(entities(m)).toEqual([]);
    expect(d.some((x) => x.code === "NOT_MODELLED")).toBe(true);
  });

  it("operations/manage expands to CRUD", () => {
    const { model: m } = build({ "s.md": "# Requirements\n\n- As a seller, I want to manage my listings.\n" });
    expect(ops(m)).toEqual(["ListingsApi.createListing", "ListingsApi.deleteListing", "ListingsApi.getListing", "ListingsApi.listListings", "ListingsApi.updateListing"]);
  });

  it("a clause the extractor could not read is reported, never dropped", () => {
    const { diagnostics: d } = build({ "s.md": "# Shop\n\nThe system SHALL hold the basket and then, somehow, maybe more.\n" });
    expect(d.filter((x) => x.code === "NOT_MODELLED").length).toBeGreaterThan(0);
  });
});

describe("events, errors and constraints", () => {
  const { model } = build({
    "glossary.md": GLOSSARY,
    "orders.md": "# Orders\n\n- **FR-001**: The system MUST reduce the stock level of each book in an order when the order is confirmed.\n",
    "cart.md": "# Cart\n\nWHEN a customer removes a book from the cart, THE Cart SHALL remove every copy of that book.\n\nThe cart SHALL keep its contents for 30 days.\n",
    "pay.md": "# Payment\n\nIF the payment provider does not answer within 10 seconds, THEN THE Payment service SHALL cancel the charge.\n",
    "quality.md": "# Quality\n\n- The system SHALL be available 99.9% of the time.\n",
    "catalog.md": "# Catalogue\n\n- As a customer, I want to search books by title.\n- The system SHALL return search results within 300 ms.\n",
  });

  it("events/domain-trigger: a thing's event is handled; a person's request makes no event", () => {
    const names: string[] = [];
    walkModel(model, { event: (e) => void names.push(e.name) });
    expect(names).toEqual(["OrderConfirmed"]);
    expect(signature(op(model, "OrdersHandlers.reduceBookStockLevel"))).toBe("reduceBookStockLevel(event: OrderConfirmed): void");
    expect(op(model, "CartApi.removeBook")).toBeDefined();
  });

  it("errors/condition names what happened", () => {
    expect(op(model, "PaymentServiceApi.cancelCharge")!.errors.map((e) => e.name)).toEqual(["PaymentProviderTimeoutError"]);
    // Without a known outcome the condition's words name it, contractions read out and pronouns dropped.
    expect(nameError("they don't attend the camp anymore")).toBe("NotAttendCampError");
    expect(nameError("the user can't log in")).toBe("UserCanNotLogInError");
  });

  it("constraints go to the operation, the entity, the system, or the operations their words name", () => {
    expect(op(model, "CatalogueApi.searchBooks")!.constraints.map((c) => `${c.metric}${c.op}${c.value}${c.unit}`)).toEqual(["latency<=300ms"]);
    expect(entity(model, "Cart")!.constraints!.map((c) => c.metric)).toEqual(["retention"]);
    expect(model.system.constraints.map((c) => c.metric)).toEqual(["availability"]);
    expect(ops(model).some((o) => /return/i.test(o))).toBe(false);
  });
});

describe("locality", () => {
  it("deleting a statement changes only elements traced to it (or links to them)", () => {
    const files: Record<string, string> = {
      "glossary.md": GLOSSARY,
      "catalog.md": "# Catalogue\n\n- As a customer, I want to search books by title.\n- As a customer, I want to browse books by genre.\n- As a shop manager, I want to change the price of a book.\n",
      "orders.md": "# Orders\n\n- **FR-001**: The system MUST create an order from the cart.\n- **FR-002**: The system MUST let a customer cancel an order until it ships.\n",
    };
    const base = build(files).model;
    const flat = (m: Model) => {
      const out = new Map<string, string>();
      walkModel(m, {
        entity: (e) => void out.set(e.id, JSON.stringify({ ...e, fields: undefined, relations: undefined, why: undefined, sources: undefined })),
        operation: (o) => void out.set(o.id, JSON.stringify({ ...o, why: undefined, sources: undefined, constraints: undefined })),
      });
      return out;
    };
    const before = flat(base);
    const sourcesOf = new Map<string, string[]>();
    walkModel(base, { entity: (e) => void sourcesOf.set(e.id, e.sources), operation: (o) => void sourcesOf.set(o.id, o.sources) });
    for (const file of ["catalog.md", "orders.md"]) {
      const lines = files[file]!.split("\n").filter((l) => l.startsWith("- "));
      for (const line of lines) {
        const edited = { ...files, [file]: files[file]!.replace(line + "\n", "") };
        const deletedId = base.statements.find((s) => line.slice(2).replace(/\*\*/g, "").trim() === s.text || line.includes(s.text))?.id;
        const after = flat(build(edited).model);
        for (const [id, v] of before) {
          const traced = (sourcesOf.get(id) ?? []).includes(deletedId ?? "");
          if (traced) continue;
          expect({ id, v: after.get(id) }).toEqual({ id, v });
        }
      }
    }
  });
});

describe("stable names", () => {
  const files = (verb: string) => ({ "pay.md": `# Payment\n\n- The Payment service SHALL ${verb} the charge when the customer asks.\n` });

  it("a reworded statement keeps its operation's name through the lock; a changed meaning does not", () => {
    const first = build(files("cancel")).model;
    expect(ops(first)).toEqual(["PaymentServiceApi.cancelCharge"]);
    const reworded = compile({ files: Object.entries(files("revoke")).map(([path, content]) => ({ path: `statements/${path}`, content })), lock: first }).model;
    expect(ops(reworded)).toEqual(["PaymentServiceApi.cancelCharge"]);
    expect(ops(build(files("revoke")).model)).toEqual(["PaymentServiceApi.revokeCharge"]);
    const changed = compile({ files: Object.entries(files("approve")).map(([path, content]) => ({ path: `statements/${path}`, content })), lock: first }).model;
    expect(ops(changed)).toEqual(["PaymentServiceApi.approveCharge"]);
  });
});
