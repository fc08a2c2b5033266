import { statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { Action, Constraint } from "../extract/types.js";
import type { StatementKind } from "../statements/types.js";
import { requireConfig } from "./project.js";
import { createFsTreeReader, extractFacts, parseStatements, readSourceFiles } from "./stages.js";

/** One row of `penult extract --json`: what penult read in one statement, as phrases from its text. */
export interface ExtractedStatement {
  id: string;
  file: string;
  line: number;
  kind: StatementKind;
  text: string;
  actors: string[];
  actions: Action[];
  entities: string[];
  constraints: Constraint[];
}

export interface ExtractStatementsOptions {
  /** Repository root (paths in the output are relative to it). */
  root: string;
  /** Folder relative paths are resolved against (the shell's working folder). */
  cwd: string;
  /** Files or folders; folders mean every markdown and text file under them. Empty: the configured globs. */
  paths: readonly string[];
}

export interface ExtractStatementsResult {
  statements: ExtractedStatement[];
  diagnostics: Diagnostic[];
}

/**
 * `penult extract`: the per-statement view (parse + extract, without building the model), so users
 * and the quality benchmarks can see what penult read in each statement.
 */
export async function extractStatements(options: ExtractStatementsOptions): Promise<ExtractStatementsResult> {
  const diagnostics: Diagnostic[] = [];
  const globs: string[] = [];
  if (options.paths.length === 0) {
    globs.push(...requireConfig(options.root).statements);
  } else {
    for (const p of options.paths) {
      const abs = resolve(options.cwd, p);
      const rel = relative(options.root, abs).split(sep).join("/");
      if (rel.startsWith("..") || isAbsolute(rel)) {
        diagnostics.push({ code: "EXTRACT_OUTSIDE_ROOT", severity: "error", message: `${p} is outside the repository ${options.root}; run penult from the repository that holds it (or pass -C <folder>)` });
        continue;
      }
      let isDir: boolean;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        diagnostics.push({ code: "EXTRACT_NOT_FOUND", severity: "error", message: `${p} does not exist; pass statement files or folders` });
        continue;
      }
      const base = rel === "" ? "" : `${escapeGlob(rel)}/`;
      if (isDir) globs.push(`${base}**/*.md`, `${base}**/*.markdown`, `${base}**/*.txt`);
      else globs.push(escapeGlob(rel));
    }
  }
  const reader = createFsTreeReader({ rootDir: options.root });
  const read = globs.length ? await readSourceFiles({ reader, globs }) : { files: [], diagnostics: [] };
  const parsed = parseStatements(read.files);
  const facts = new Map(extractFacts(parsed.statements).map((f) => [f.id, f]));
  const statements = parsed.statements
    .map((s): ExtractedStatement => {
      const f = facts.get(s.id);
      return {
        id: s.id,
        file: s.file,
        line: s.span.start.line,
        kind: s.kind,
        text: s.text,
        actors: f?.actors ?? [],
        actions: f?.actions ?? [],
        entities: f?.entities ?? [],
        constraints: f?.constraints ?? [],
      };
    })
    .sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.id, b.id));
  return { statements, diagnostics: sortDiagnostics([...diagnostics, ...read.diagnostics, ...parsed.diagnostics]) };
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, "\\$&");
}
