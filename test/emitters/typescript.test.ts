import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";

describeTargetSuite("typescript", [{ path: "typescript/a/index.ts", content: "export const x: number = 'no';\n" }]);
