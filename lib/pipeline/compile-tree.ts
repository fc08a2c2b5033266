import type { CompileCache } from "../cache/compile-cache.js";
import { compileWithCache, type CompileStats } from "./compile-with-cache.js";
import { compile, type CompileResult } from "../compile.js";
import type { ResolvedConfig } from "../config/load-config.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { emitContracts } from "../emitters/index.js";
import type { TemplateSource } from "../emitters/types.js";
import type { Facts } from "../extract/types.js";
import { readTextFiles } from "../git/plan-output-on-tree.js";
import { readSourceFiles } from "../git/read-source-files.js";
import type { TreeReader } from "../git/tree-reader.js";
import { compileWithLlm } from "../llm/compile-with-llm.js";
import type { AskModel, LlmStats } from "../llm/enrich-facts.js";
import type { JobLimits } from "../limits/job-limits.js";
import { llmCachePath } from "../llm/llm-from-env.js";
import { parseModelJson, serializeModel } from "../model/serialize-model.js";
import type { Model } from "../model/types.js";
import type { SourceFile, Statement } from "../statements/types.js";
import type { OutputFile } from "../write-output.js";
import { loadTemplateOverrides } from "./load-template-overrides.js";
import { modelPath, outputPath } from "./output-paths.js";

/** The optional LLM engine of one compile (used only when the config has `llm:`). */
export interface PipelineLlm {
  /** Sends one statement to the model; absent: only answers already in the cache are used, never a request. */
  ask?: AskModel;
  /**
   * More cached answers, appended to the tree's cache file (the App adds the cache of the open
   * contracts branch, not merged yet); with `files` instead of `tree`, the whole cache.
   */
  cacheText?: string;
}

export interface CompileTreeOptions {
  /** The tree to compile: its statement files, template overrides and LLM answer cache are read from it. */
  tree?: TreeReader;
  /** Or statement files already read (repository-relative paths); then templates and cache come only from these options. */
  files?: readonly SourceFile[];
  config: ResolvedConfig;
  /** Template overrides; default: the tree's `config.templates` folder. */
  templates?: TemplateSource;
  llm?: PipelineLlm;
  /** Emit model.json and the contracts (default true); false when only the model is needed (explain, implement). */
  emit?: boolean;
  /**
   * Keep operation names of the tree's previous `<output>/model.json` across rewordings (default
   * true; docs/model.md "Stable names"). `penult generate --refresh-names` passes false.
   */
  lock?: boolean;
  /**
   * The compile cache, with the working tree the files are written under: reads, facts and
   * rendered files of earlier runs are reused (see lib/cache/compile-with-cache.ts). The result is
   * the same; only the offline compile uses it (LLM runs compile in full).
   */
  cache?: { cache: CompileCache; root: string };
  /** Limits on template overrides and what they render (default: lib/limits defaults). */
  limits?: Partial<JobLimits>;
}

/** One tree, compiled: what every front end (CLI, App, Action) and the impact report work from. */
export interface CompiledTree {
  config: ResolvedConfig;
  /** The statement files read, in path order. */
  sources: SourceFile[];
  statements: Statement[];
  facts: Facts[];
  model: Model;
  /**
   * Every generated file, repository-relative (under `config.output`), ready for lib/write-output.ts:
   * `model.json`, the contracts of the configured targets, and the LLM answer cache when there is one.
   * Empty when `emit` is false.
   */
  files: OutputFile[];
  /** Problems in the content, sorted: statements, model, LLM answers, templates and emitters. */
  diagnostics: Diagnostic[];
  /** Problems reading the tree, sorted: no statement file matched, binary files left out. */
  readDiagnostics: Diagnostic[];
  /** Requests, tokens, cache hits and fallbacks, when the LLM engine ran. */
  llm?: { model: string; stats: LlmStats };
  /** What the compile cache saved, when one was given and used. */
  cacheStats?: CompileStats;
  /** The tree's committed `model.json` (this version), read once as the name lock; reused by the impact report. */
  lock?: Model;
}

/**
 * The one pipeline: a tree (or its statement files) -> statements -> facts -> model -> generated
 * files, with every diagnostic. The CLI, the GitHub App and the Action all call this, so a
 * repository compiles to the same bytes whoever runs it; nothing else reads statements for them.
 *
 * With `config.llm` the LLM engine refines the facts: with `llm.ask` it asks about statements not
 * in the answer cache; without it, cached answers are still used (so a machine without the key
 * reproduces committed bytes) and the rest stays offline. A cache file the tree holds is always
 * carried into `files`, even when the LLM is off, so no run throws away answers someone paid for.
 */
export async function compileTree(options: CompileTreeOptions): Promise<CompiledTree> {
  const { config, tree } = options;
  if (!tree && !options.files) throw new TypeError("compileTree needs a tree or files");
  const read = tree && !options.files ? await readSourceFiles({ reader: tree, globs: config.statements }) : { files: [...(options.files ?? [])], diagnostics: [] };
  const limits = options.limits ?? {};
  const templates = options.templates ?? (tree ? await loadTemplateOverrides({ reader: tree, folder: config.templates, limits }) : undefined);

  const cachePath = llmCachePath(config);
  const treeCache = tree ? (await readTextFiles(tree, [cachePath])).get(cachePath) : undefined;
  const cacheText = treeCache === undefined && options.llm?.cacheText === undefined ? undefined : [treeCache, options.llm?.cacheText].filter((t) => t !== undefined).join("\n");

  // The previous model pins names (a lockfile): only a model.json of this version is read.
  const lock = tree && options.lock !== false ? await readLock(tree, modelPath(config)) : undefined;
  let compiled: CompileResult;
  let llm: CompiledTree["llm"];
  let cacheFile: OutputFile | undefined;
  if (config.llm && (options.llm?.ask || cacheText !== undefined)) {
    const result = await compileWithLlm({
      files: read.files,
      config,
      ...(lock ? { lock } : {}),
      model: config.llm.model,
      ask: options.llm?.ask ?? askNothing,
      ...(cacheText !== undefined ? { cacheText } : {}),
      ...(config.llm.concurrency ? { concurrency: config.llm.concurrency } : {}),
    });
    compiled = result;
    llm = { model: config.llm.model, stats: result.llm.stats };
    // No answer at all (endpoint down) and no cache yet: no empty file.
    if (result.llm.cacheText !== "" || treeCache !== undefined) cacheFile = { path: cachePath, content: result.llm.cacheText };
  } else if (options.cache && options.emit !== false) {
    const cached = compileWithCache({ files: read.files, config, cache: options.cache.cache, root: options.cache.root, ...(templates ? { templates } : {}), ...(lock ? { lock } : {}) });
    const files = [...cached.outputs, ...(treeCache !== undefined ? [{ path: cachePath, content: treeCache }] : [])];
    return {
      config,
      sources: read.files,
      statements: cached.compiled.statements,
      facts: cached.compiled.facts,
      model: cached.compiled.model,
      files,
      diagnostics: cached.diagnostics,
      readDiagnostics: sortDiagnostics(read.diagnostics),
      cacheStats: cached.stats,
      ...(lock ? { lock } : {}),
    };
  } else {
    compiled = compile({ files: read.files, config, ...(lock ? { lock } : {}) });
    if (treeCache !== undefined) cacheFile = { path: cachePath, content: treeCache };
  }

  const files: OutputFile[] = [];
  const diagnostics = [...compiled.diagnostics];
  if (options.emit !== false) {
    files.push({ path: modelPath(config), content: serializeModel(compiled.model) });
    const emitted = emitContracts({ model: compiled.model, targets: config.targets, outputDir: config.output, limits, ...(templates ? { templates } : {}) });
    for (const f of emitted.files) files.push({ path: outputPath(config, f.path), content: f.content });
    diagnostics.push(...emitted.diagnostics);
    if (cacheFile) files.push(cacheFile);
  }
  return {
    config,
    sources: read.files,
    statements: compiled.statements,
    facts: compiled.facts,
    model: compiled.model,
    files,
    diagnostics: sortDiagnostics(diagnostics),
    readDiagnostics: sortDiagnostics(read.diagnostics),
    ...(llm ? { llm } : {}),
    ...(lock ? { lock } : {}),
  };
}

async function askNothing(): Promise<never> {
  throw new Error("not in the answer cache, and no LLM endpoint is configured");
}

/** The tree's previous model.json when it is a model of this version; anything else is no lock. */
async function readLock(tree: TreeReader, path: string): Promise<Model | undefined> {
  return parseModelJson((await readTextFiles(tree, [path])).get(path));
}
