import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { LARGE_FILE_LIMIT, parseStatements } from "../../lib/statements/parse-statements.js";
import { readMarkdown } from "../../lib/statements/read-markdown.js";
import { STATEMENT_DIAGNOSTICS } from "../../lib/statements/statement-diagnostics.js";

const good = { path: "statements/good.md", content: "THE Cart SHALL keep items for 30 days.\n" };

function codes(files: Parameters<typeof parseStatements>[0]): string[] {
  return parseStatements(files).diagnostics.map((d) => `${d.code}@${d.file}:${d.line ?? "-"}`);
}

describe("bad input", () => {
  it("reports empty files and still reads the others", () => {
    const r = parseStatements([{ path: "statements/empty.md", content: "  \n\n" }, good]);
    expect(r.statements).toHaveLength(1);
    expect(codes([{ path: "statements/empty.md", content: "" }])).toEqual(["PARSE_EMPTY_FILE@statements/empty.md:1"]);
  });

  it("refuses binary content and invalid UTF-8, naming the line", () => {
    const binary = new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01]);
    const latin1 = Buffer.concat([Buffer.from("The cart SHALL work.\nCaf"), Buffer.from([0xe9]), Buffer.from(" au lait\n")]);
    const r = parseStatements([{ path: "statements/bin.md", content: binary }, { path: "statements/l1.md", content: latin1 }, good]);
    // Not UTF-8: read as Windows-1252 with a warning, so nothing the file says is lost.
    expect([...new Set(r.statements.map((s) => s.file))]).toEqual(["statements/good.md", "statements/l1.md"]);
    expect(r.statements.some((s) => s.text.includes("Café au lait"))).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.severity])).toEqual([
      ["PARSE_BINARY_FILE", "statements/bin.md", 3, "error"],
      ["PARSE_INVALID_UTF8", "statements/l1.md", 2, "warning"],
    ]);
    expect(r.diagnostics[1]!.message).toMatch(/0xe9 at offset 24/);
  });

  it("drops a BOM and reads CRLF like LF, with info notes", () => {
    const lf = "# Cart\n\nTHE Cart SHALL keep items.\n\n- WHEN a shopper pays, THE Checkout SHALL issue a receipt.\n";
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf.replace(/\n/g, "\r\n"))]);
    const a = parseStatements([{ path: "statements/x.md", content: lf }]);
    const b = parseStatements([{ path: "statements/x.md", content: bom }]);
    expect(b.statements).toEqual(a.statements);
    expect(b.diagnostics.map((d) => d.code)).toEqual(["PARSE_BOM", "PARSE_LINE_ENDINGS"]);
  });

  it("reads a 10 MB file in linear time with the line reader", () => {
    const lines: string[] = ["# Big", ""];
    let size = 0;
    for (let i = 0; size < 10_000_000; i++) {
      const line = `- WHEN order ${i} is paid, THE Checkout SHALL send receipt ${i} to the shopper within ${i % 60} seconds.`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(LARGE_FILE_LIMIT);
    const r = parseStatements([{ path: "statements/big.md", content: text }, good]);
    expect(r.statements.filter((s) => s.file === "statements/big.md")).toHaveLength(lines.length - 2);
    expect(r.statements[0]!.kind).toBe("ears-event");
    expect(r.statements[0]!.headingPath).toEqual(["Big"]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["PARSE_LARGE_FILE"]);
  });

  it("parses a file in chunks exactly as in one piece", () => {
    const block =
      "## Part\n\nThe cart keeps items. It SHALL expire them.\n\n- WHEN a shopper pays, THE Checkout SHALL issue a receipt.\n  - nested detail line\n\n```\ncode\n\nmore code\n```\n\n| ID | Requirement |\n|---|---|\n| FR-1 | The cart MUST hold items |\n\n";
    const text = block.repeat(40);
    const whole = readMarkdown({ file: "f.md", text, chunkSize: 1e9 });
    const chunked = readMarkdown({ file: "f.md", text, chunkSize: 200 });
    expect(chunked.candidates).toHaveLength(160);
    expect(chunked.candidates.map((c) => [c.start, c.text, c.cls.kind])).toEqual(whole.candidates.map((c) => [c.start, c.text, c.cls.kind]));
  });

  it("flattens 500 levels of nested lists and quotes with a warning", () => {
    let indented = "";
    let inline = "";
    let quotes = "";
    for (let i = 0; i < 500; i++) {
      indented += `${"  ".repeat(i)}- level ${i} of the cart menu\n`;
      inline += `${"- ".repeat(i)}level ${i} of the cart menu\n`;
      quotes += `${"> ".repeat(i)}level ${i} of the quote\n\n`;
    }
    for (const content of [indented, inline, quotes]) {
      const r = parseStatements([{ path: "statements/deep.md", content }, good]);
      expect(r.diagnostics.some((d) => d.code === "PARSE_DEEP_NESTING" && d.file === "statements/deep.md")).toBe(true);
      expect(r.statements.filter((s) => s.file === "statements/deep.md").length).toBeGreaterThanOrEqual(content === quotes ? 1 : 500);
      expect(r.statements.some((s) => s.file === "statements/good.md")).toBe(true);
    }
  });

  it("sends markup that makes remark quadratic to the line reader", () => {
    const cases = [
      `${"*".repeat(40_000)}a${"*".repeat(40_000)}`,
      "*a _b ".repeat(20_000),
      `${"[".repeat(30_000)}a`,
      `| ID | Requirement |\n|---|---|\n${Array.from({ length: 3000 }, (_, i) => `| FR-${i} | The cart MUST keep item ${i} |`).join("\n")}`,
    ];
    for (const content of cases) {
      const r = parseStatements([{ path: "statements/p.md", content }, good]);
      expect(r.diagnostics.filter((d) => d.severity !== "info" || d.code === "PARSE_PATHOLOGICAL_MARKUP").map((d) => d.code)).toContain("PARSE_PATHOLOGICAL_MARKUP");
      expect(r.statements.some((s) => s.file === "statements/good.md")).toBe(true);
    }
    // A long but ordinary list of bold FR lines stays with remark.
    const frs = Array.from({ length: 600 }, (_, i) => `- **FR-${i}**: System MUST keep **item** ${i}`).join("\n");
    const r = parseStatements([{ path: "statements/fr.md", content: frs }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.statements).toHaveLength(600);
  });

  it("reports the first 20 repeated statements of a file one by one, then counts the rest", () => {
    const r = parseStatements([{ path: "statements/rep.md", content: "- The cart keeps items.\n".repeat(100) }]);
    const dups = r.diagnostics.filter((d) => d.code === "PARSE_DUPLICATE_STATEMENT");
    expect(dups).toHaveLength(21);
    expect(dups[20]!.message).toBe("79 more repeated statements in this file (not listed one by one)");
    expect(new Set(r.statements.map((s) => s.id)).size).toBe(100);
  });

  it("survives broken markdown and warns about an unclosed fence", () => {
    const broken = "# Cart\n\n**The cart SHALL [keep items](\n\n| a | b\n|--\n\n- [ ] \n\n<div>\n\nTHE Cart SHALL warn.\n\n```js\nconst x = 1;\nTHE Cart SHALL not be read.\n";
    const r = parseStatements([{ path: "statements/broken.md", content: broken }]);
    expect(r.diagnostics.map((d) => `${d.code}:${d.line}`)).toContain("PARSE_UNCLOSED_FENCE:14");
    // The unclosed fence's content is code (a `code` statement for declarations), never a requirement.
    expect(r.statements.filter((s) => /not be read/.test(s.text)).map((s) => s.kind)).toEqual(["code"]);
  });

  it("keeps comment and string terminators as text", () => {
    const r = parseStatements([{ path: "statements/t.md", content: 'THE Parser SHALL accept "*/", """ and --> in names.\n' }]);
    expect(r.statements[0]!.text).toBe('THE Parser SHALL accept "*/", """ and --> in names.');
    expect(r.statements[0]!.id).toMatch(/^[a-z0-9.-]+$/);
  });

  it("reports a path given twice", () => {
    expect(codes([good, { ...good, content: "other" }])).toEqual(["PARSE_DUPLICATE_FILE@statements/good.md:-"]);
  });

  it("never throws, and every diagnostic names a file and uses a known code", () => {
    const known = new Set(Object.keys(STATEMENT_DIAGNOSTICS));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), fc.constantFrom("- ", "**", "```", "> ", "|", "\n", "#", "WHEN ", "SHALL ", "{#x}")), {
          maxLength: 30,
        }),
        (parts) => {
          const content = parts.map((p) => (typeof p === "string" ? p : Buffer.from(p).toString("latin1"))).join("");
          const r = parseStatements([{ path: "statements/fuzz.md", content }, { path: "statements/fuzz.txt", content }]);
          for (const d of r.diagnostics) {
            expect(d.file).toBeDefined();
            expect(known.has(d.code)).toBe(true);
          }
          for (const s of r.statements) expect(s.text.trim()).toBe(s.text);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});
