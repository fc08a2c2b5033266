import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { toDiagnostic, type Finding } from "./n1-codes.js";
import { scanCSharp } from "./scan-csharp.js";
import { scanGo } from "./scan-go.js";
import { scanJava } from "./scan-java.js";
import { scanPythonSummary, summarisePython, type PythonSummariser } from "./scan-python.js";
import { scanRust } from "./scan-rust.js";
import { scanTypeScript } from "./scan-typescript.js";
import { LexError, tokenizeSource, type SourceLanguage } from "./tokenize-source.js";
import { StructureError } from "./token-utils.js";

/** A contract file to check: repository-relative POSIX path and its text. */
export interface ContractFile {
  path: string;
  content: string;
}

/** Languages the guard checks, by file extension. */
export type CheckedLanguage = "typescript" | "python" | SourceLanguage;

const BY_EXTENSION: Record<string, CheckedLanguage> = {
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "typescript",
  py: "python",
  pyi: "python",
  java: "java",
  rs: "rust",
  go: "go",
  cs: "csharp",
};

/** The language the guard reads a file as, or undefined for files it does not check (JSON, md, ...). */
export function detectContractLanguage(path: string): CheckedLanguage | undefined {
  const m = /\.([A-Za-z]+)$/.exec(path);
  return m ? BY_EXTENSION[m[1]!.toLowerCase()] : undefined;
}

const SCANNERS: Record<SourceLanguage, (tokens: ReturnType<typeof tokenizeSource>) => Finding[]> = {
  java: scanJava,
  csharp: scanCSharp,
  go: scanGo,
  rust: scanRust,
};

function scanBraceLanguage(file: ContractFile, language: SourceLanguage): Finding[] {
  try {
    return SCANNERS[language](tokenizeSource({ text: file.content, language }));
  } catch (e) {
    if (e instanceof LexError) return [{ code: "N1_UNPARSEABLE", line: e.line, column: e.column, what: `cannot read the file as ${language}: ${e.message}` }];
    if (e instanceof StructureError) return [{ code: "N1_UNPARSEABLE", line: e.line, what: `cannot read the file as ${language}: ${e.message}` }];
    throw e;
  }
}

/**
 * The n-1 guard behind `npx penult check`: reports, as errors with file:line, every implementation
 * added by hand to contract files (function and method bodies, default methods, Rust `impl` blocks
 * with code, Go methods, lambdas, module-level statements). Language by file extension; files of
 * other types are ignored. TypeScript is read with the TypeScript parser, Python with Python's `ast`
 * (one `python3` process for all .py files; pass `python` to replace it), Java, C#, Go and Rust with
 * an exact lexer and a structural scanner. Output is sorted, whatever the input order.
 */
export function findImplementations(options: { files: readonly ContractFile[]; python?: PythonSummariser }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pythonFiles: ContractFile[] = [];
  for (const file of options.files) {
    const language = detectContractLanguage(file.path);
    if (!language) continue;
    if (language === "python") {
      pythonFiles.push(file);
      continue;
    }
    const findings = language === "typescript" ? scanTypeScript({ path: file.path, text: file.content }) : scanBraceLanguage(file, language);
    for (const f of findings) out.push(toDiagnostic(file.path, f));
  }
  if (pythonFiles.length) {
    const summaries = (options.python ?? summarisePython)(pythonFiles);
    if ("unavailable" in summaries) {
      // One plain warning instead of an "unparseable" error per file: nothing is wrong with the files.
      const n = pythonFiles.length;
      out.push({
        code: "N1_PYTHON_UNAVAILABLE",
        severity: "warning",
        message: `${summaries.unavailable}: the n-1 guard reads Python contracts with Python's own parser, so ${n} Python contract file${n === 1 ? " was" : "s were"} not checked for implementation; install python3 to check ${n === 1 ? "it" : "them"}, or leave python out of \`targets\` in .github/penult.yml`,
      });
    } else for (const s of summaries) for (const f of scanPythonSummary(s)) out.push(toDiagnostic(s.path, f));
  }
  return sortDiagnostics(out);
}
