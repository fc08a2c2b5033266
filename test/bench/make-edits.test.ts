import { describe, expect, it } from "@jest/globals";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EDIT_KINDS, makeEdits, type EditKind, type TextFile } from "../../bench/stability/make-edits.js";
import { loadStabilityInputs } from "../../bench/stability/load-stability-inputs.js";
import { DEFAULT_PER_KIND, DEFAULT_SEED } from "../../bench/stability.bench.js";
import { diffStatements } from "../../lib/diff/diff-statements.js";
import { parseStatements } from "../../lib/statements/parse-statements.js";

/* The stability bench is only as good as its edits: each must change exactly one statement, in the way its kind says. */
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function editsOf(files: TextFile[], kinds: readonly EditKind[], perKind = 4, seed = "test") {
  const { statements } = parseStatements(files);
  return { statements, edits: makeEdits({ files, statements, perKind, seed, kinds }) };
}

const SMALL: TextFile[] = [
  {
    path: "statements/cart.md",
    content: [
      "# Cart",
      "",
      "- **FR-001**: The system MUST add a book to the cart.",
      "- **FR-002**: The system MUST show the order total within 300 ms.",
      "",
      "WHEN a customer removes a book from the cart, THE Cart SHALL update each line of the order.",
      "",
    ].join("\n"),
  },
];

describe("makeEdits", () => {
  it("rewords a verb with its synonym, in the form it was written", () => {
    const { edits } = editsOf(SMALL, ["synonym"]);
    const whats = edits.map((e) => e.what).sort();
    expect(whats).toHaveLength(3);
    expect(whats).toEqual(expect.arrayContaining(["add -> insert", "show -> display"]));
    expect(["removes -> deletes", "update -> modify"]).toContain(whats.find((w) => !["add -> insert", "show -> display"].includes(w)));
    const add = edits.find((e) => e.what === "add -> insert")!;
    expect(add.after).toBe("**FR-001**: The system MUST insert a book to the cart.");
    expect(add.files[0]!.content).toContain("- **FR-001**: The system MUST insert a book to the cart.\n- **FR-002**");
  });

  it("adds a clause with a new verb and object before the final full stop", () => {
    const { edits } = editsOf(SMALL, ["clause"]);
    expect(edits).toHaveLength(3);
    for (const e of edits) {
      expect(e.after.startsWith(e.before.replace(/\.$/, ""))).toBe(true);
      expect(e.after).toMatch(/ and (?:MUST |SHALL )?[a-z]+ (?:the|an?) [a-z ]+\.?$/);
      // The clause's verb is new to the input.
      const verb = /^\+ and (?:MUST |SHALL )?([a-z]+)/.exec(e.what)?.[1];
      expect(verb).toBeDefined();
      expect(SMALL[0]!.content).not.toContain(verb!);
    }
  });

  it("changes a number, deletes a statement, and copies one with a new label and another noun", () => {
    const number = editsOf(SMALL, ["number"]).edits;
    expect(number.map((e) => e.what)).toEqual(["300 -> 600"]);
    const del = editsOf(SMALL, ["delete"], 1).edits[0]!;
    expect(del.files[0]!.content.split("\n")).toHaveLength(SMALL[0]!.content.split("\n").length - 1);
    const similar = editsOf(SMALL, ["similar"]).edits.find((e) => e.statement.endsWith("fr-001"));
    expect(similar?.after).toMatch(/^\*\*FR-003\*\*: The system MUST add an? (?!book)[a-z]+ to the cart\.$/);
    expect(similar?.files[0]!.content).toContain(`- **FR-001**: The system MUST add a book to the cart.\n- ${similar?.after}\n`);
  });

  it("is deterministic and does not depend on the order of the statements", () => {
    const input = loadStabilityInputs(root).find((i) => i.name === "bookshop")!;
    const { statements } = parseStatements(input.files);
    const a = makeEdits({ files: input.files, statements, perKind: 4, seed: "s" });
    const b = makeEdits({ files: input.files, statements: [...statements].reverse(), perKind: 4, seed: "s" });
    expect(b).toEqual(a);
    expect(makeEdits({ files: input.files, statements, perKind: 4, seed: "other" })).not.toEqual(a);
  });

  it.each(["bookshop", "kiro", "speckit", "openspec", "stories", "seed"])("changes exactly one statement per edit on the %s input (the bench's edits)", (name) => {
    const input = loadStabilityInputs(root).find((i) => i.name === name)!;
    const { statements, edits } = editsOf(input.files, EDIT_KINDS, DEFAULT_PER_KIND, DEFAULT_SEED);
    expect(edits.length).toBeGreaterThanOrEqual(12);
    const expected: Record<EditKind, string> = { synonym: "edited", clause: "edited", number: "edited", delete: "removed", similar: "added" };
    for (const e of edits) {
      const after = parseStatements(e.files).statements;
      const diff = diffStatements({ previous: statements, current: after });
      expect({ edit: `${e.kind} ${e.statement} ${e.what}`, changes: diff.changes.map((c) => c.kind) }).toEqual({ edit: `${e.kind} ${e.statement} ${e.what}`, changes: [expected[e.kind]] });
      const changed = diff.changes[0]!;
      if (e.kind !== "similar") expect(changed.previous?.id).toBe(e.statement);
    }
  });
});
