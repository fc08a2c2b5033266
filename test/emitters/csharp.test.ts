import { expect, it } from "@jest/globals";
import { loadFixtureModel } from "./load-fixture-model.js";
import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";

describeTargetSuite("csharp", [{ path: "csharp/Contracts.cs", content: "namespace A { public interface IA { Missing M(); } }\n" }], (emit) => {
  it("writes a namespace per subsystem with interfaces, auto-property classes and enums", () => {
    const files = emit(loadFixtureModel("shop"));
    const billing = files.get("csharp/Billing/Contracts.cs")!;
    expect(billing).toMatch(/^namespace Shop\.Billing$/m);
    expect(billing).toMatch(/public interface IBillingService/);
    expect(billing).toMatch(/Task<Invoice> CheckOutAsync\(global::Shop\.Cart\.Cart cart, string paymentMethod\);/);
    expect(billing).toMatch(/\{ get; set; \}/);
  });

  it("escapes keywords with @ and doc text for XML", () => {
    const all = [...emit(loadFixtureModel("hostile")).values()].join("\n");
    expect(all).toMatch(/ @[a-z]+[,)]/);
    for (const line of all.split("\n").filter((l) => l.trimStart().startsWith("///"))) {
      const text = line.replace(/^\s*\/\/\/ ?/, "").replace(/^<\/?summary>$/, "");
      expect(text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    }
  });
});
