import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CompileResult } from "../compile.js";
import { DEFAULT_CONFIG, type PenultConfig } from "../config/types.js";
import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { EMITTERS, emitContracts, findEmitter, type EmitSelection, type TemplateSource } from "../emitters/index.js";
import { canonicalizeModel, indexModel } from "../emitters/model-index.js";
import { extractStatementFacts } from "../extract/extract-facts.js";
import type { Facts } from "../extract/types.js";
import { buildModel } from "../model/build-model.js";
import { serializeModel } from "../model/serialize-model.js";
import type { Model } from "../model/types.js";
import { parseStatements } from "../statements/parse-statements.js";
import type { SourceFile, Statement } from "../statements/types.js";
import { hashContent, normalizeContent, type OutputFile } from "../write-output.js";
import type { CompileCache } from "../cache/compile-cache.js";
import { sliceModel } from "./model-slices.js";

export interface CompileWithCacheOptions {
  files: readonly SourceFile[];
  config?: Partial<PenultConfig>;
  cache: CompileCache;
  /** Working tree the outputs are written under: a kept render counts only while its files are there, unchanged. */
  root: string;
  /** Template overrides; renders are kept only when the source names its content (`key`). */
  templates?: TemplateSource;
  /** The previous model, pinning operation names (docs/model.md "Stable names"); the model is rebuilt every run, so no cache key changes. */
  lock?: Model;
}

/** What a run reused and what it computed. */
export interface CompileStats {
  files: number;
  filesParsed: number;
  statements: number;
  statementsExtracted: number;
  /** (target, subsystem) renders, and how many were rendered in this run (the rest were on disk already). */
  renders: number;
  rendered: number;
  /**
   * Milliseconds per stage of this run (statements read, facts, model, emit with hashing): where
   * an edit's time goes. Timing only: nothing generated depends on it.
   */
  ms: { statements: number; facts: number; model: number; emit: number };
}

export interface CompileWithCacheResult {
  compiled: CompileResult;
  /** model.json and the contracts, repository-relative, each with its hash; a kept file's text is read from disk on use. */
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  stats: CompileStats;
}

/**
 * `compile` + `emitContracts` (what compileTree does offline), reusing what earlier runs computed:
 * file reads by content, facts by statement, and the rendered files of every model slice whose
 * hash is unchanged (see sliceModel). The model itself is rebuilt from the facts every run (model
 * building is a pure function of statements, facts and config). The result is the one a cold run
 * gives, byte for byte; test/cache/compile-with-cache.test.ts checks it over random edit sequences.
 */
export function compileWithCache(options: CompileWithCacheOptions): CompileWithCacheResult {
  const { cache, root } = options;
  const config: PenultConfig = { ...DEFAULT_CONFIG, ...options.config };
  let filesParsed = 0;
  const reads = {
    get: cache.reads.get,
    set: (key: string, record: Parameters<typeof cache.reads.set>[1]) => {
      filesParsed++;
      cache.reads.set(key, record);
    },
  };
  const t0 = performance.now();
  const parsed = parseStatements(options.files, { cache: reads });
  const t1 = performance.now();
  const { facts, extracted } = extractWithCache(parsed.statements, cache);
  const t2 = performance.now();
  const built = buildModel({ statements: parsed.statements, facts, config, ...(options.lock ? { lock: options.lock } : {}) });
  const t3 = performance.now();
  const compiled: CompileResult = {
    statements: parsed.statements,
    facts,
    model: built.model,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...built.diagnostics]),
  };

  const modelText = serializeModel(compiled.model);
  const outputs: OutputFile[] = [withHash({ path: joinPath(config.output, "model.json"), content: modelText })];
  const emitted = emitWithCache({ compiled, config, cache, root, modelText, ...(options.templates ? { templates: options.templates } : {}) });
  outputs.push(...emitted.files);
  const ms = { statements: t1 - t0, facts: t2 - t1, model: t3 - t2, emit: performance.now() - t3 };
  return {
    compiled,
    outputs,
    diagnostics: sortDiagnostics([...compiled.diagnostics, ...emitted.diagnostics]),
    stats: { files: options.files.length, filesParsed, statements: parsed.statements.length, statementsExtracted: extracted, renders: emitted.renders, rendered: emitted.rendered, ms },
  };
}

/**
 * The key facts are kept under: everything about the statement but its position (an edit above it
 * moves it without changing what it says).
 */
export function statementKey(s: Statement): string {
  const { span: _span, ...rest } = s;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

function extractWithCache(statements: readonly Statement[], cache: CompileCache): { facts: Facts[]; extracted: number } {
  const facts: Facts[] = [];
  let extracted = 0;
  // Statements come sorted by file: one facts entry per file.
  for (let i = 0; i < statements.length; ) {
    const file = statements[i]!.file;
    const entries: [string, Facts][] = [];
    for (; i < statements.length && statements[i]!.file === file; i++) {
      const s = statements[i]!;
      const key = statementKey(s);
      let f = cache.getFacts(key);
      if (!f) {
        f = extractStatementFacts(s);
        extracted++;
      }
      facts.push(f);
      entries.push([key, f]);
    }
    cache.putFacts(file, createHash("sha256").update(entries.map(([k]) => k).join("\n")).digest("hex"), entries);
  }
  return { facts, extracted };
}

function emitWithCache(options: {
  compiled: CompileResult;
  config: PenultConfig;
  cache: CompileCache;
  root: string;
  modelText: string;
  templates?: TemplateSource;
}): { files: OutputFile[]; diagnostics: Diagnostic[]; renders: number; rendered: number } {
  const { compiled, config, cache, root } = options;
  const emitAll = () => emitContracts({ model: compiled.model, targets: config.targets, outputDir: config.output, ...(options.templates ? { templates: options.templates } : {}) });
  const toOutput = (f: { path: string; content: string }): OutputFile => withHash({ path: joinPath(config.output, f.path), content: f.content });
  const known = new Set(EMITTERS.map((e) => e.name));
  const targets = [...new Set(config.targets)].sort(cmp);
  // Template overrides without a content key, or an unknown target (an error every run): render everything.
  if ((options.templates && options.templates.key === undefined) || targets.some((t) => !known.has(t))) {
    const all = emitAll();
    return { files: all.files.map(toOutput), diagnostics: all.diagnostics, renders: 0, rendered: 0 };
  }

  const model = canonicalizeModel(compiled.model);
  const index = indexModel(model);
  const slices = sliceModel({ model, index, modelText: options.modelText });
  const prefix = hashText([options.templates?.key ?? "", config.output].join("\0"));
  const keyOf = (target: string, slice: string) => hashText(`${prefix}\0${target}\0${slice}`);
  const WHOLE = "\0whole";
  const files: OutputFile[] = [];
  const wanted: { target: string; subsystem: string; key: string }[] = [];
  const select: Record<string, EmitSelection> = {};
  for (const target of targets) {
    const bySubsystem = findEmitter(target)?.slices === "connected" ? slices.connected : slices.subsystems;
    for (const [subsystem, slice] of [...bySubsystem, [WHOLE, slices.whole] as const]) {
      const key = keyOf(target, subsystem === WHOLE ? `whole\0${slice}` : slice);
      const kept = cache.getRendered(key, root);
      if (kept) {
        for (const [path, hash] of kept) files.push(keptFile(root, path, hash));
        continue;
      }
      wanted.push({ target, subsystem, key });
      const sel = (select[target] ??= { subsystems: new Set<string>(), wholeModel: false });
      if (subsystem === WHOLE) sel.wholeModel = true;
      else (sel.subsystems as Set<string>).add(subsystem);
    }
  }
  const renders = targets.length * (slices.subsystems.size + 1);
  if (wanted.length === 0) return { files: sortFiles(files), diagnostics: [], renders, rendered: 0 };

  const fresh = emitContracts({ model, canonical: true, targets: Object.keys(select), outputDir: config.output, select, ...(options.templates ? { templates: options.templates } : {}) });
  if (fresh.diagnostics.length > 0) {
    // Diagnostics cannot be told apart per subsystem: render everything, keep nothing, so the
    // result (files and diagnostics) is exactly a cold run's.
    const all = emitAll();
    return { files: all.files.map(toOutput), diagnostics: all.diagnostics, renders, rendered: renders };
  }
  const byRender = new Map<string, [string, string][]>();
  for (const f of fresh.files) {
    const out = toOutput(f);
    const id = `${f.path.slice(0, f.path.indexOf("/"))}\0${f.subsystem ?? WHOLE}`;
    let list = byRender.get(id);
    if (!list) byRender.set(id, (list = []));
    list.push([out.path, out.hash!]);
    files.push(out);
  }
  for (const w of wanted) cache.putRendered(w.key, byRender.get(`${w.target}\0${w.subsystem}`) ?? []);
  return { files: sortFiles(files), diagnostics: [], renders, rendered: wanted.length };
}

/** A file kept from an earlier run: its hash is known; its text is the file on disk, read only if asked for. */
function keptFile(root: string, path: string, hash: string): OutputFile {
  let content: string | undefined;
  return Object.defineProperty({ path, hash } as OutputFile, "content", {
    enumerable: true,
    get: () => (content ??= readFileSync(join(root, path), "utf8")),
  });
}

/** The file as the writer writes it (normalised), with its hash. */
function withHash(f: { path: string; content: string }): OutputFile {
  const content = normalizeContent(f.content);
  return { path: f.path, content, hash: hashContent(content) };
}

function sortFiles(files: OutputFile[]): OutputFile[] {
  return files.sort((a, b) => cmp(a.path, b.path));
}

function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function joinPath(dir: string, path: string): string {
  return dir === "." || dir === "" ? path : `${dir}/${path}`;
}
