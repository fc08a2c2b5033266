import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ImplementLanguage } from "../config/types.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { normalizeContent } from "../write-output.js";
import { loadTemplateOverrides, requireConfig } from "./project.js";
import { compile, createFsTreeReader, readSourceFiles, scaffoldImplementation } from "./stages.js";

export interface ImplementInterfaceOptions {
  root: string;
  interfaceName: string;
  /** Default: `implement.lang` of the config. */
  lang?: ImplementLanguage;
  dryRun?: boolean;
}

export interface ImplementInterfaceResult {
  created: string[];
  /** Files that already exist: left exactly as they are. */
  skipped: string[];
  diagnostics: Diagnostic[];
}

/**
 * `penult implement <Interface>`: writes the n-layer scaffold (a class implementing the interface,
 * every method throwing "not implemented", and a test file from the statements' scenarios) under
 * the configured source and test folders. Never overwrites: an existing file is skipped.
 */
export async function implementInterface(options: ImplementInterfaceOptions): Promise<ImplementInterfaceResult> {
  const config = requireConfig(options.root);
  const reader = createFsTreeReader({ rootDir: options.root });
  const read = await readSourceFiles({ reader, globs: config.statements });
  const templates = await loadTemplateOverrides({ reader, folder: config.templates });
  const compiled = compile({ files: read.files, config });
  const scaffold = scaffoldImplementation({
    model: compiled.model,
    statements: compiled.statements,
    interfaceName: options.interfaceName,
    lang: options.lang ?? config.implement.lang,
    config,
    ...(templates ? { templates } : {}),
    existing: (path) => existsSync(join(options.root, path)),
  });
  const result: ImplementInterfaceResult = { created: [], skipped: [], diagnostics: [] };
  for (const f of scaffold.files) {
    const abs = join(options.root, f.path);
    // Checked again at write time ("wx"): the n layer is people's code, never overwritten.
    if (!f.isNew || existsSync(abs)) {
      result.skipped.push(f.path);
      continue;
    }
    if (!options.dryRun) {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, normalizeContent(f.content), { flag: "wx" });
    }
    result.created.push(f.path);
  }
  result.diagnostics = sortDiagnostics([...read.diagnostics, ...scaffold.diagnostics]);
  return result;
}
