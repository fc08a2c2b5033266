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

  it("keeps javac from decoding \\u escapes in doc comments", () => {
    for (const [, content] of emit(loadFixtureModel("hostile"))) {
      // An odd run of backslashes before `u` would be a unicode escape.
      expect(content).not.toMatch(/(^|[^\\])(\\\\)*\\u/);
    }
  });
});
