import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";

// Untyped def: py_compile accepts it, mypy --strict must not.
describeTargetSuite("python", [{ path: "python/p/__init__.py", content: "def f(x):\n    return x\n" }]);
