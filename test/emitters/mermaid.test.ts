import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";

describeTargetSuite("mermaid", [{ path: "mermaid/class-diagram.mmd", content: "classDiagram\n  class A {{{\n" }]);
