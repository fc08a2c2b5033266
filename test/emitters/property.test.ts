import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { compile } from "../../lib/compile.js";
import { EMITTERS, emitContracts } from "../../lib/emitters/index.js";
import type { SourceFile } from "../../lib/statements/types.js";
import { compileEmitted } from "../helpers/compile/index.js";

/** Fragments that break naive emitters: comment terminators, quotes, escapes, keywords, unicode. */
const HOSTILE = [
  "*/", "/*", '"""', "'''", "-->", "<!--", "#}", "{{", "}}", "{%", "\\", "\\u000a", "`", "${x}", "%%", "<script>", "|",
  "class", "type", "fn", "impl", "default", "async", "await", "def", "None", "self", "end", "subgraph", "interface",
  "3d", "1st", "日本語", "Ünïcødé", "🛒", "\u202E", "\u2028", "\u0000", "Order", "order", "ORDER", "order item", "OrderItem",
];

const word = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }), fc.constantFrom("cart", "item", "invoice", "user", "price", "total"));
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));
const statement = fc.oneof(
  fc.tuple(phrase, phrase, phrase).map(([r, g, b]) => `As a ${r}, I want to add ${g} to the ${b}, so that ${b} works.`),
  fc.tuple(phrase, phrase, phrase).map(([e, c, r]) => `WHEN ${e} happens, THE ${c} SHALL store ${r} within 200 ms.`),
  fc.tuple(phrase, phrase).map(([c, r]) => `IF ${c} fails, THEN THE ${r} SHALL reject the ${c}.`),
  fc.tuple(phrase, phrase).map(([s, o]) => `The system SHALL let a ${s} list ${o} by ${s}.`),
  fc.tuple(phrase, phrase).map(([t, d]) => `**${t}**: ${d}`),
  phrase.map((p) => `${p}.`),
);
const repo = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ minLength: 1, maxLength: 6 })), fc.array(statement, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 4 })
  .map((folders): SourceFile[] =>
    folders.map(([folder, lines], i) => ({
      path: `statements/${folder.replace(/[/\\\u0000]/g, "_") || "x"}-${i}/spec.md`,
      content: `# ${folder}\n\n${lines.map((l) => `- ${l.replace(/\n/g, " ")}`).join("\n")}\n`,
    })),
  );

/**
 * Random and hostile statements through the whole pipeline; every target's output compiles with its
 * real tool. Runs are few (each compiles in every language) but each holds several hostile folders.
 */
describe("property: hostile statements give contracts that compile everywhere", () => {
  it("compiles in every language", async () => {
    const targets = EMITTERS.map((e) => e.name);
    await fc.assert(
      fc.asyncProperty(repo, async (files) => {
        const { model } = compile({ files, config: { system: "prop" } });
        const first = emitContracts({ model });
        expect(emitContracts({ model }).files).toEqual(first.files); // determinism
        expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const results = await compileEmitted({ files: first.files, targets });
        const failed = Object.entries(results).filter(([, r]) => !r.ok);
        if (failed.length) throw new Error(failed.map(([t, r]) => `${t}: ${r.output.slice(0, 1500)}`).join("\n"));
      }),
      { numRuns: 3, endOnFailure: true, seed: 4242 },
    );
  }, 900_000);
});
