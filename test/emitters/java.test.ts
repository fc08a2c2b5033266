import { expect, it } from "@jest/globals";
import { loadFixtureModel } from "./load-fixture-model.js";
import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";

describeTargetSuite("java", [{ path: "java/a/A.java", content: "package a;\npublic interface A { Missing m(); }\n" }], (emit) => {
  it("writes one public type per file, in a package per subsystem, and never a body", () => {
    const files = emit(loadFixtureModel("shop"));
    for (const [path, content] of files) {
      if (path.endsWith("package-info.java")) continue;
      expect(content.match(/^public (interface|record|enum) /gm)).toHaveLength(1);
      const name = path.split("/").pop()!.replace(/\.java$/, "");
      expect(content).toMatch(new RegExp(`^public (interface|record|enum) ${name}\\b`, "m"));
      expect(content).not.toMatch(/\bdefault\b/);
    }
    expect([...files.keys()].some((p) => /^java\/[a-z0-9]+\/billing\/BillingService\.java$/.test(p))).toBe(true);
  });

  it("heads each type's file with the statement files of that type, not of its whole package", () => {
    const model = loadFixtureModel("shop");
    // The cart item comes from a second file of the cart package; only its own file names it.
    model.statements = model.statements.map((s) => (s.id === "st-cart-item" ? { ...s, file: "statements/cart-items.md" } : s));
    const files = emit(model);
    const headerFiles = (path: string) => {
      const content = [...files].find(([p]) => p.endsWith(path))?.[1] ?? "";
      return [...content.matchAll(/^ \*   (statements\/\S+)$/gm)].map((m) => m[1]);
    };
    expect(headerFiles("/cart/CartItem.java")).toEqual(["statements/cart-items.md"]);
    expect(headerFiles("/cart/CartService.java")).toEqual(["statements/cart.md"]);
    // The cart's relation to its items comes from the item's statement: its file is made of both.
    expect(headerFiles("/cart/Cart.java")).toEqual(["statements/cart-items.md", "statements/cart.md"]);
  });

  it("keeps javac from decoding \\u escapes in doc comments", () => {
    for (const [, content] of emit(loadFixtureModel("hostile"))) {
      // An odd run of backslashes before `u` would be a unicode escape.
      expect(content).not.toMatch(/(^|[^\\])(\\\\)*\\u/);
    }
  });
});
