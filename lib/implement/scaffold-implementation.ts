import { sortDiagnostics, cmp, type Diagnostic } from "../diagnostics.js";
import { emitContracts } from "../emitters/index.js";
import { canonicalizeModel } from "../emitters/model-index.js";
import { builtinTemplateSource, createTemplateRenderer, layerTemplateSources, normalizeFileContent } from "../emitters/templates.js";
import { collectTestCases } from "./collect-test-cases.js";
import { builtinTestFramework, TEST_FRAMEWORKS } from "./detect-test-framework.js";
import { findInterface } from "./find-interface.js";
import { ADAPTERS } from "./languages/index.js";
import type { ScaffoldOptions, ScaffoldResult } from "./types.js";

/**
 * The n-layer scaffold of one interface: a class implementing it whose methods throw/raise "not
 * implemented", and a test file with one failing case per scenario or acceptance criterion traced
 * to it, under the configured source and test folders (defaults `src/`, `test/`).
 *
 * Pure: it emits the contracts of the chosen language in memory (lib/emitters, built-in templates,
 * so names match `penult generate` exactly whatever template overrides change in layout) and
 * copies the interface's names and signatures from them. Files are returned, never written;
 * `isNew` is false for paths the caller says exist (the CLI never overwrites those). An unknown
 * interface or a language without an emitter is an error diagnostic and no files.
 */
export function scaffoldImplementation(options: ScaffoldOptions): ScaffoldResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (code: string, message: string): ScaffoldResult => ({
    files: [],
    diagnostics: sortDiagnostics([...diagnostics, { code, severity: "error", message }]),
  });
  const adapter = ADAPTERS.find((a) => a.lang === options.lang);
  if (!adapter) return fail("IMPLEMENT_UNKNOWN_LANGUAGE", `unknown language "${options.lang}"; choose one of ${ADAPTERS.map((a) => a.lang).join(", ")}`);
  const model = canonicalizeModel(options.model);
  const found = findInterface(model.system, options.interfaceName);
  if ("error" in found) return fail("IMPLEMENT_UNKNOWN_INTERFACE", found.error);
  const { target } = found;

  const emitted = emitContracts({ model, targets: [adapter.emitterTarget] });
  const emitErrors = emitted.diagnostics.filter((d) => d.severity === "error");
  if (emitted.files.length === 0 || emitErrors.some((d) => d.code === "EMIT_UNKNOWN_TARGET")) {
    return fail("IMPLEMENT_NO_CONTRACTS", `no ${adapter.emitterTarget} contracts to implement against (${emitErrors.map((d) => d.message).join("; ") || "the emitter produced no files"})`);
  }
  const testFramework = options.testFramework ?? builtinTestFramework(adapter.lang);
  if (!(TEST_FRAMEWORKS[adapter.lang] as readonly string[]).includes(testFramework)) {
    return fail("IMPLEMENT_UNKNOWN_TEST_FRAMEWORK", `penult writes ${adapter.lang} tests for ${TEST_FRAMEWORKS[adapter.lang].join(", ")}, not "${testFramework}"`);
  }
  const cases = collectTestCases({ model, target, statements: options.statements });
  const source = layerTemplateSources(options.templates, builtinTemplateSource);
  let files;
  try {
    files = adapter.build({
      target,
      contracts: emitted.files,
      cases,
      templates: createTemplateRenderer({ target: `implement/${adapter.lang}`, source }),
      sourceDir: options.config?.implement?.source ?? "src",
      testDir: options.config?.implement?.test ?? "test",
      contractsDir: options.config?.output ?? "contracts",
      testFramework,
      report: (d) => diagnostics.push(d),
    });
  } catch (err) {
    return fail("IMPLEMENT_FAILED", `scaffold for ${target.iface.id} in ${adapter.lang} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const exists = options.existing;
  const isExisting = (p: string) => (typeof exists === "function" ? exists(p) : (exists?.has(p) ?? false));
  return {
    files: files
      .map((f) => ({ path: f.path, content: normalizeFileContent(f.content), isNew: !isExisting(f.path) }))
      .sort((a, b) => cmp(a.path, b.path)),
    diagnostics: sortDiagnostics(diagnostics),
    testFramework,
  };
}
