import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { runTool, type CompileOutcome } from "./run-tool.js";

const require = createRequire(import.meta.url);

/**
 * Type-checks every `.ts` file under `dir` (the `typescript/` output folder) with the project's own
 * typescript package: `tsc --noEmit` in strict mode, NodeNext modules, unused imports as errors.
 */
export function compileTypescript(dir: string): Promise<CompileOutcome> {
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2023"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      noUnusedLocals: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: true,
      types: [],
    },
    include: ["**/*.ts"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  const tsc = require.resolve("typescript/bin/tsc");
  return runTool({ command: process.execPath, args: [tsc, "-p", dir], cwd: dir });
}
