import { createConfinedFs } from "../confined-fs.js";
import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { writeOutput } from "../write-output.js";
import { checkContractDir, compileTree, createFsTreeReader, lintStatements, manifestPath, sourceTexts } from "./stages.js";

export interface CheckProjectOptions {
  root: string;
  progress?: (message: string) => void;
}

export interface CheckProjectResult {
  /** Absent when the config itself is invalid (then only config diagnostics are reported). */
  config?: ResolvedConfig;
  /** Every finding, sorted: config, statement reading/compiling, lint, contracts in sync, n-1 guard. */
  diagnostics: Diagnostic[];
  /** Which checks ran and how many findings each gave. */
  sections: { name: "config" | "statements" | "lint" | "contracts" | "n-1 guard"; findings: number }[];
  configInvalid: boolean;
}

/**
 * `penult check`: everything a reviewer wants to be true before merging, as diagnostics:
 * the statements lint clean (EARS shape, vague words, ambiguous pronouns, duplicates and
 * contradictions, undefined terms), the contracts on disk are what the statements generate
 * (stale, missing and extra files), and no implementation was added to the contracts by hand.
 */
export async function checkProject(options: CheckProjectOptions): Promise<CheckProjectResult> {
  const progress = options.progress ?? (() => {});
  const loaded = loadConfig({ root: options.root });
  if (loaded.diagnostics.some((d) => d.severity === "error")) {
    return { diagnostics: sortDiagnostics(loaded.diagnostics), sections: [{ name: "config", findings: loaded.diagnostics.length }], configInvalid: true };
  }
  const config = loaded.config;
  const reader = createFsTreeReader({ rootDir: options.root });
  progress("compiling statements");
  // No `ask`: never a request; answers committed in the LLM cache are reused, so LLM-refined contracts check clean offline.
  const compiled = await compileTree({ tree: reader, config });
  progress("linting statements");
  const lint = lintStatements({
    statements: compiled.statements,
    facts: compiled.facts,
    model: compiled.model,
    config: config.lint,
    configFile: loaded.file ?? ".github/penult.yml",
    sources: sourceTexts(compiled.sources),
  });
  progress("comparing contracts with the statements");
  const contracts = writeOutput({ root: options.root, files: compiled.files, manifest: manifestPath(config), mode: "check" });
  let inSync = contracts.diagnostics;
  // Never generated at all: one finding says so, instead of one per file that would exist.
  if (!createConfinedFs(options.root).exists(manifestPath(config)) && inSync.length > 0 && inSync.every((d) => d.code === "CONTRACTS_MISSING")) {
    inSync = [
      {
        code: "CONTRACTS_NOT_GENERATED",
        severity: "error",
        message: `${config.output}/ holds no generated contracts yet (${inSync.length} files would be written): run \`npx penult generate\` and commit the result`,
        file: manifestPath(config),
      },
    ];
  }
  progress("checking contracts for hand-written implementation");
  const guard = createConfinedFs(options.root).exists(config.output) ? checkContractDir({ root: options.root, dir: config.output }) : [];
  const statementDiagnostics = [...compiled.readDiagnostics, ...compiled.diagnostics];
  return {
    config,
    diagnostics: sortDiagnostics([...statementDiagnostics, ...lint, ...inSync, ...guard]),
    sections: [
      { name: "statements", findings: statementDiagnostics.length },
      { name: "lint", findings: lint.length },
      { name: "contracts", findings: inSync.length },
      { name: "n-1 guard", findings: guard.length },
    ],
    configInvalid: false,
  };
}
