import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ImplementLanguage } from "../../lib/config/types.js";
import { createRecordTemplateSource } from "../../lib/emitters/templates.js";
import { collectTestCases, findInterface, scaffoldImplementation } from "../../lib/implement/index.js";
import type { Model } from "../../lib/model/types.js";
import { parseStatements } from "../../lib/statements/parse-statements.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIX = join(REPO, "test", "fixtures", "implement", "archive");
const model = JSON.parse(readFileSync(join(FIX, "model.json"), "utf8")) as Model;
const statements = parseStatements([{ path: "statements/archive.md", content: readFileSync(join(FIX, "statements.md"), "utf8") }]).statements;
const loadModel = (name: string) => JSON.parse(readFileSync(join(REPO, "test", "fixtures", "models", `${name}.json`), "utf8")) as Model;
const LANGS: ImplementLanguage[] = ["ts", "python", "java", "rust", "go", "csharp"];

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n)) : [join(dir, n)]));
}

/**
 * Goldens are stored as `<path>.golden`: a scaffold test file named `*.test.ts` under fixtures
 * would otherwise be collected by jest as a test of this repository.
 */
describe("scaffoldImplementation goldens (OpenSpec cli-archive excerpt)", () => {
  it.each(LANGS)("%s matches expected/%s", (lang) => {
    const result = scaffoldImplementation({ model, statements, interfaceName: "archiver", lang });
    expect(result.diagnostics).toEqual([]);
    const dir = join(FIX, "expected", lang);
    if (process.env["UPDATE"] === "1") {
      for (const f of result.files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, `${f.path}.golden`), f.content);
      }
    }
    const expected = listFiles(dir).map((p) => relative(dir, p).split("\\").join("/").replace(/\.golden$/, ""));
    expect(result.files.map((f) => f.path)).toEqual(expected); // a missing or extra golden fails
    for (const f of result.files) expect(f.content).toBe(readFileSync(join(dir, `${f.path}.golden`), "utf8"));
  });
});

describe("scaffoldImplementation", () => {
  it("names close matches for an unknown interface, and ids for an ambiguous name", () => {
    const unknown = scaffoldImplementation({ model: loadModel("shop"), interfaceName: "CartServce", lang: "ts" });
    expect(unknown.files).toEqual([]);
    expect(unknown.diagnostics[0]).toMatchObject({ code: "IMPLEMENT_UNKNOWN_INTERFACE", severity: "error" });
    expect(unknown.diagnostics[0]!.message).toContain("did you mean: CartService (cart/CartService)");
    const twice = loadModel("shop");
    for (const s of twice.system.subsystems) for (const c of s.components) for (const i of c.interfaces) if (i.id === "catalog/CatalogService") i.name = "CartService";
    const ambiguous = findInterface(twice.system, "CartService");
    expect("error" in ambiguous && ambiguous.error).toBe('"CartService" names 2 interfaces: cart/CartService, catalog/CatalogService; give the id.');
  });

  it("finds an interface by id or by name in any case and separator style", () => {
    const shop = loadModel("shop").system;
    for (const q of ["cart/CartService", "CARTSERVICE", "cart-service", "cart_service"]) {
      const r = findInterface(shop, q);
      expect("target" in r && r.target.iface.id).toBe("cart/CartService");
    }
  });

  it("marks paths that exist as not new and keeps the others new", () => {
    const r = scaffoldImplementation({ model, interfaceName: "Archiver", lang: "ts", existing: new Set(["src/archiver.ts"]) });
    expect(r.files.map((f) => [f.path, f.isNew])).toEqual([
      ["src/archiver.ts", false],
      ["test/archiver.test.ts", true],
    ]);
  });

  it("uses the configured folders and contracts output", () => {
    const r = scaffoldImplementation({ model, interfaceName: "Archiver", lang: "ts", config: { output: "gen/contracts", implement: { source: "lib/impl", test: "spec" } } });
    expect(r.files.map((f) => f.path)).toEqual(["lib/impl/archiver.ts", "spec/archiver.test.ts"]);
    expect(r.files[0]!.content).toContain('from "../../gen/contracts/typescript/index.js"');
  });

  it("is deterministic whatever the order of the model's arrays", () => {
    const shop = loadModel("shop");
    const shuffled = JSON.parse(JSON.stringify(shop)) as Model;
    shuffled.statements.reverse();
    shuffled.system.subsystems.reverse();
    for (const s of shuffled.system.subsystems) for (const c of s.components) for (const i of c.interfaces) i.operations.reverse();
    for (const lang of LANGS) {
      const a = scaffoldImplementation({ model: shop, interfaceName: "CartService", lang });
      const b = scaffoldImplementation({ model: shuffled, interfaceName: "CartService", lang });
      expect(b).toEqual(a);
    }
  });

  it("renders a repository's template override", () => {
    const templates = createRecordTemplateSource({ "implement/ts/impl.ts.mustache": "// custom\nexport class {{className}} {}\n" });
    const r = scaffoldImplementation({ model, interfaceName: "Archiver", lang: "ts", templates });
    expect(r.files[0]!.content).toBe("// custom\nexport class ArchiverImpl {}\n");
  });

  it("rejects an unknown language with the list of languages", () => {
    const r = scaffoldImplementation({ model, interfaceName: "Archiver", lang: "cobol" as ImplementLanguage });
    expect(r.diagnostics[0]!.message).toBe('unknown language "cobol"; choose one of ts, python, java, rust, go, csharp');
  });
});

describe("collectTestCases", () => {
  const found = findInterface(model.system, "Archiver");
  if (!("target" in found)) throw new Error("fixture model lost its interface");
  const target = found.target;

  it("makes one case per scenario and requirement, named after it, traced to its operation", () => {
    const cases = collectTestCases({ model, target, statements });
    expect(cases.map((c) => [c.title, c.operation])).toEqual([
      ["Change Selection", "ArchiveCommand/Archiver#selectChange"],
      ["Interactive selection", "ArchiveCommand/Archiver#selectChange"],
      ["Direct selection", "ArchiveCommand/Archiver#selectChange"],
      ["No change name and no answer available", "ArchiveCommand/Archiver#selectChange"],
      ["Task Completion Check", "ArchiveCommand/Archiver#verifyTaskCompletion"],
    ]);
    expect(cases[2]!.steps).toEqual([
      { keyword: "when", text: "change-name is provided" },
      { keyword: "then", text: "use that change directly" },
      { keyword: "and", text: "validate it exists" },
    ]);
  });

  it("reads steps from the model's statement text when no parsed statements are given", () => {
    // Model rows carry no parent link, so only directly traced statements count here.
    const traced = JSON.parse(JSON.stringify(target)) as typeof target;
    traced.iface.operations[0]!.sources.push("archive.change-selection.direct-selection");
    const cases = collectTestCases({ model, target: traced });
    expect(cases.map((c) => c.statement)).toEqual(["archive.change-selection", "archive.change-selection.direct-selection", "archive.task-completion-check"]);
    expect(cases[0]!.steps).toEqual([{ keyword: "then", text: "The command shall support both interactive and direct change selection methods." }]);
    expect(cases.find((c) => c.statement === "archive.change-selection.direct-selection")?.steps).toEqual([
      { keyword: "when", text: "change-name is provided" },
      { keyword: "then", text: "use that change directly" },
      { keyword: "and", text: "validate it exists" },
    ]);
  });

  it("gives an operation no scenario covers one case from its user story", () => {
    const shop = loadModel("shop");
    const t = findInterface(shop.system, "CartService");
    if (!("target" in t)) throw new Error("shop lost CartService");
    const cases = collectTestCases({ model: shop, target: t.target });
    const add = cases.find((c) => c.operation === "cart/CartService#addItem");
    expect(add?.steps).toEqual([
      { keyword: "given", text: "a shopper" },
      { keyword: "when", text: "they add an item to my cart" },
      { keyword: "then", text: "I can buy it later" },
    ]);
  });
});
