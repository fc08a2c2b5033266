import { watch, type FSWatcher } from "node:fs";
import { join, relative } from "node:path";
import picomatch from "picomatch";
import type { CompileCache } from "../cache/compile-cache.js";
import { CONFIG_PATH } from "../config/load-config.js";
import { diffModels } from "../diff/diff-model.js";
import type { LlmEnv } from "../llm/llm-from-env.js";
import type { Model } from "../model/types.js";
import { generateProject, openProjectCache, type GenerateProjectResult } from "./generate-project.js";
import { requireConfig } from "./project.js";

/** One regeneration of `penult watch`. */
export interface WatchRun {
  /** Repository-relative paths whose change started it (empty for the first run). */
  changed: string[];
  result?: GenerateProjectResult;
  /** Set when the run failed (a broken config): watching goes on. */
  error?: Error;
  /** Model elements added, changed and removed since the previous run. */
  elements: { added: number; changed: number; removed: number };
  /** From the first change seen to the files written. */
  ms: number;
  /** The one line printed for it. */
  line: string;
}

export interface WatchProjectOptions {
  root: string;
  env: LlmEnv;
  /** Stops watching; the promise resolves once the current run has finished. */
  signal: AbortSignal;
  /** Called with each run's line (and its details). */
  onRun: (run: WatchRun) => void;
  /** Quiet time after the last change before regenerating (editors save in several steps). Default 15 ms. */
  debounceMs?: number;
}

/**
 * `penult watch`: generates once, then regenerates whenever a statement file, the config or a
 * template override changes, reusing one compile cache held open in memory, and reports each run
 * in one line: what changed, how many model elements and files, and how long from the change to
 * the files written. Runs never overlap; changes during a run start the next one.
 */
export async function watchProject(options: WatchProjectOptions): Promise<void> {
  const { root, signal } = options;
  const cache: CompileCache = openProjectCache(root);
  let previous: Model | undefined;
  let pending = new Set<string>();
  let firstChangeAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let watchers: FSWatcher[] = [];
  let relevant: (path: string) => boolean = () => false;

  const rewatch = (): void => {
    for (const w of watchers) w.close();
    watchers = [];
    let config;
    try {
      config = requireConfig(root);
    } catch {
      // A broken config: watch where the defaults would look, and the config itself.
      config = undefined;
    }
    const statementGlobs = config?.statements ?? ["statements/**/*.md"];
    const templates = (config?.templates ?? ".penult/templates").replace(/\/+$/, "");
    const output = (config?.output ?? "contracts").replace(/\/+$/, "");
    const isStatement = picomatch(statementGlobs, { dot: true });
    relevant = (p) =>
      p === CONFIG_PATH || p === ".github/penult.yaml" || p.startsWith(`${templates}/`) || (isStatement(p) && !(output !== "." && p.startsWith(`${output}/`)));
    const dirs = new Set<string>([".github", templates, ...statementGlobs.map((g) => picomatch.scan(g).base || ".")]);
    for (const dir of [...dirs].sort()) {
      try {
        watchers.push(
          watch(join(root, dir), { recursive: true }, (_event, name) => {
            if (name === null) return;
            const path = relative(root, join(root, dir, name.toString())).split("\\").join("/");
            if (relevant(path)) changed(path);
          }),
        );
      } catch {
        // A folder that does not exist (yet): its files are picked up by the next full run.
      }
    }
  };

  const changed = (path: string): void => {
    if (pending.size === 0) firstChangeAt = performance.now();
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => void kick(), options.debounceMs ?? 15);
  };

  const kick = async (): Promise<void> => {
    if (running || signal.aborted) return;
    const paths = [...pending].sort();
    const started = paths.length ? firstChangeAt : performance.now();
    pending = new Set();
    running = runOnce(paths, started);
    await running;
    running = undefined;
    if (pending.size > 0 && !signal.aborted) void kick();
  };

  const runOnce = async (paths: string[], started: number): Promise<void> => {
    let result: GenerateProjectResult | undefined;
    let error: Error | undefined;
    try {
      result = await generateProject({ root, env: options.env, cache });
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    }
    const ms = performance.now() - started;
    const elements = { added: 0, changed: 0, removed: 0 };
    if (result) {
      const current = result.compiled.model;
      if (previous) for (const c of diffModels({ previous, current }).changes) elements[c.change === "added" ? "added" : c.change === "removed" ? "removed" : "changed"]++;
      previous = current;
    }
    if (paths.some((p) => p === CONFIG_PATH || p === ".github/penult.yaml")) rewatch();
    options.onRun({ changed: paths, ...(result ? { result } : {}), ...(error ? { error } : {}), elements, ms, line: formatRun(paths, result, error, elements, ms) });
  };

  rewatch();
  await kick();
  await new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
}

function formatRun(paths: string[], r: GenerateProjectResult | undefined, error: Error | undefined, elements: WatchRun["elements"], ms: number): string {
  const what = paths.length === 0 ? "generated" : paths.length === 1 ? `${paths[0]} changed` : `${paths.length} files changed (${paths.slice(0, 3).join(", ")}${paths.length > 3 ? ", ..." : ""})`;
  if (!r) return `${what}: ${error?.message ?? "failed"}`;
  const w = r.written;
  const manifest = /(^|\/)\.penult-manifest\.json$/;
  const count = (xs: readonly string[]) => xs.filter((p) => !manifest.test(p)).length;
  const files = `${count(w.created) + count(w.updated) + count(w.removed)} files written (${count(w.created)} created, ${count(w.updated)} updated, ${count(w.removed)} removed)`;
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  const elementText = paths.length === 0 ? `${r.compiled.statements.length} statements` : `${elements.added + elements.changed + elements.removed} elements (+${elements.added} ~${elements.changed} -${elements.removed})`;
  return `${what}: ${elementText}, ${files} in ${Math.round(ms)} ms${errors ? `; ${errors} error${errors === 1 ? "" : "s"}` : ""}`;
}
