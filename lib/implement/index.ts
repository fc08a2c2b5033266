export { scaffoldImplementation } from "./scaffold-implementation.js";
export { findInterface, listInterfaces } from "./find-interface.js";
export { collectTestCases } from "./collect-test-cases.js";
export { ADAPTERS } from "./languages/index.js";
export type { ScaffoldOptions, ScaffoldResult, ScaffoldFile, TestCase, CaseStep, InterfaceTarget } from "./types.js";
export { builtinTestFramework, detectTestFramework, TEST_FRAMEWORK_FILES, TEST_FRAMEWORKS, type DetectedTestFramework, type TestFramework } from "./detect-test-framework.js";
