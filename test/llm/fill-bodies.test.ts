import { describe, expect, it } from "@jest/globals";
import { checkBody, findMethodStubs, placeBodies } from "../../lib/llm/fill-bodies.js";

const ans = (body: string) => JSON.stringify({ body });

describe("checkBody: model output stays inside one method body", () => {
  it("accepts balanced code, strips a markdown fence and common indentation", () => {
    expect(checkBody({ lang: "ts", raw: ans("```ts\n    if (x) {\n      return 1;\n    }\n    return 0;\n```") })).toEqual({ body: "if (x) {\n  return 1;\n}\nreturn 0;" });
    expect(checkBody({ lang: "java", raw: ans('String s = "}"; // }\n/* { */ return s;') })).toEqual({ body: 'String s = "}"; // }\n/* { */ return s;' });
  });

  it("refuses a body that closes the method, leaves braces open, or never ends a string or comment", () => {
    expect(checkBody({ lang: "ts", raw: ans("return;\n}\nexport function evil() {") })).toEqual({ error: "a closing brace outside the method body" });
    expect(checkBody({ lang: "csharp", raw: ans("if (x) {") })).toEqual({ error: "unbalanced braces" });
    expect(checkBody({ lang: "go", raw: ans('return errors.New("x)') })).toEqual({ error: "an unterminated string" });
    expect(checkBody({ lang: "rust", raw: ans("/* } ") })).toEqual({ error: "an unterminated comment" });
    expect(checkBody({ lang: "python", raw: ans('x = """\nclass Evil: pass') })).toEqual({ error: "unbalanced triple quotes" });
  });

  it("refuses what is not the schema", () => {
    expect(checkBody({ lang: "ts", raw: "return 1;" })).toEqual({ error: "the answer is not JSON" });
    expect("error" in checkBody({ lang: "ts", raw: JSON.stringify({ body: "x", run: "rm -rf /" }) })).toBe(true);
    expect("error" in checkBody({ lang: "ts", raw: null })).toBe(true);
  });
});

describe("findMethodStubs and placeBodies", () => {
  const PY = ["class CartApiImpl(CartApi):", "    async def mark_book(self, book: Book) -> None:", '        raise NotImplementedError("not implemented: CartApi.mark_book")', ""].join("\n");

  it("finds the stub line and its signature, and re-indents the body under a review note", () => {
    const [stub] = findMethodStubs(PY);
    expect(stub).toEqual({ line: 2, indent: "        ", method: "mark_book", signature: "async def mark_book(self, book: Book) -> None:" });
    const out = placeBodies({ content: PY, lang: "python", bodies: new Map([[2, { body: "if book:\n    return None", note: "Drafted by m from s1: review it" }]]) });
    expect(out).toBe(["class CartApiImpl(CartApi):", "    async def mark_book(self, book: Book) -> None:", "        # Drafted by m from s1: review it", "        if book:", "            return None", ""].join("\n"));
  });
});
