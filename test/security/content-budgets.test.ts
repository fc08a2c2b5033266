/**
 * Content a repository controls cannot make penult's own stages (templates, the tagger) do
 * unbounded work or keep unbounded memory: each bomb ends in a LimitExceededError naming the
 * limit, or is cut before the stage that would choke on it. Only outcomes are asserted here; the
 * times are in `npm run bench -- isolation`.
 */
import { describe, expect, it } from "@jest/globals";
import Mustache from "mustache";
import { loadTemplateOverrides } from "../../lib/pipeline/load-template-overrides.js";
import { emitContracts } from "../../lib/emitters/index.js";
import { createRecordTemplateSource, createRenderMeter, createTemplateRenderer } from "../../lib/emitters/templates.js";
import { createMemoryTreeReader } from "../../lib/git/memory-tree-reader.js";
import { boundForTagger, MAX_TAGGED_TEXT, MAX_TAGGED_WORD, tagText } from "../../lib/nlp/tag-text.js";
import { compile } from "../../lib/compile.js";
import { limitHit, partialBomb } from "../helpers/hostile-content.js";

describe("template budgets", () => {
  it("the partial bomb of the issue (ten levels) stops at the depth limit; a shallower one at the rendered-size limit", async () => {
    const deep = createRecordTemplateSource({ ...partialBomb("t", 10), "t/main.mustache": "{{> p0}}" });
    expect(await limitHit(() => createTemplateRenderer({ target: "t", source: deep }).render("main", {}))).toBe("partialDepth");
    const wide = createRecordTemplateSource({ ...partialBomb("t", 8), "t/main.mustache": "{{> p0}}" });
    const render = createTemplateRenderer({ target: "t", source: wide, meter: createRenderMeter({ renderedChars: 1_000_000 }) });
    expect(await limitHit(() => render.render("main", {}))).toBe("renderedChars");
  });

  it("a partial that includes itself stops at the depth limit", async () => {
    const source = createRecordTemplateSource({ "t/main.mustache": "a{{> main}}" });
    const render = createTemplateRenderer({ target: "t", source });
    expect(await limitHit(() => render.render("main", {}))).toBe("partialDepth");
  });

  it("nested sections that render nothing still count their work", async () => {
    const nest = "{{#items}}".repeat(8) + "{{/items}}".repeat(8);
    const source = createRecordTemplateSource({ "t/main.mustache": nest });
    const render = createTemplateRenderer({ target: "t", source, meter: createRenderMeter({ renderedChars: 1_000_000 }) });
    expect(await limitHit(() => render.render("main", { items: Array.from({ length: 30 }, (_, i) => ({ i })) }))).toBe("renderedChars");
  });

  it("ordinary templates with partials and sections render as before", () => {
    const render = createTemplateRenderer({ target: "t", source: createRecordTemplateSource({ "t/main.mustache": "{{#items}}{{> row}}{{/items}}", "t/row.mustache": "- {{name}}\n" }) });
    expect(render.render("main", { items: [{ name: "a" }, { name: "b" }] })).toBe("- a\n- b\n");
  });

  it("emitContracts stops the whole job on a template bomb instead of dropping that target", async () => {
    const { model } = compile({ files: [{ path: "statements/a.md", content: "The cart SHALL store items.\n" }] });
    const templates = createRecordTemplateSource({ ...partialBomb("typescript", 8), "typescript/module.ts.mustache": "{{> p0}}" });
    expect(await limitHit(() => emitContracts({ model, targets: ["typescript", "go"], templates, limits: { renderedChars: 1_000_000 } }))).toBe("renderedChars");
  });

  it("without template overrides the render budget does not apply: penult's own templates grow with the model only", () => {
    const { model } = compile({ files: [{ path: "statements/a.md", content: "The cart SHALL store items.\n- As a clerk, I want to add a book to the catalogue.\n" }] });
    const emitted = emitContracts({ model, targets: ["typescript", "go"], limits: { renderedChars: 10 } });
    expect(emitted.files.length).toBeGreaterThan(0);
    expect(emitted.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("override templates never enter Mustache's module-wide cache (it is never cleared)", () => {
    const marker = `override-${"z".repeat(64)}`;
    const render = createTemplateRenderer({ target: "t", source: createRecordTemplateSource({ "t/main.mustache": `${marker} {{a}}` }) });
    expect(render.render("main", { a: 1 })).toBe(`${marker} 1`);
    const cache = (Mustache as unknown as { templateCache?: { _cache?: Record<string, unknown> } }).templateCache?._cache ?? {};
    expect(Object.keys(cache).some((k) => k.includes(marker))).toBe(false);
  });

  it("an override template over the size limit, or too many of them, stops the job naming the file", async () => {
    const big = createMemoryTreeReader({ ".penult/templates/go/file.go.mustache": "x".repeat(70_000) });
    await expect(loadTemplateOverrides({ reader: big, folder: ".penult/templates" })).rejects.toThrow(/\.penult\/templates\/go\/file\.go\.mustache is 70000 bytes/);
    const many: Record<string, string> = {};
    for (let i = 0; i < 5; i++) many[`.penult/templates/go/t${i}.mustache`] = "x";
    const reader = createMemoryTreeReader(many);
    await expect(loadTemplateOverrides({ reader, folder: ".penult/templates", limits: { templateFiles: 4 } })).rejects.toMatchObject({ limit: "templateFiles" });
  });
});

describe("tagger bounds", () => {
  it("a 15,000-character word reaches the tagger cut to MAX_TAGGED_WORD, offsets unchanged", () => {
    const word = "a".repeat(15_000);
    const text = `The cart SHALL store ${word} items.`;
    const tagged = tagText(text);
    expect(tagged.text.length).toBe(text.length);
    expect(Math.max(...tagged.tokens.map((t) => t.text.length))).toBeLessThanOrEqual(MAX_TAGGED_WORD);
    const items = tagged.tokens.find((t) => t.text === "items")!;
    expect(text.slice(items.start, items.end)).toBe("items");
  });

  it("text past MAX_TAGGED_TEXT is blanked; ordinary text is untouched", () => {
    const long = "The cart SHALL store items. ".repeat(2_000);
    const bounded = boundForTagger(long);
    expect(bounded.length).toBe(long.length);
    expect(bounded.slice(MAX_TAGGED_TEXT).trim()).toBe("");
    expect(boundForTagger("The cart SHALL store items.")).toBe("The cart SHALL store items.");
    // A cut never splits a surrogate pair.
    const emoji = "😀".repeat(200);
    expect(boundForTagger(emoji)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
