import { createConfinedFs } from "../confined-fs.js";
import type { ImplementLanguage } from "../config/types.js";
import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { detectTestFramework, findInterface, type ScaffoldFile, type TestFramework } from "../implement/index.js";
import { checkBody, findMethodStubs, placeBodies, type AskBody } from "../llm/fill-bodies.js";
import type { Model } from "../model/types.js";
import type { Statement } from "../statements/types.js";
import { normalizeContent } from "../write-output.js";
import { requireConfig } from "./project.js";
import { compileTree, createFsTreeReader, loadTemplateOverrides, scaffoldImplementation } from "./stages.js";

export interface ImplementInterfaceOptions {
  root: string;
  interfaceName: string;
  /** Default: `implement.lang` of the config. */
  lang?: ImplementLanguage;
  dryRun?: boolean;
  /** `--llm`: draft each method body from its statements (untrusted text placed in the scaffold only). */
  bodies?: { ask: AskBody; model: string; concurrency?: number };
  /** `--test <framework>`; default: detected from the repository's build files (see detectTestFramework). */
  testFramework?: TestFramework;
}

export interface ImplementInterfaceResult {
  created: string[];
  /** Files that already exist: left exactly as they are. */
  skipped: string[];
  diagnostics: Diagnostic[];
  /** With `bodies`: methods drafted by the model, and methods left throwing, with why. */
  llm?: { model: string; requests: number; filled: string[]; refused: { method: string; reason: string }[] };
  /** The framework the tests are written for, and the file that said so (absent: the built-in runner, or `--test`). */
  testFramework?: { name: TestFramework; from?: string; chosen?: true };
}

/**
 * `penult implement <Interface>`: writes the n-layer scaffold (a class implementing the interface,
 * every method throwing "not implemented", and a test file from the statements' scenarios) under
 * the configured source and test folders. Never overwrites: an existing file is skipped.
 */
export async function implementInterface(options: ImplementInterfaceOptions): Promise<ImplementInterfaceResult> {
  const config = requireConfig(options.root);
  const reader = createFsTreeReader({ rootDir: options.root });
  const fs = createConfinedFs(options.root);
  const templates = await loadTemplateOverrides({ reader, folder: config.templates });
  const compiled = await compileTree({ tree: reader, config, emit: false });
  const lang = options.lang ?? config.implement.lang;
  // Build files are read like everything else in the repository: never through a link.
  const detected = options.testFramework ? undefined : detectTestFramework({ lang, readFile: (p) => fs.read(p) });
  const testFramework = options.testFramework ?? detected!.framework;
  const scaffold = scaffoldImplementation({
    model: compiled.model,
    statements: compiled.statements,
    interfaceName: options.interfaceName,
    lang,
    config,
    ...(templates ? { templates } : {}),
    existing: (path) => fs.exists(path),
    testFramework,
  });
  const result: ImplementInterfaceResult = { created: [], skipped: [], diagnostics: [] };
  if (scaffold.testFramework) result.testFramework = { name: scaffold.testFramework, ...(detected?.from ? { from: detected.from } : {}), ...(options.testFramework ? { chosen: true as const } : {}) };
  // A dry run lists files only: no request is worth paying for output nobody writes.
  if (options.bodies && !options.dryRun) {
    result.llm = await draftBodies({ files: scaffold.files, model: compiled.model, statements: compiled.statements, interfaceName: options.interfaceName, lang, bodies: options.bodies });
  }
  const refused: Diagnostic[] = [];
  for (const f of scaffold.files) {
    // Checked again at write time (exclusive create): the n layer is people's code, never overwritten.
    if (!f.isNew || fs.exists(f.path)) {
      result.skipped.push(f.path);
      continue;
    }
    const link = fs.linkIn(f.path);
    if (link) {
      refused.push({ code: "IMPLEMENT_LINK", severity: "error", message: `${f.path} was not written: ${link} is a symbolic link, and penult never writes through links`, file: f.path });
      continue;
    }
    if (!options.dryRun) fs.write(f.path, normalizeContent(f.content), { exclusive: true });
    result.created.push(f.path);
  }
  result.diagnostics = sortDiagnostics([...compiled.readDiagnostics, ...scaffold.diagnostics, ...refused]);
  return result;
}

/**
 * Replaces the scaffold's "not implemented" lines with bodies the model drafts from each method's
 * statements. Only files not yet on disk are touched (the caller never overwrites), and only
 * inside method bodies (see checkBody); a refused or failed answer leaves the method throwing.
 */
async function draftBodies(options: {
  files: ScaffoldFile[];
  model: Model;
  statements: readonly Statement[];
  interfaceName: string;
  lang: ImplementLanguage;
  bodies: { ask: AskBody; model: string; concurrency?: number };
}): Promise<NonNullable<ImplementInterfaceResult["llm"]>> {
  const report: NonNullable<ImplementInterfaceResult["llm"]> = { model: options.bodies.model, requests: 0, filled: [], refused: [] };
  const found = findInterface(options.model.system, options.interfaceName);
  if ("error" in found) return report;
  const text = new Map(options.statements.map((s) => [s.id, s.text]));
  const fold = (name: string) => name.toLowerCase().replace(/[_-]/g, "").replace(/async$/, "");
  const ops = new Map(found.target.iface.operations.map((o) => [fold(o.name), o]));
  for (const file of options.files) {
    if (!file.isNew) continue;
    const stubs = findMethodStubs(file.content);
    if (stubs.length === 0) continue;
    const placed = new Map<number, { body: string; note: string }>();
    await runPool(stubs, options.bodies.concurrency ?? 4, async (stub) => {
      const op = ops.get(fold(stub.method));
      const sources = op?.sources ?? [];
      const statements = sources.map((id) => text.get(id)).filter((t): t is string => t !== undefined);
      if (statements.length === 0) {
        report.refused.push({ method: stub.method, reason: "no statement traces to this method" });
        return;
      }
      report.requests++;
      let raw: string | null;
      try {
        raw = await options.bodies.ask({ lang: options.lang, interfaceName: found.target.iface.name, signature: stub.signature, statements });
      } catch (err) {
        report.refused.push({ method: stub.method, reason: `the request failed: ${err instanceof Error ? err.message : String(err)}` });
        return;
      }
      const checked = checkBody({ lang: options.lang, raw });
      if ("error" in checked) {
        report.refused.push({ method: stub.method, reason: checked.error });
        return;
      }
      placed.set(stub.line, { body: checked.body, note: `Drafted by ${options.bodies.model} from ${sources.join(", ")}: review it; it may not compile.` });
      report.filled.push(stub.method);
    });
    file.content = placeBodies({ content: file.content, lang: options.lang, bodies: placed });
  }
  report.filled.sort(cmp);
  report.refused.sort((a, b) => cmp(a.method, b.method));
  return report;
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
