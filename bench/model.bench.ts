/**
 * Model quality and speed (issue 3), on real text nobody here wrote:
 * - spec-kit: entities of each feature's data-model.md found by compiling the feature's spec (not the data model);
 * - the seed conversation: does the model name the four parts it describes;
 * - Dalpiaz user stories: share of stories that yield an actor and an operation in the model;
 * - cold compile of 1k and 10k statements in a fresh process: wall time, peak RSS and heap.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../lib/compile.js";
import { formatModelTree } from "../lib/model/format-model-tree.js";
import { splitWords, singularWord } from "../lib/model/naming.js";
import type { Model } from "../lib/model/types.js";
import { walkModel } from "../lib/model/walk-model.js";
import type { SourceFile } from "../lib/statements/types.js";
import { repoRoot, seedConversationPath } from "./corpus-path.js";
import type { BenchTable } from "./table.js";

const corpora = join(repoRoot(), "test", "corpora");

function need(path: string): string {
  if (!existsSync(path)) throw new Error(`model bench: ${path} is missing (see test/corpora/README.md)`);
  return path;
}

// ---------------------------------------------------------------------------------------------
// Gold entities of a spec-kit data-model.md

/**
 * Words of a name, singular, without trailing words that name a view or storage of the thing, in
 * sorted order: case, plural, snake_case and the word order of join tables (`event_teachers` =
 * `TeacherEvent`) do not matter.
 */
export function normalizeEntityName(name: string): string {
  const words = splitWords(name).map(singularWord);
  while (words.length > 1 && ["entry", "record", "table", "row", "data", "detail", "info"].includes(words[words.length - 1]!)) words.pop();
  return words.sort().join(" ");
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** "1. user_profiles", "ALTER: user_profiles — Add x", "follows (Spec 002)", "ExplorerFilterState" -> the entity name. */
function nameFromHeading(heading: string): string | undefined {
  let h = heading.replace(/`/g, "").trim();
  h = h.replace(/^\d+[.)]\s*/, "").replace(/^(?:ALTER|MODIFY|NEW|CREATE|EXTEND(?:ED)?)\s*:\s*/i, "");
  h = h.split(/\s+[—–-]\s+|\s*\(/)[0]!.trim();
  if (IDENT.test(h)) return h;
  const words = h.split(/\s+/);
  // Several words only when written as a title ("Auth Session"), not as a sentence ("Existing deletion steps").
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^[A-Z][\w-]*$/.test(w))) return h;
  return undefined;
}

/**
 * The entities a data-model.md defines or names as entities: SQL tables (CREATE/ALTER TABLE,
 * INSERT INTO), TypeScript interfaces/types in code blocks, level-3 headings under a level-2
 * section about entities, tables or types, values of a "Table" or "Entity" column, and tables
 * named in prose ("inserted into `users`"). Returns normalised name -> name as written.
 */
export function readGoldEntities(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (name: string | undefined) => {
    if (!name) return;
    const key = normalizeEntityName(name);
    if (key && !out.has(key)) out.set(key, name);
  };
  const lines = markdown.split(/\r?\n/);
  let fence: string | undefined;
  let section = "";
  let tableColumn = -1;
  for (const line of lines) {
    const fenceMatch = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (fenceMatch) {
      fence = fence === undefined ? (fenceMatch[2] || "text").toLowerCase() : undefined;
      continue;
    }
    if (fence !== undefined) {
      if (fence === "sql" || fence === "text") {
        for (const m of line.matchAll(/\b(?:CREATE\s+TABLE(?:\s+IF\s+NOT\s+EXISTS)?|ALTER\s+TABLE|INSERT\s+INTO)\s+([A-Za-z_][\w]*)/gi)) add(m[1]);
      }
      if (fence === "typescript" || fence === "ts") {
        for (const m of line.matchAll(/^\s*(?:export\s+)?(?:interface|type)\s+([A-Z][A-Za-z0-9]*)\b/g)) add(m[1]);
      }
      continue;
    }
    const h2 = /^##\s+(.+)$/.exec(line);
    if (h2) {
      section = h2[1]!;
      tableColumn = -1;
      continue;
    }
    const h3 = /^###\s+(.+)$/.exec(line);
    if (h3 && /entit|\btables?\b|\btypes?\b|schema changes/i.test(section) && !/relationship|diagram|overview/i.test(section)) {
      add(nameFromHeading(h3[1]!));
      continue;
    }
    for (const m of line.matchAll(/\b(?:CREATE\s+TABLE|ALTER\s+TABLE|INSERT\s+INTO)\s+`?([A-Za-z_][\w]*)`?/g)) add(m[1]);
    for (const m of line.matchAll(/\b(?:inserted\s+into|into\s+existing|the\s+existing)\s+`([a-z_][a-z0-9_]*)`/gi)) add(m[1]);
    // Markdown tables: remember a "Table"/"Entity" column and read its cells.
    if (/^\s*\|/.test(line)) {
      const cells = line.split("|").slice(1, -1).map((c) => c.trim());
      const header = cells.findIndex((c) => /^(?:table|entity)$/i.test(c));
      if (header !== -1) {
        tableColumn = header;
        continue;
      }
      if (tableColumn >= 0 && !/^[-:\s]+$/.test(cells.join(""))) {
        const cell = (cells[tableColumn] ?? "").replace(/\*|`/g, "").split(/\s*\(|\//)[0]!.trim();
        if (IDENT.test(cell) || /^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?$/.test(cell)) add(cell);
      }
    } else tableColumn = -1;
  }
  return out;
}

function modelEntities(model: Model): string[] {
  const names: string[] = [];
  walkModel(model, { entity: (e) => void names.push(e.name) });
  return names;
}

interface Feature {
  name: string;
  spec: string;
  dataModel: string;
}

function speckitFeatures(): Feature[] {
  const root = need(join(corpora, "speckit-specs", "microsoft_CommunityManagement-Sample-Spec-Kit"));
  const out: Feature[] = [];
  for (const d of readdirSync(root).sort()) {
    const dataModel = join(root, d, "data-model.md");
    if (!existsSync(dataModel)) continue;
    const spec = [join(root, d, "spec.md"), join(root, `${d}.md`)].find(existsSync);
    if (!spec) throw new Error(`model bench: no spec for ${d}`);
    out.push({ name: d, spec, dataModel });
  }
  return out;
}

/** Recall and precision of model entities against each feature's data model. */
export function measureSpeckit(): {
  rows: (string | number)[][];
  recall: number;
  precision: number;
  defining: { recall: number; precision: number; features: number };
  details: Map<string, { gold: string[]; model: string[] }>;
} {
  const rows: (string | number)[][] = [];
  let goldTotal = 0;
  let goldHit = 0;
  let modelTotal = 0;
  let modelHit = 0;
  const def = { goldTotal: 0, goldHit: 0, modelTotal: 0, modelHit: 0, features: 0 };
  const details = new Map<string, { gold: string[]; model: string[] }>();
  for (const f of speckitFeatures()) {
    const dataModelText = readFileSync(f.dataModel, "utf8");
    const gold = readGoldEntities(dataModelText);
    // A data model that says it introduces no new tables/entities only lists what other features define.
    const referenceOnly = /\bintroduces\s+(?:\*\*)?(?:no|zero)\s+new\b/i.test(dataModelText);
    const { model } = compile({ files: [{ path: `statements/${f.name}.md`, content: readFileSync(f.spec, "utf8") }] });
    const names = modelEntities(model);
    const modelKeys = new Set(names.map(normalizeEntityName));
    const found = [...gold.keys()].filter((k) => modelKeys.has(k));
    const real = names.filter((n) => gold.has(normalizeEntityName(n)));
    goldTotal += gold.size;
    goldHit += found.length;
    modelTotal += names.length;
    modelHit += real.length;
    details.set(f.name, { gold: [...gold.values()], model: names });
    if (!referenceOnly) {
      def.goldTotal += gold.size;
      def.goldHit += found.length;
      def.modelTotal += names.length;
      def.modelHit += real.length;
      def.features++;
    }
    const missed = [...gold.entries()].filter(([k]) => !modelKeys.has(k)).map(([, v]) => v);
    rows.push([
      f.name + (referenceOnly ? " (no new tables)" : ""),
      gold.size,
      names.length,
      gold.size ? found.length / gold.size : "n/a",
      names.length ? real.length / names.length : "n/a",
      missed.slice(0, 6).join(", ") + (missed.length > 6 ? ", ..." : ""),
    ]);
  }
  const recall = goldTotal ? goldHit / goldTotal : 0;
  const precision = modelTotal ? modelHit / modelTotal : 0;
  const defining = { recall: def.goldTotal ? def.goldHit / def.goldTotal : 0, precision: def.modelTotal ? def.modelHit / def.modelTotal : 0, features: def.features };
  rows.push([`TOTAL, ${def.features} features defining entities`, def.goldTotal, def.modelTotal, defining.recall, defining.precision, ""]);
  rows.push(["TOTAL, all features (micro)", goldTotal, modelTotal, recall, precision, ""]);
  return { rows, recall, precision, defining, details };
}

// ---------------------------------------------------------------------------------------------
// The seed conversation

/** The parts the conversation describes, as verb and noun stems. */
const SEED_PARTS: { part: string; verb: string; noun: string }[] = [
  { part: "parse intent from statements", verb: "pars", noun: "intent" },
  { part: "generate the architecture", verb: "generat", noun: "architect" },
  { part: "create abstractions", verb: "creat", noun: "abstract" },
  { part: "manifest the implementation", verb: "manifest", noun: "implement" },
];

/** Which seed parts the model names, as operations (verb + noun) or components/interfaces (noun + agent). */
export function findSeedParts(model: Model): { part: string; found: string[] }[] {
  const names: { kind: string; id: string; words: string[] }[] = [];
  walkModel(model, {
    component: (c) => void names.push({ kind: "component", id: c.id, words: splitWords(c.name) }),
    operation: (o) => void names.push({ kind: "operation", id: o.id, words: splitWords(o.name) }),
  });
  return SEED_PARTS.map(({ part, verb, noun }) => ({
    part,
    found: names
      .filter((n) => n.words.some((w) => w.startsWith(verb)) && n.words.some((w) => w.startsWith(noun)))
      .map((n) => `${n.kind} ${n.id.split("/").pop()}`)
      .sort(),
  }));
}

function compileSeed() {
  return compile({ files: [{ path: "statements/conversation.txt", content: readFileSync(seedConversationPath(), "utf8") }] });
}

// ---------------------------------------------------------------------------------------------
// Dalpiaz user stories

function dalpiazFiles(): SourceFile[] {
  const root = need(join(corpora, "dalpiaz-userstories"));
  return readdirSync(root)
    .filter((f) => /^g\d+.*\.txt$/.test(f))
    .sort()
    .map((f) => {
      const stories = readFileSync(join(root, f), "utf8")
        .split(/\r?\n/)
        .map((l) => l.replace(/^#G\d+#\s*/, "").trim())
        .filter((l) => l.length > 0);
      // One story per paragraph, as a backlog would be written in markdown.
      return { path: `statements/${basename(f, ".txt")}.md`, content: stories.join("\n\n") + "\n" };
    });
}

export function measureDalpiaz(): { rows: (string | number)[][]; share: number } {
  const rows: (string | number)[][] = [];
  let total = 0;
  let good = 0;
  for (const file of dalpiazFiles()) {
    const stories = String(file.content).split("\n\n").filter((s) => s.trim()).length;
    const { model, statements } = compile({ files: [file] });
    const withActor = new Set(model.actors.flatMap((a) => a.sources));
    const withOp = new Set<string>();
    walkModel(model, { operation: (o) => o.sources.forEach((s) => withOp.add(s)) });
    const storyIds = statements.filter((s) => s.kind === "user-story").map((s) => s.id);
    const ok = storyIds.filter((id) => withActor.has(id) && withOp.has(id)).length;
    total += stories;
    good += ok;
    rows.push([basename(file.path, ".md"), stories, storyIds.length, ok, stories ? ok / stories : 0]);
  }
  rows.push(["TOTAL", total, rows.reduce((n, r) => n + Number(r[2]), 0), good, total ? good / total : 0]);
  return { rows, share: total ? good / total : 0 };
}

// ---------------------------------------------------------------------------------------------
// Speed and memory: a fresh process compiles N statements built from the corpora.

/** Every markdown requirement file of the corpora, plus the Dalpiaz backlogs as markdown. */
function corpusFiles(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        walk(p, `${rel}/${name}`);
        continue;
      }
      if (/\.md$/i.test(name) && !/^(?:LICENSE|README)/i.test(name)) files.push({ path: `${rel}/${name}`, content: readFileSync(p, "utf8") });
    }
  };
  for (const c of ["speckit-specs", "openspec-specs", "ears-kiro"]) walk(need(join(corpora, c)), c);
  files.push(...dalpiazFiles().map((f) => ({ ...f, path: `dalpiaz/${basename(f.path)}` })));
  return files;
}

/** Corpus files that compile on their own, with their statement counts; a file that throws is left out and named. */
export function usableCorpusFiles(): { files: { file: SourceFile; statements: number }[]; excluded: string[] } {
  const files: { file: SourceFile; statements: number }[] = [];
  const excluded: string[] = [];
  for (const f of corpusFiles()) {
    try {
      files.push({ file: f, statements: compile({ files: [f] }).statements.length });
    } catch {
      excluded.push(f.path);
    }
  }
  return { files, excluded };
}

/** Which corpus files, in which copy, make up at least `target` statements: [copy, path][]. */
export function planStatementSet(usable: readonly { file: SourceFile; statements: number }[], target: number): [number, string][] {
  const plan: [number, string][] = [];
  let n = 0;
  for (let copy = 0; n < target; copy++) {
    for (const u of usable) {
      if (n >= target) break;
      plan.push([copy, u.file.path]);
      n += u.statements;
    }
  }
  return plan;
}

/** The files of a plan, each copy under its own folder. */
export function buildStatementSet(plan: readonly [number, string][]): SourceFile[] {
  const byPath = new Map(corpusFiles().map((f) => [f.path, f]));
  return plan.map(([copy, path]) => ({ path: `statements/copy-${String(copy).padStart(3, "0")}/${path}`, content: byPath.get(path)!.content }));
}

interface SpeedResult {
  statements: number;
  files: number;
  compileMs: number;
  parseExtractMs: number;
  modelMs: number;
  /** CPU time (user + system): less sensitive than wall time to other processes on a shared machine. */
  compileCpuMs: number;
  modelCpuMs: number;
  maxRssMb: number;
  heapMb: number;
}

/** Child mode: `PENULT_MODEL_BENCH_CHILD=1` compiles the planned files once and prints one JSON line. */
async function runChild(): Promise<void> {
  const files = buildStatementSet(JSON.parse(process.env.PENULT_MODEL_BENCH_PLAN ?? "[]") as [number, string][]);
  // Modules are loaded (this file imports them); the NLP model is not: it loads on the first statement, inside the timing.
  const { parseStatements } = await import("../lib/statements/parse-statements.js");
  const { extractFacts } = await import("../lib/extract/extract-facts.js");
  const { buildModel } = await import("../lib/model/build-model.js");
  const { DEFAULT_CONFIG } = await import("../lib/config/types.js");
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const parsed = parseStatements(files);
  const facts = extractFacts(parsed.statements);
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  buildModel({ statements: parsed.statements, facts, config: DEFAULT_CONFIG });
  const t3 = performance.now();
  const c3 = process.cpuUsage();
  const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
  const result: SpeedResult = {
    statements: parsed.statements.length,
    files: files.length,
    compileMs: t3 - t1,
    parseExtractMs: t2 - t1,
    modelMs: t3 - t2,
    compileCpuMs: cpuMs(c1, c3),
    modelCpuMs: cpuMs(c2, c3),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

function measureSpeed(plan: readonly [number, string][]): SpeedResult {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".js")) throw new Error("model bench: the speed table runs from the compiled bench (npm run bench)");
  const child = spawnSync(process.execPath, [self], {
    env: { ...process.env, PENULT_MODEL_BENCH_CHILD: "1", PENULT_MODEL_BENCH_PLAN: JSON.stringify(plan) },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`model bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as SpeedResult;
}

// ---------------------------------------------------------------------------------------------

export async function run(): Promise<BenchTable[]> {
  const tables: BenchTable[] = [];

  const sk = measureSpeckit();
  tables.push({
    title: "Model entities vs spec-kit data-model.md (compile spec only)",
    columns: ["feature", "gold", "model", "recall", "precision", "missed"],
    rows: sk.rows,
    note:
      `aim recall >= 0.9, precision >= 0.7. Features defining entities: recall ${sk.defining.recall.toFixed(3)} (${sk.defining.recall >= 0.9 ? "met" : "NOT met"}), precision ${sk.defining.precision.toFixed(3)} (${sk.defining.precision >= 0.7 ? "met" : "NOT met"}). ` +
      `All features: recall ${sk.recall.toFixed(3)}, precision ${sk.precision.toFixed(3)}. "no new tables": the data model says the feature introduces no new tables or entities; its gold lists what other features define.`,
  });

  const seed = compileSeed();
  const parts = findSeedParts(seed.model);
  tables.push({
    title: "Seed conversation: parts the model names",
    columns: ["part", "found as"],
    rows: parts.map((p) => [p.part, p.found.slice(0, 4).join("; ") || "MISSING"]),
    note: `${parts.filter((p) => p.found.length > 0).length}/4 parts named; ${seed.statements.length} statements. Outline at depth 2 (no members):\n\n\`\`\`\n${formatModelTree(seed.model, { depth: 2, members: false }).split("\n").slice(0, 40).join("\n")}\n\`\`\``,
  });

  const dz = measureDalpiaz();
  tables.push({
    title: "Dalpiaz user stories: actor and operation in the model",
    columns: ["backlog", "stories", "parsed as story", "actor+operation", "share"],
    rows: dz.rows,
    note: `share of stories that yield an actor and at least one operation: ${dz.share.toFixed(3)}`,
  });

  const usable = usableCorpusFiles();
  const perCopy = usable.files.reduce((n, u) => n + u.statements, 0);
  const speed = [1000, 10000].map((n) => measureSpeed(planStatementSet(usable.files, n)));
  const load = loadavg()[0]!;
  tables.push({
    title: "Cold compile in a fresh process (parse + extract + model), one core",
    columns: ["statements", "files", "compile wall ms", "compile CPU ms", "parse+extract wall ms", "model wall ms", "model CPU ms", "peak RSS MB", "heap MB"],
    rows: speed.map((s) => [s.statements, s.files, s.compileMs, s.compileCpuMs, s.parseExtractMs, s.modelMs, s.modelCpuMs, s.maxRssMb, s.heapMb]),
    note:
      `aim: 10k statements < 1 s: ${speed[1]!.compileMs < 1000 ? "met" : "NOT met"} (wall ${speed[1]!.compileMs.toFixed(0)} ms, CPU ${speed[1]!.compileCpuMs.toFixed(0)} ms; model wall ${speed[1]!.modelMs.toFixed(0)} ms, CPU ${speed[1]!.modelCpuMs.toFixed(0)} ms). ` +
      `One corpus copy = ${usable.files.length} files, ${perCopy} statements. Machine load average while measuring: ${load.toFixed(1)} (on ${cpus().length} cores)` +
      (usable.excluded.length ? `; left out because compile() threw on them: ${usable.excluded.join(", ")}` : ""),
  });
  return tables;
}

if (process.env.PENULT_MODEL_BENCH_CHILD && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runChild();
}
