import { describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateProject } from "../../lib/cli/generate-project.js";
import { requireConfig } from "../../lib/cli/project.js";
import { resolveDefaults, type ResolvedConfig } from "../../lib/config/load-config.js";
import { createFsTreeReader } from "../../lib/git/fs-tree-reader.js";
import { createMemoryTreeReader } from "../../lib/git/memory-tree-reader.js";
import type { AskModel } from "../../lib/llm/enrich-facts.js";
import { compileTree, manifestPath, modelPath } from "../../lib/pipeline/index.js";
import { serializeModel } from "../../lib/model/serialize-model.js";
import { llmAnswer } from "../helpers/llm-answer.js";

// Statements from the bundled example (examples/bookshop/statements/cart.md and orders.md).
const CART = [
  "# Cart",
  "",
  "WHEN a customer adds a book to the cart, THE Cart SHALL add one copy of the book and update the cart total.",
  "",
  "The cart SHALL keep its contents for 30 days for a signed-in customer.",
  "",
].join("\n");
const ORDERS = ["# Orders", "", "WHEN a customer places an order, THE Orders service SHALL reserve the stock of every book in the order.", ""].join("\n");
const TREE = { "statements/cart.md": CART, "statements/orders.md": ORDERS };

const config = (over: Partial<ResolvedConfig> = {}): ResolvedConfig => ({ ...resolveDefaults(), ...over });
const byPath = (files: readonly { path: string; content: string }[]) => Object.fromEntries(files.map((f) => [f.path, f.content]));

describe("compileTree (lib/pipeline)", () => {
  it("gives the same statements, model and files from a tree and from its statement files, in any file order", async () => {
    const fromTree = await compileTree({ tree: createMemoryTreeReader(TREE), config: config() });
    const fromFiles = await compileTree({
      files: [
        { path: "statements/orders.md", content: ORDERS },
        { path: "statements/cart.md", content: CART },
      ],
      config: config(),
    });
    expect(fromTree.statements.length).toBe(3);
    expect(serializeModel(fromFiles.model)).toBe(serializeModel(fromTree.model));
    expect(byPath(fromFiles.files)).toEqual(byPath(fromTree.files));
    expect(fromTree.sources.map((s) => s.path)).toEqual(["statements/cart.md", "statements/orders.md"]);
  });

  it("emits model.json and the configured targets under the output folder, nothing else", async () => {
    const snapshot = await compileTree({ tree: createMemoryTreeReader(TREE), config: config({ targets: ["typescript", "mermaid"], output: "gen/api" }) });
    const paths = snapshot.files.map((f) => f.path);
    expect(paths).toContain(modelPath({ output: "gen/api" }));
    expect(modelPath({ output: "gen/api" })).toBe("gen/api/model.json");
    expect(paths.every((p) => p.startsWith("gen/api/"))).toBe(true);
    expect(paths.some((p) => p.startsWith("gen/api/typescript/"))).toBe(true);
    expect(paths.some((p) => p.startsWith("gen/api/python/"))).toBe(false);
    expect(byPath(snapshot.files)["gen/api/model.json"]).toBe(serializeModel(snapshot.model));
    expect(manifestPath({ output: "." })).toBe(".penult-manifest.json");
  });

  it("compiles without emitting when only the model is needed", async () => {
    const snapshot = await compileTree({ tree: createMemoryTreeReader(TREE), config: config(), emit: false });
    expect(snapshot.files).toEqual([]);
    expect(snapshot.model.statements.length).toBe(3);
  });

  it("uses the tree's template overrides", async () => {
    const plain = await compileTree({ tree: createMemoryTreeReader(TREE), config: config({ targets: ["typescript"] }) });
    const overridden = await compileTree({
      tree: createMemoryTreeReader({ ...TREE, ".penult/templates/typescript/doc.mustache": "// OVERRIDDEN DOC\n" }),
      config: config({ targets: ["typescript"] }),
    });
    const text = (s: typeof plain) => s.files.filter((f) => f.path.endsWith(".ts")).map((f) => f.content).join("\n");
    expect(text(plain)).not.toContain("OVERRIDDEN DOC");
    expect(text(overridden)).toContain("OVERRIDDEN DOC");
  });

  it("keeps problems reading the tree apart from problems in the statements", async () => {
    const empty = await compileTree({ tree: createMemoryTreeReader({ "README.md": "# nothing" }), config: config() });
    expect(empty.readDiagnostics.map((d) => d.code)).toEqual(["DIFF_NO_STATEMENT_FILES"]);
    expect(empty.diagnostics.map((d) => d.code)).not.toContain("DIFF_NO_STATEMENT_FILES");
    expect(empty.statements).toEqual([]);
  });

  it("asks the LLM only for statements not in the cache, and reproduces the same bytes from the cache without an endpoint", async () => {
    let requests = 0;
    const ask: AskModel = async (statement) => {
      requests++;
      const verb = statement.text.includes("reserve") ? "reserve" : "keep";
      return { content: JSON.stringify(answer(verb, statement.text)), promptTokens: 10, completionTokens: 5 };
    };
    const llmConfig = config({ llm: { model: "test-model" } });
    const first = await compileTree({ tree: createMemoryTreeReader(TREE), config: llmConfig, llm: { ask } });
    expect(requests).toBe(3);
    expect(first.llm?.stats.requests).toBe(3);
    const cache = first.files.find((f) => f.path === "contracts/.penult-cache/llm.jsonl");
    expect(cache?.content.trim().split("\n")).toHaveLength(3);

    // The cache committed with the contracts: a run without an endpoint uses it and asks nothing.
    const committed = { ...TREE, [cache!.path]: cache!.content };
    const again = await compileTree({ tree: createMemoryTreeReader(committed), config: llmConfig });
    expect(requests).toBe(3);
    expect(again.llm?.stats.cacheHits).toBe(3);
    expect(byPath(again.files)).toEqual(byPath(first.files));

    // The LLM turned off: the cache file is carried through, not deleted.
    const off = await compileTree({ tree: createMemoryTreeReader(committed), config: config() });
    expect(off.llm).toBeUndefined();
    expect(byPath(off.files)[cache!.path]).toBe(cache!.content);
  });

  it("is what `penult generate` writes, byte for byte", async () => {
    const root = mkdtempSync(join(tmpdir(), "penult-pipeline-"));
    try {
      for (const [path, content] of Object.entries(TREE)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const generated = await generateProject({ root });
      expect(generated.written.diagnostics).toEqual([]);
      // The CLI's config: the defaults, with the system named after the repository (its folder here).
      const snapshot = await compileTree({ tree: createFsTreeReader({ rootDir: root }), config: requireConfig(root) });
      const written = listFiles(join(root, "contracts")).filter((p) => !p.endsWith(".penult-manifest.json"));
      expect(written.sort()).toEqual(snapshot.files.map((f) => f.path).sort());
      for (const f of snapshot.files) expect(readFileSync(join(root, f.path), "utf8")).toBe(f.content);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** An answer naming one action the statement states (merge rules drop anything else). */
function answer(verb: string, text: string) {
  const phrase = text.match(new RegExp(`${verb} [^,.]*`))?.[0] ?? verb;
  return llmAnswer({ actors: ["customer"], actions: [{ verb, object: phrase.split(" ").slice(1).join(" "), phrase, negated: false }] });
}

function listFiles(dir: string, prefix = "contracts"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}/${e.name}`) : [`${prefix}/${e.name}`],
  );
}
