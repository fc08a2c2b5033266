import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { extractFacts } from "../../lib/extract/extract-facts.js";
import type { Statement } from "../../lib/statements/types.js";
import { makeStatement } from "./make-statement.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/extract/golden");

type Input = Partial<Statement> & Pick<Statement, "id" | "kind" | "text"> & { source: string };

function loadStatements(): Statement[] {
  const { statements } = JSON.parse(readFileSync(join(dir, "statements.json"), "utf8")) as { statements: Input[] };
  return statements.map(({ source: _source, ...s }) => makeStatement(s.text, s.kind, s));
}

describe("extractFacts golden (test/fixtures/extract/golden)", () => {
  it("matches facts.json (UPDATE=1 rewrites it)", () => {
    const actual = JSON.stringify(extractFacts(loadStatements()), null, 2) + "\n";
    const file = join(dir, "facts.json");
    if (process.env.UPDATE === "1") writeFileSync(file, actual);
    if (!existsSync(file)) throw new Error(`missing golden file ${file}: run with UPDATE=1 to create it`);
    expect(actual).toBe(readFileSync(file, "utf8"));
  });

  it("reads each statement on its own: same facts alone, in a batch, and in reverse order", () => {
    const statements = loadStatements();
    const batch = extractFacts(statements);
    const reversed = extractFacts([...statements].reverse()).reverse();
    const alone = statements.map((s) => extractFacts([s])[0]);
    expect(reversed).toEqual(batch);
    expect(alone).toEqual(batch);
    expect(batch.map((f) => f.id)).toEqual(statements.map((s) => s.id));
  });
});
