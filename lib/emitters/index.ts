import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { Model } from "../model/types.js";
import { canonicalizeModel, indexModel } from "./model-index.js";
import type { JobLimits } from "../limits/job-limits.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import { isWindowsReserved } from "./identifiers.js";
import { builtinTemplateSource, createRenderMeter, createTemplateRenderer, layerTemplateSources, normalizeFileContent } from "./templates.js";
import type { EmitSelection } from "./emit-selection.js";
import type { Emitter, OutputFile, TemplateSource } from "./types.js";
import { csharpEmitter } from "./csharp.js";
import { jsonschemaEmitter } from "./jsonschema.js";
import { goEmitter } from "./go.js";
import { javaEmitter } from "./java.js";
import { markdownEmitter } from "./markdown.js";
import { mermaidEmitter } from "./mermaid.js";
import { pythonEmitter } from "./python.js";
import { rustEmitter } from "./rust.js";
import { typescriptEmitter } from "./typescript.js";

export type { Emitter, EmitContext, OutputFile, TemplateSource } from "./types.js";
export type { EmitSelection } from "./emit-selection.js";

/**
 * Every contract target, alphabetical by name (a test checks the order). Adding a target = one
 * module exporting an {@link Emitter} + one line here + templates/<name>/ + a compile helper.
 */
export const EMITTERS: readonly Emitter[] = [
  csharpEmitter,
  goEmitter,
  javaEmitter,
  jsonschemaEmitter,
  markdownEmitter,
  mermaidEmitter,
  pythonEmitter,
  rustEmitter,
  typescriptEmitter,
];

/** Options of {@link emitContracts}. */
export interface EmitContractsOptions {
  model: Model;
  /** Target names; default: every registered target. Unknown names give an error diagnostic. */
  targets?: readonly string[];
  /** Template overrides (e.g. `.penult/templates/`); built-ins fill the gaps. */
  templates?: TemplateSource;
  /** Repository-relative output folder, used for links back to statements. Default `contracts`. */
  outputDir?: string;
  /** Per target, render only these files (the compile cache has the others); a target not listed renders every file. */
  select?: Readonly<Record<string, EmitSelection>>;
  /** The model is already canonical (canonicalizeModel's result): it is not sorted again. */
  canonical?: boolean;
  /** What the templates may cost together (default: lib/limits defaults). */
  limits?: Partial<Pick<JobLimits, "renderedChars" | "partialDepth">>;
}

export interface EmitContractsResult {
  /** Sorted by path; paths relative to the output folder. Files that render one subsystem say which. */
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

/** The emitter registered under `name`. */
export function findEmitter(name: string): Emitter | undefined {
  return EMITTERS.find((e) => e.name === name);
}

/**
 * Model -> contract files for the chosen targets. Pure: no file system (beyond penult's own
 * built-in templates), clock or environment; the same model gives the same bytes in any array order.
 * An emitter that throws (e.g. on a broken template override) costs its own target only; templates
 * over their limits (render size, partial depth) throw a LimitExceededError for the whole call.
 */
export function emitContracts(options: EmitContractsOptions): EmitContractsResult {
  const model = options.canonical ? options.model : canonicalizeModel(options.model);
  const index = indexModel(model);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (d: Diagnostic): void => {
    const key = `${d.code}\u0000${d.message}\u0000${d.statement ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(d);
  };
  const source = layerTemplateSources(options.templates, builtinTemplateSource);
  // The render budget guards against a repository's template overrides (a partial bomb). Penult's own
  // templates render in proportion to the model, which the content limits bound already: without
  // overrides a large model (10k statements render ~85 MB) is never cut off.
  const meter = createRenderMeter(options.templates ? options.limits : { ...options.limits, renderedChars: Number.POSITIVE_INFINITY });
  const names = [...new Set(options.targets ?? EMITTERS.map((e) => e.name))].sort(cmp);
  const files: OutputFile[] = [];
  const paths = new Set<string>();
  for (const name of names) {
    const emitter = findEmitter(name);
    if (!emitter) {
      report({
        code: "EMIT_UNKNOWN_TARGET",
        severity: "error",
        message: `unknown target "${name}"; known targets: ${EMITTERS.map((e) => e.name).join(", ")}`,
      });
      continue;
    }
    let out: OutputFile[];
    try {
      out = emitter.emit({
        model,
        index,
        templates: createTemplateRenderer({ target: name, source, meter }),
        templatesFor: (target) => createTemplateRenderer({ target, source, meter }),
        outputDir: options.outputDir ?? "contracts",
        report,
        ...(options.select?.[name] ? { select: options.select[name] } : {}),
      });
    } catch (err) {
      // Over budget stops the whole job: emitting the other targets would publish a partial set.
      if (err instanceof LimitExceededError) throw err;
      report({
        code: "EMIT_TARGET_FAILED",
        severity: "error",
        message: `target ${name} failed: ${err instanceof Error ? err.message : String(err)}`,
      });
      continue;
    }
    for (const f of out) {
      // Windows device names are checked here too: an emitter that forgot to block one is a bug to report, not a broken checkout.
      const bad =
        !f.path.startsWith(`${name}/`) ||
        f.path.split("/").some((s) => s === "" || s === "." || s === ".." || isWindowsReserved(s)) ||
        f.path.includes("\\");
      if (bad || paths.has(f.path)) {
        report({
          code: "EMIT_BAD_PATH",
          severity: "error",
          message: `target ${name} produced ${bad ? "an invalid" : "a duplicate"} path ${JSON.stringify(f.path)}; file dropped`,
        });
        continue;
      }
      paths.add(f.path);
      files.push({ path: f.path, content: normalizeFileContent(f.content), ...(f.subsystem !== undefined ? { subsystem: f.subsystem } : {}) });
    }
  }
  files.sort((a, b) => cmp(a.path, b.path));
  return { files, diagnostics: sortDiagnostics(diagnostics) };
}
