import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";

describeTargetSuite("markdown", [
  { path: "markdown/ARCHITECTURE.md", content: "# A\n\n<script>alert(1)</script>\n\n```mermaid\nflowchart TB\n  a --> end\n```\n" },
]);
