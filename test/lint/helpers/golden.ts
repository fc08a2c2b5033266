import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatLocation, type Diagnostic } from "../../../lib/diagnostics.js";
import { lintStatements } from "../../../lib/lint/lint-statements.js";
import { RULES } from "../../../lib/lint/rules/index.js";
import { readStatements } from "./read-statements.js";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const FIXTURES = join(REPO, "test", "fixtures", "lint");

/** Lints `test/fixtures/lint/<id>/input.md` with only rule `id` (default options). */
export function lintFixture(id: string, options: Record<string, unknown> = {}): Diagnostic[] {
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const file = `test/fixtures/lint/${id}/input.md`;
  const content = readFileSync(join(REPO, file), "utf8");
  const statements = readStatements({ file, content });
  const level = rule.meta.severity;
  return lintStatements({ statements, rules: [rule], sources: { [file]: content }, config: { rules: { [id]: { level, options } } } });
}

/**
 * Compares the findings on a fixture with `expected.txt` beside it (one `line:col severity message`
 * per line). `UPDATE=1` rewrites it; a missing or stale file fails.
 */
export function expectGolden(id: string): { actual: string; expected: string } {
  const actual = lintFixture(id).map((d) => `${formatLocation(d).replace(/^.*input\.md:/, "")} ${d.severity} ${d.message}`).join("\n") + "\n";
  const path = join(FIXTURES, id, "expected.txt");
  if (process.env["UPDATE"] === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`missing golden ${path}: run with UPDATE=1 and review it`);
  return { actual, expected: readFileSync(path, "utf8") };
}
