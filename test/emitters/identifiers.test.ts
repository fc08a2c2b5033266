import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  escapeMarkdown,
  makeIdentifier,
  NameScope,
  quoteJsString,
  quotePythonString,
  sanitizeCommentText,
  sanitizeLine,
  transliterate,
} from "../../lib/emitters/identifiers.js";
import { PYTHON_NAMING } from "../../lib/emitters/python.js";
import { TYPESCRIPT_NAMING } from "../../lib/emitters/typescript.js";

const ts = (name: string, style: "pascal" | "camel" = "pascal", kind: "type" | "value" | "member" = "type") =>
  makeIdentifier(name, { naming: TYPESCRIPT_NAMING, style, kind });
const py = (name: string, kind: "type" | "value" | "member" = "value") => makeIdentifier(name, { naming: PYTHON_NAMING, style: "snake", kind });

describe("identifiers", () => {
  it("cases names idiomatically and deterministically", () => {
    expect(ts("order item")).toBe("OrderItem");
    expect(ts("order item", "camel", "member")).toBe("orderItem");
    expect(py("Order Item")).toBe("order_item");
  });

  it("escapes reserved words per kind of name", () => {
    expect(ts("string")).toBe("String"); // PascalCase is no longer the keyword
    expect(ts("class", "camel", "value")).toBe("class_");
    expect(ts("class", "camel", "member")).toBe("class"); // legal as a property name
    expect(py("class")).toBe("class_");
    expect(py("list")).toBe("list_");
    expect(py("id", "member")).toBe("id"); // a field may shadow builtins annotations never use
    expect(py("str", "member")).toBe("str_"); // ...but not one that annotations use
  });

  it("prefixes names that start with a digit or are empty", () => {
    expect(ts("3d model")).toBe("N3dModel");
    expect(py("1st order")).toBe("n_1st_order");
    expect(ts("")).toBe("N");
    expect(ts("*/ -->")).toBe("N");
  });

  it("transliterates non-ASCII deterministically and keeps distinct names distinct", () => {
    expect(transliterate("Über Größe").trim()).toBe("Uber Grosse");
    expect(ts("日本")).not.toBe(ts("中国"));
    expect(ts("日本")).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  it("gives every valid-identifier property: any string -> a valid, non-reserved identifier", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        expect(ts(s)).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(py(s)).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(ts(s)).toBe(ts(s));
      }),
      { numRuns: 300 },
    );
  });

  it("makes names unique within a scope, deterministic suffixes, idempotent by key", () => {
    const scope = new NameScope();
    expect(scope.claim("Order", "a")).toBe("Order");
    expect(scope.claim("Order", "b")).toBe("Order2");
    expect(scope.claim("Order", "c")).toBe("Order3");
    expect(scope.claim("Whatever", "b")).toBe("Order2");
    const files = new NameScope({ caseInsensitive: true, separator: "-" });
    expect(files.claim("order")).toBe("order");
    expect(files.claim("Order")).toBe("Order-2");
  });
});

describe("comment and string text", () => {
  const hostile = fc.string({ unit: "binary", maxLength: 40 }).map((s) => `${s}*/"""--->\\u000a\n\r\u2028\u202E${s}`);

  it("never lets text end a comment or a line", () => {
    fc.assert(
      fc.property(hostile, (s) => {
        for (const style of ["jsdoc", "javadoc", "slash-line", "hash-line", "python-docstring", "html", "mermaid"] as const) {
          const out = sanitizeCommentText(s, style);
          expect(out).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
          if (style === "jsdoc" || style === "javadoc") expect(out).not.toContain("*/");
          if (style === "python-docstring") expect(out).not.toContain('"""');
          if (style === "html") expect(out).not.toContain("--");
          if (style === "javadoc") expect(out).not.toMatch(/(^|[^\\])(\\\\)*\\u/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("shows invisible and bidi characters instead of passing them through", () => {
    expect(sanitizeLine("a\u202Eb\u0000c")).toBe("a<U+202E>b<U+0000>c");
  });

  it("quotes strings that evaluate back to the exact text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (s) => {
        expect(JSON.parse(quoteJsString(s))).toBe(s);
        expect(quoteJsString(s)).not.toMatch(/[\n\r\u2028\u2029\u202E]/);
        expect(quotePythonString(s)).not.toMatch(/[\n\r\u2028\u2029\u202E]/);
      }),
      { numRuns: 200 },
    );
  });

  it("escapes markdown so text never becomes markup", () => {
    expect(escapeMarkdown("**bold** <script> | # x")).toBe("\\*\\*bold\\*\\* \\<script\\> \\| \\# x");
  });
});
