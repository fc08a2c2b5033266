import fc from "fast-check";
import type { Facts } from "../../lib/extract/types.js";
import type { Statement, StatementKind } from "../../lib/statements/types.js";
import { makeFacts, makeStatement } from "./make-input.js";

const VERBS = ["add", "view", "list", "create", "validate", "send", "check", "search", "delete", "update", "browse", "count"];
const NOUNS = ["item", "cart", "order", "user profile", "event", "RSVP", "payment", "3d model", "shopping carts", "the data", "status", "e-mail"];
const SUBJECTS = ["system", "Cart", "Kiro_Worker", "Order Service", "the application", "Cart"];
const FOLDERS = ["statements", "statements/shop", "statements/shop/cart", "statements/billing", "statements/009-user-directory"];
const HEADINGS = [[], ["Title"], ["Title", "Key Entities"], ["Part A"], ["Part B", "Sub"]];
const KINDS: StatementKind[] = ["user-story", "ears-event", "ears-ubiquitous", "shall", "prose", "glossary"];

/** Arbitrary statements + facts drawn from a small vocabulary, so that concepts collide and merge often. */
export const arbitraryInput = fc
  .array(
    fc.record({
      folder: fc.constantFrom(...FOLDERS),
      file: fc.constantFrom("a.md", "b.md"),
      heading: fc.constantFrom(...HEADINGS),
      kind: fc.constantFrom(...KINDS),
      subject: fc.constantFrom(...SUBJECTS),
      verb: fc.constantFrom(...VERBS),
      object: fc.constantFrom(...NOUNS),
      complement: fc.option(fc.constantFrom(...NOUNS), { nil: undefined }),
      actor: fc.option(fc.constantFrom("user", "administrator", "visitor who reads"), { nil: undefined }),
      field: fc.option(fc.constantFrom("total amount", "created at", "status", "cart"), { nil: undefined }),
      trigger: fc.option(fc.constantFrom("the user adds an item", "the order is placed", "the payment fails"), { nil: undefined }),
      error: fc.option(fc.constantFrom("the payment fails", "the cart is empty"), { nil: undefined }),
      latency: fc.option(fc.constantFrom(100, 200), { nil: undefined }),
      negated: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((rows) => {
    const statements: Statement[] = [];
    const facts: Facts[] = [];
    rows.forEach((r, i) => {
      const id = `st-${i}`;
      const text = `${r.kind === "glossary" ? `${r.object}: ${r.field ?? "id, name"}` : `THE ${r.subject} SHALL ${r.verb} ${r.object}`}`;
      statements.push(
        makeStatement({
          id,
          file: `${r.folder}/${r.file}`,
          line: i + 1,
          kind: r.kind,
          text,
          headingPath: r.heading,
          ...(r.kind === "glossary" ? { glossary: { term: r.object, definition: r.field ?? "id, name" } } : {}),
          ...(r.trigger ? { ears: { pattern: "event" as const, trigger: r.trigger, subject: r.subject, modal: "SHALL", response: `${r.verb} ${r.object}` } } : {}),
        }),
      );
      facts.push(
        makeFacts({
          id,
          subject: r.subject,
          actors: r.actor ? [r.actor] : [],
          actions: [{ verb: r.verb, phrase: `${r.verb} ${r.object}`, object: r.object, ...(r.complement ? { complements: [{ prep: "to", phrase: r.complement }] } : {}), ...(r.negated ? { negated: true } : {}) }],
          entities: [r.object, ...(r.complement ? [r.complement] : [])],
          fields: r.field ? [{ entity: r.object, field: r.field }] : [],
          events: r.trigger ? [r.trigger] : [],
          errors: r.error ? [r.error] : [],
          constraints: r.latency ? [{ metric: "latency", op: "<=", value: r.latency, unit: "ms", attribute: "performance", text: `within ${r.latency} ms` }] : [],
        }),
      );
    });
    return { statements, facts };
  });
