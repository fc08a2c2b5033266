/**
 * Generated files a repository's statements can shape must be safe to check out and to read:
 * no path segment Windows reserves for a device (a checkout of `go/con/` fails there), and no raw
 * bidi control or line separator in any file, model.json included (they make a reviewer read
 * something other than what the file holds).
 */
import { describe, expect, it } from "@jest/globals";
import { compileTree } from "../../lib/pipeline/index.js";
import { resolveDefaults } from "../../lib/config/load-config.js";
import { isWindowsReserved } from "../../lib/emitters/identifiers.js";
import { EMITTERS } from "../../lib/emitters/index.js";
import { serializeCache } from "../../lib/llm/answer-cache.js";
import { compileEmitted } from "../helpers/compile/index.js";

const DEVICES = ["con", "prn", "aux", "nul", "com1", "lpt1"];

describe("Windows device names", () => {
  it("never become a file or folder name, in any target, and the renamed output still compiles", async () => {
    const files = DEVICES.map((d) => ({
      path: `statements/${d}/spec.md`,
      content: `# ${d}\n\n- The ${d} service SHALL store the ${d} record.\n- WHEN a ${d} arrives, THE ${d} SHALL send a Nul notice.\n- **${d.toUpperCase()}**: a ${d} record has a name and an Aux code.\n`,
    }));
    const config = { ...resolveDefaults(), system: "aux" };
    const { files: outputs, diagnostics } = await compileTree({ files, config });
    expect(diagnostics.filter((d) => d.code.startsWith("EMIT_"))).toEqual([]);
    const bad = outputs.filter((f) => f.path.split("/").some(isWindowsReserved)).map((f) => f.path);
    expect(bad).toEqual([]);
    // The names were there to be avoided: some folder or file is a renamed device name.
    expect(outputs.some((f) => /(^|\/)(con|aux|nul)[-_]?2?[/.]|\/(Con|Aux|Nul)2?\./i.test(f.path))).toBe(true);
    const emitted = outputs.filter((f) => f.path.startsWith("contracts/")).map((f) => ({ ...f, path: f.path.slice("contracts/".length) }));
    const results = await compileEmitted({ files: emitted, targets: EMITTERS.map((e) => e.name) });
    for (const [target, r] of Object.entries(results)) expect(`${target}: ${r.ok ? "ok" : r.output}`).toBe(`${target}: ok`);
  });

  it("are recognised in any case, with any extension", () => {
    for (const name of ["CON", "con.ts", "Aux.java", "nul.schema.json", "COM1", "lpt9.go", "nul .txt"]) expect(isWindowsReserved(name)).toBe(true);
    for (const name of ["console", "auxiliary", "com10", "nullable.ts", "icon"]) expect(isWindowsReserved(name)).toBe(false);
  });
});

describe("bidi controls and line separators", () => {
  const HAZARDS = /[\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

  it("are escaped in every generated file, model.json included, and model.json still holds the text", async () => {
    const text = "The cart SHALL store the \u202Eitem\u202C price\u2028and the \u2066total\u2069.";
    const { files: outputs } = await compileTree({ files: [{ path: "statements/cart.md", content: `${text}\n` }], config: resolveDefaults() });
    for (const f of outputs) expect(`${f.path}: ${HAZARDS.test(f.content)}`).toBe(`${f.path}: false`);
    const model = JSON.parse(outputs.find((f) => f.path === "contracts/model.json")!.content) as { statements: { text: string }[] };
    expect(model.statements.some((s) => s.text.includes("\u202Eitem\u202C"))).toBe(true);
  });

  it("are escaped in the LLM answer cache", () => {
    const cache = serializeCache([{ key: "k", model: "m", prompt: 1, statement: "s\u2028x", answer: { subject: "\u202Eevil" } }]);
    expect(HAZARDS.test(cache)).toBe(false);
    expect(JSON.parse(cache).answer.subject).toBe("\u202Eevil");
  });
});
