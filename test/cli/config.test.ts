import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { CONFIG_SCHEMA } from "../../lib/config/config-schema.js";
import { parseConfig, resolveDefaults } from "../../lib/config/load-config.js";

const published = new URL("../../schema/config.schema.json", import.meta.url);

describe("config schema", () => {
  it("the published schema/config.schema.json equals the source schema (UPDATE=1 rewrites it)", () => {
    const expected = JSON.stringify(CONFIG_SCHEMA, null, 2) + "\n";
    if (process.env.UPDATE) writeFileSync(published, expected);
    expect(readFileSync(published, "utf8")).toBe(expected);
  });
});

describe("parseConfig", () => {
  it("an empty file means the defaults", () => {
    const r = parseConfig({ text: "" });
    expect(r.diagnostics).toEqual([]);
    expect(r.config).toEqual(resolveDefaults());
    expect(r.config.statements).toEqual(["statements/**/*.md"]);
    expect(r.config.branch).toBe("penult/contracts");
  });

  it("applies values and normalises a single glob to a list", () => {
    const r = parseConfig({ text: "statements: docs/**/*.md\noutput: ./gen/\ntargets: [typescript, go]\nnames:\n  shopping cart: Basket\n" });
    expect(r.diagnostics).toEqual([]);
    expect(r.config.statements).toEqual(["docs/**/*.md"]);
    expect(r.config.output).toBe("gen");
    expect(r.config.targets).toEqual(["typescript", "go"]);
    expect(r.config.names).toEqual({ "shopping cart": "Basket" });
  });

  it("reports every problem at once, each naming its key and line, with the fix", () => {
    const text = [
      "statements: 3", // 1
      "outptu: x", // 2
      "targets: [typescript, kotlin, typescript]", // 3
      "names:", // 4
      "  order total: 1Bad", // 5
      "lint:", // 6
      "  rules:", // 7
      "    vague-word: loud", // 8
      "implement:", // 9
      "  lang: cobol", // 10
    ].join("\n");
    const r = parseConfig({ text });
    const lines = r.diagnostics.map((d) => `${d.line} ${d.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1 statements must be a glob string or a list of glob strings/),
        expect.stringMatching(/^2 unknown key outptu; did you mean "output"\?/),
        expect.stringMatching(/^3 targets\[1\] must be one of: typescript, python, .* \(got "kotlin"\)/),
        expect.stringMatching(/^3 targets lists the same value twice/),
        expect.stringMatching(/^5 names\["order total"\] must be an identifier/),
        expect.stringMatching(/^8 lint\.rules\.vague-word must be off, info, warning or error/),
        expect.stringMatching(/^10 implement\.lang must be one of: ts, python, java, rust, go, csharp \(got "cobol"\)/),
      ]),
    );
    expect(r.diagnostics.every((d) => d.file === ".github/penult.yml" && d.code === "CONFIG_INVALID" && d.severity === "error")).toBe(true);
    expect(r.diagnostics).toHaveLength(7);
  });

  it("reports broken YAML with its position", () => {
    const r = parseConfig({ text: "targets: [typescript\nnames: {", file: "x.yml" });
    expect(r.diagnostics[0]).toMatchObject({ code: "CONFIG_YAML", file: "x.yml", severity: "error" });
    expect(r.diagnostics[0]?.line).toBeGreaterThan(0);
  });

  it("rejects a top-level list and paths that leave the repository", () => {
    expect(parseConfig({ text: "- a\n- b\n" }).diagnostics[0]?.message).toMatch(/must be a mapping/);
    expect(parseConfig({ text: "output: ../elsewhere\n" }).diagnostics[0]?.message).toMatch(/output must be a folder relative to the repository root/);
    expect(parseConfig({ text: "output: /abs\n" }).diagnostics).toHaveLength(1);
  });

  it("accepts rule settings with options", () => {
    const r = parseConfig({ text: "lint:\n  rules:\n    vague-word: { level: error, options: { words: [snappy] } }\n    ears-shape: off\n" });
    expect(r.diagnostics).toEqual([]);
    expect(r.config.lint.rules["ears-shape"]).toBe("off");
  });
});
