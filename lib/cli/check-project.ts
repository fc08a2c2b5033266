import { createConfinedFs } from "../confined-fs.js";
import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { writeOutput } from "../write-output.js";
import { withRepositoryName } from "./repository-name.js";
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
  /** Generated files that differ from what the statements generate (reported as one finding). */
  outOfDate: { stale: string[]; missing: string[]; extra: string[] };
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
    return { diagnostics: sortDiagnostics(loaded.diagnostics), sections: [{ name: "config", findings: loaded.diagnostics.length }], outOfDate: { stale: [], missing: [], extra: [] }, configInvalid: true };
  }
  const config = withRepositoryName(loaded.config, options.root);
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
  const filesWith = (code: string) => inSync.filter((d) => d.code === code && d.file).map((d) => d.file as string);
  const outOfDate = { stale: filesWith("CONTRACTS_STALE"), missing: filesWith("CONTRACTS_MISSING"), extra: filesWith("CONTRACTS_EXTRA") };
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
  } else {
    // Stale, missing and extra files have one cause and one fix: one finding, not one per file.
    const summary = summarizeOutOfDate(outOfDate, config.output);
    if (summary) inSync = [...inSync.filter((d) => !OUT_OF_DATE_CODES.has(d.code)), { ...summary, file: manifestPath(config) }];
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
    outOfDate,
    configInvalid: false,
  };
}

const OUT_OF_DATE_CODES = new Set(["CONTRACTS_STALE", "CONTRACTS_MISSING", "CONTRACTS_EXTRA"]);

/** "19 files in contracts/ are out of date with the statements (17 stale, 2 missing; e.g. ...): run ..." */
function summarizeOutOfDate(files: CheckProjectResult["outOfDate"], output: string): Diagnostic | undefined {
  const all = [...files.stale, ...files.missing, ...files.extra].sort();
  if (all.length === 0) return undefined;
  const kinds = (
    [
      [files.stale.length, "stale"],
      [files.missing.length, "missing"],
      [files.extra.length, "no longer generated"],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(", ");
  const examples = all.slice(0, 3).join(", ") + (all.length > 3 ? ", ..." : "");
  const n = all.length;
  return {
    code: "CONTRACTS_OUT_OF_DATE",
    severity: "error",
    message: `${n} file${n === 1 ? " is" : "s are"} out of date with the statements in ${output}/ (${kinds}: ${examples}): run \`npx penult generate\` and commit the result, or let the penult pull request do it`,
  };
}
