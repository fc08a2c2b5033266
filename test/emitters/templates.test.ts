import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { createRecordTemplateSource, createTemplateRenderer, normalizeFileContent } from "../../lib/emitters/templates.js";

describe("templates", () => {
  it("normal form: LF, no trailing whitespace, at most two blank lines, one final newline; idempotent", () => {
    const text = fc.array(fc.constantFrom("a", " ", "\t", "\n", "\r\n", "\r", "\u00A0", "x y"), { maxLength: 40 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const n = normalizeFileContent(t);
        expect(n.endsWith("\n")).toBe(true);
        expect(n).not.toMatch(/\r|[^\S\n]\n|\n\n\n\n|^\n./);
        expect(normalizeFileContent(n)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it("the one-pass normaliser gives what splitting into lines, trimming and joining gives", () => {
    // The definition the normal form was first written as; the fast version must keep its bytes.
    const byLines = (t: string): string => {
      const out: string[] = [];
      for (const l of t.replace(/\r\n?/g, "\n").split("\n").map((x) => x.trimEnd())) {
        if (l === "" && (out.length === 0 || (out[out.length - 1] === "" && out[out.length - 2] === ""))) continue;
        out.push(l);
      }
      while (out.length && out[out.length - 1] === "") out.pop();
      return out.join("\n") + "\n";
    };
    const text = fc.array(fc.constantFrom("a", "bc", " ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00A0", "\u2028", "\uFEFF", "x y"), { maxLength: 60 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeFileContent(t)).toBe(byLines(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("no interpolation can inject a line break or a control character, whatever the template says", () => {
    const render = createTemplateRenderer({ target: "t", source: createRecordTemplateSource({ "t/x.mustache": "// {{a}} {{{a}}}\n" }) });
    expect(render.render("x", { a: "x\n}\u202E" })).toBe("// x }<U+202E> x }<U+202E>\n");
  });

  it("a missing template is an error naming it", () => {
    const render = createTemplateRenderer({ target: "t", source: createRecordTemplateSource({}) });
    expect(() => render.render("nope", {})).toThrow("t/nope.mustache");
  });
});
