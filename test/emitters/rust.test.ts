import { expect, it } from "@jest/globals";
import { loadFixtureModel } from "./load-fixture-model.js";
import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";

describeTargetSuite("rust", [{ path: "rust/lib.rs", content: "pub trait A { fn m(&self) -> Missing; }\n" }], (emit) => {
  it("writes a crate: lib.rs at the root, mod.rs per subsystem, no impl blocks", () => {
    const files = emit(loadFixtureModel("shop"));
    expect(files.has("rust/lib.rs")).toBe(true);
    expect(files.has("rust/billing/mod.rs")).toBe(true);
    expect(files.get("rust/lib.rs")).toMatch(/^pub mod billing;$/m);
    for (const [, content] of files) expect(content).not.toMatch(/^\s*(pub )?(unsafe )?impl\b/m);
  });

  it("renames keywords that cannot be raw identifiers", () => {
    const all = [...emit(loadFixtureModel("hostile")).values()].join("\n");
    expect(all).not.toMatch(/\b(fn|pub) (self|Self|crate|super)\b\s*[:(]/);
    expect(all).not.toMatch(/r#/);
  });
});
