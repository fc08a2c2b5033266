import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { diffStatements } from "../../lib/diff/diff-statements.js";
import { diceSimilarity, normaliseText, tokenSet } from "../../lib/diff/text-similarity.js";
import type { Statement } from "../../lib/statements/types.js";
import { derivedId, readExcerpt } from "./statement-kit.js";

const FILE = "statements/worker/kiro-worker.md";
const SOURCE = readFileSync(join(import.meta.dirname, "../fixtures/diff/statements/kiro-worker.md"), "utf8");
const base = readExcerpt(FILE, SOURCE);

/** The same excerpt with `from` replaced by `to` (and re-read, so ids are derived again). */
function edited(from: string, to: string, file = FILE): Statement[] {
  expect(SOURCE.includes(from)).toBe(true);
  return readExcerpt(file, SOURCE.replace(from, to));
}

describe("diffStatements on an EARS excerpt (ears-kiro corpus)", () => {
  it("reads the excerpt", () => {
    expect(base.length).toBeGreaterThanOrEqual(13);
  });

  it("reports nothing for the same statements, in any order", () => {
    const d = diffStatements({ previous: base, current: [...base].reverse() });
    expect(d.changes).toEqual([]);
    expect(d.unchanged).toBe(base.length);
  });

  it("pairs an edited criterion with its previous text although its derived id changed", () => {
    const cur = edited("fail with a clear error message indicating what is missing", "fail with a clear error message and exit code 2 indicating what is missing");
    const d = diffStatements({ previous: base, current: cur });
    expect(d.changes).toHaveLength(1);
    const c = d.changes[0]!;
    expect(c.kind).toBe("edited");
    expect(c.matchedBy).toBe("similarity");
    expect(c.previous!.text).toContain("clear error message indicating");
    expect(c.current!.text).toContain("exit code 2");
    expect(c.previous!.id).not.toBe(c.current!.id);
    expect(c.similarity).toBeGreaterThan(0.8);
    expect(d.idChanges).toEqual([{ previous: c.previous!.id, current: c.current!.id }]);
  });

  it("reports a criterion moved under another requirement as moved, not removed + added", () => {
    const line = "5. WHEN Pull_Request creation fails, THEN the Kiro_Worker SHALL log the error and report failure status\n";
    const movedText = SOURCE.replace(line, "").replace("#### Acceptance Criteria\n\n1. WHEN the Kiro_Worker runs", `#### Acceptance Criteria\n\n${line}1. WHEN the Kiro_Worker runs`);
    const d = diffStatements({ previous: base, current: readExcerpt(FILE, movedText) });
    expect(d.changes.map((c) => [c.kind, c.matchedBy, c.locationChanged])).toEqual([["moved", "id", true]]);
    expect(d.changes[0]!.previous!.headingPath).toContain("Requirement 2: Pull Request Creation");
    expect(d.changes[0]!.current!.headingPath).toContain("Requirement 3: Kiro CLI Execution");
  });

  it("recognises a renamed file: content unchanged keeps identity, statements marked fileRenamed", () => {
    const cur = readExcerpt("statements/worker/codebuild-worker.md", SOURCE);
    const d = diffStatements({ previous: base, current: cur });
    expect(d.renamedFiles).toEqual([{ from: FILE, to: "statements/worker/codebuild-worker.md", statements: base.length }]);
    expect(d.changes.every((c) => c.kind === "moved" && c.fileRenamed && !c.locationChanged && c.matchedBy === "text")).toBe(true);
    expect(d.changes).toHaveLength(base.length);
  });

  it("still sees an edit inside a renamed file", () => {
    const cur = edited("include a descriptive title summarizing the changes", "include a descriptive title summarizing the changes and the Spec_Task", "statements/worker/codebuild-worker.md");
    const d = diffStatements({ previous: base, current: cur });
    expect(d.renamedFiles).toHaveLength(1);
    const edits = d.changes.filter((c) => c.kind === "edited");
    expect(edits).toHaveLength(1);
    expect(edits[0]!.fileRenamed).toBe(true);
  });

  it("does not pair two different criteria of the same template: removed + added", () => {
    const cur = edited(
      "WHEN creating a Pull_Request, THEN the Kiro_Worker SHALL include a descriptive title summarizing the changes",
      "WHEN the Test_Environment deployment succeeds, THEN the Kiro_Worker SHALL promote the build to the Staging_Environment",
    );
    const d = diffStatements({ previous: base, current: cur });
    expect(d.changes.map((c) => c.kind).sort()).toEqual(["added", "removed"]);
  });

  it("pairs a short statement edited in place (same line) at a lower threshold", () => {
    // spec-kit data-model.md (CommunityManagement 010-events-explorer): 3 content words, one changed.
    const mk = (text: string) => ({ id: derivedId("statements/dm.md", text), text, file: "statements/dm.md", line: 75 });
    const d = diffStatements({ previous: [mk("Used by the LocationTree component.")], current: [mk("Used by the LocationTree encrypted.")] });
    expect(d.changes.map((c) => c.kind)).toEqual(["edited"]);
    const moved = diffStatements({ previous: [mk("Used by the LocationTree component.")], current: [{ ...mk("Used by the LocationTree encrypted."), line: 90 }] });
    expect(moved.changes.map((c) => c.kind).sort()).toEqual(["added", "removed"]);
  });

  it("never pairs statements whose authored ids differ, however alike", () => {
    const prev = base.map((s, i) => (i === 0 ? { ...s, id: "WRK-1", authored: true } : s));
    const cur = base.map((s, i) => (i === 0 ? { ...s, id: "WRK-9", authored: true, text: s.text + " again" } : s));
    const d = diffStatements({ previous: prev, current: cur });
    expect(d.changes.map((c) => `${c.kind} ${c.id}`).sort()).toEqual(["added WRK-9", "removed WRK-1"]);
  });

  it("pairs an authored id with its own text change by id", () => {
    const prev = base.map((s, i) => (i === 0 ? { ...s, id: "WRK-1", authored: true } : s));
    const cur = prev.map((s, i) => (i === 0 ? { ...s, text: "WHEN a Kiro Worker starts, THEN the Kiro_Worker SHALL read the work item" } : s));
    const d = diffStatements({ previous: prev, current: cur });
    expect(d.changes.map((c) => [c.kind, c.id, c.matchedBy])).toEqual([["edited", "WRK-1", "id"]]);
  });

  it("reports added and removed statements with their text", () => {
    const cur = base.slice(1).concat([{ ...base[0]!, id: derivedId(FILE, "x y z new"), text: "WHEN a build times out, THEN the Kiro_Worker SHALL retry once", span: { start: { line: 99, column: 1 }, end: { line: 99, column: 2 } } }]);
    const d = diffStatements({ previous: base, current: cur });
    expect(d.changes.map((c) => c.kind).sort()).toEqual(["added", "removed"]);
    expect(d.changes.find((c) => c.kind === "removed")!.previous!.text).toBe(base[0]!.text);
  });

  it("gives the same result for any input order (property)", () => {
    const cur = edited("push the Feature_Branch to the remote repository", "push the Feature_Branch to the origin remote");
    const expected = JSON.stringify(diffStatements({ previous: base, current: cur }));
    fc.assert(
      fc.property(fc.shuffledSubarray(base, { minLength: base.length }), fc.shuffledSubarray(cur, { minLength: cur.length }), (p, c) => {
        expect(JSON.stringify(diffStatements({ previous: p, current: c }))).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe("text similarity threshold", () => {
  const sim = (a: string, b: string) => diceSimilarity(tokenSet(normaliseText(a)), tokenSet(normaliseText(b)));

  it("pairs every criterion of the excerpt with itself after a one-word edit, and with nothing else", () => {
    for (const s of base) {
      const words = s.text.split(" ");
      const k = Math.floor(words.length / 2);
      words[k] = "reworded";
      const cur = base.map((x) => (x === s ? { ...x, id: derivedId(FILE, words.join(" ")), text: words.join(" ") } : x));
      const d = diffStatements({ previous: base, current: cur });
      expect(d.changes.map((c) => [c.kind, c.previous?.text])).toEqual([["edited", s.text]]);
    }
  });

  it("scores a changed number high and two different criteria of one requirement low", () => {
    expect(sim("System MUST persist guest carts for up to 30 days", "System MUST persist guest carts for up to 90 days")).toBeGreaterThan(0.8);
    expect(sim(base[0]!.text, base[1]!.text)).toBeLessThan(0.6);
  });
});
