import { describe, expect, it } from "@jest/globals";
import { readWantObject } from "../../bench/lib/read-want-object.js";
import { countRequirementClauses } from "../../bench/stability/count-requirement-clauses.js";

/* The bench's own readings (no gold in the corpus): the rules must do what their comments say. */
describe("readWantObject", () => {
  it.each([
    ["As a Data Publishing User, I want to be able to edit a dataset I have published, So that I can correct data.", "dataset", "edit"],
    ["As a camp administrator, I want to be able to upload consent forms, so that parents can access the forms.", "form", "upload"],
    ["As a Platform Administrator, I want to have a view on all datasets published by all users, So that I can act.", "view", undefined],
    ["As a anonymoususer, I want to view a list of sponsors, so that I can thank all the awesome sponsors.", "sponsor", "view"],
    ["As a PI, I want to plan what kind of data I want to record, so that I can store it.", "data", "plan"],
    ["As a camp worker, I'm able to report necessary repairs to the manager.", "repair", "report"],
  ])("%s -> %s", (story, head, verb) => {
    const object = readWantObject(story);
    expect(object?.head).toBe(head);
    expect(object?.verb).toBe(verb);
  });

  it("reads no object without a want clause, and never from the benefit", () => {
    expect(readWantObject("The system SHALL store orders.")).toBeUndefined();
    expect(readWantObject("As a user, so that I can see reports, I want to export invoices.")?.head).toBe("invoice");
  });
});

describe("countRequirementClauses", () => {
  it("counts one clause per coordinated verb of the response, want or outcome", () => {
    expect(countRequirementClauses("ears-event", "WHEN a customer adds a book to the cart, THE Cart SHALL add one copy of the book and update the cart total.")).toBe(2);
    expect(countRequirementClauses("user-story", "As a customer, I want to search books by title, author or ISBN, so that I find the book and buy it.")).toBe(1);
    expect(countRequirementClauses("shall", "The system SHALL validate the order, send a receipt and SHALL notify the customer.")).toBe(3);
    expect(countRequirementClauses("glossary", "Book: a title, identified by its ISBN and sold by the shop.")).toBe(0);
  });
});
