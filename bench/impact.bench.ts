/**
 * Impact reports a reviewer reads in a minute (issue 14): how long the PR body is, and what the
 * report costs the App, measured through the App's own job (planContractsUpdate) on in-memory trees
 * of the vendored corpora (test/corpora).
 *
 * 1. Body length: the demo's edit (examples/bookshop + examples/demo-edits.json), 5 seeded pushes
 *    editing 1 to 5 statements of a corpus repository whose first contracts were merged, the first
 *    push of each corpus repository (a spec-kit project, a Kiro repository, OpenSpec's specs), and a
 *    first push of 10,000 statements (corpus copies). Aims: <= 6,000 characters for up to 5 edited
 *    statements; every body within GitHub's 65,536 and never cut at a line; the full report
 *    (contracts/IMPACT.md) under GitHub's ~2 MB rendering limit.
 * 2. CPU of the push job for a one-statement edit of a ~1,000-statement repository: the whole plan,
 *    and the plan minus compiling the tree (the report, file notes, output planning and lint). Min
 *    and median of 5 runs, CPU time (user + system): the machine is shared.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../lib/compile.js";
import { resolveDefaults, type ResolvedConfig } from "../lib/config/load-config.js";
import { createMemoryTreeReader } from "../lib/git/memory-tree-reader.js";
import { planContractsUpdate, renderPullRequestBody, type ContractsUpdatePlan } from "../lib/jobs/plan-contracts-update.js";
import { compileTree } from "../lib/pipeline/index.js";
import type { SourceFile } from "../lib/statements/types.js";
import { corpusFiles, editStatement, prng } from "./diff.bench.js";
import type { BenchTable } from "./table.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = here.endsWith(join("dist", "bench")) ? join(here, "..", "..") : join(here, "..");
const config: ResolvedConfig = resolveDefaults();
const AIM_BODY = 6_000;
const GITHUB_LIMIT = 65_536;
const RENDER_LIMIT = 2_000_000;

/** The body as the App posts it: the report, a link to the full report, the state marker. */
function postedBody(plan: ContractsUpdatePlan): string {
  const link = `[The full report](https://github.com/acme/widgets/blob/${"0".repeat(40)}/${plan.reportFile.path}) lists every element and explains every contract file.`;
  return `${renderPullRequestBody(plan, { fullReport: link, limit: GITHUB_LIMIT - 100 })}\n<!-- penult:state head=${"0".repeat(40)} source=${"0".repeat(40)} -->\n`;
}

type Files = Record<string, string>;

function asTree(files: readonly SourceFile[]): Files {
  return Object.fromEntries(files.map((f) => [f.path, String(f.content)]));
}

/** The first push's contracts, merged: the tree the next push is planned against. */
async function merged(files: Files): Promise<{ tree: Files; first: ContractsUpdatePlan }> {
  const first = await planContractsUpdate({ tree: createMemoryTreeReader(files), sha: "a".repeat(40), config });
  const tree = { ...files };
  for (const c of first.changes) if (c.content !== undefined) tree[c.path] = c.content;
  return { tree, first };
}

/** Corpus repositories as a team would hold them: a spec-kit project, a Kiro repository, OpenSpec's specs. */
function repositories(): Map<string, SourceFile[]> {
  const out = new Map<string, SourceFile[]>();
  for (const f of corpusFiles()) {
    const parts = f.path.split("/");
    const key = parts[1] === "openspec-specs" ? parts.slice(0, 2).join("/") : parts.slice(0, 3).join("/");
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

/** `n` statements of a tree edited (one word each), seeded. */
function editSome(tree: Files, n: number, rnd: () => number): Files | undefined {
  const statements = compile({ files: Object.entries(tree).filter(([p]) => p.startsWith("statements/")).map(([path, content]) => ({ path, content })) }).statements;
  const out = { ...tree };
  const lines = new Set<string>();
  for (let guard = 0, done = 0; done < n && guard < 200; guard++) {
    const s = statements[Math.floor(rnd() * statements.length)]!;
    if (lines.has(`${s.file}:${s.span.start.line}`)) continue;
    const next = editStatement({ path: s.file, content: out[s.file]! }, s, rnd);
    if (!next) continue;
    out[s.file] = String(next.content);
    lines.add(`${s.file}:${s.span.start.line}`);
    done++;
  }
  return lines.size === n ? out : undefined;
}

async function bodies(): Promise<BenchTable[]> {
  const rows: (string | number)[][] = [];
  const row = (what: string, statements: number, plan: ContractsUpdatePlan) => {
    const body = postedBody(plan);
    rows.push([what, statements, plan.report.statements.length, body.length, body.includes("(cut here") ? "yes" : "no", plan.reportFile.content.length]);
    return body.length;
  };

  // The demo's edit, as `penult demo` makes it.
  const example = join(repo, "examples", "bookshop");
  const demoFiles: Files = {};
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
      else demoFiles[`${rel}${name}`] = readFileSync(p, "utf8");
    }
  };
  walk(join(example, "statements"), "statements/");
  const edit = (JSON.parse(readFileSync(join(repo, "examples", "demo-edits.json"), "utf8")) as Record<string, { file: string; find: string; replace: string }>).bookshop!;
  const demo = await merged(demoFiles);
  const demoPush = await planContractsUpdate({ tree: createMemoryTreeReader({ ...demo.tree, [edit.file]: demo.tree[edit.file]!.replace(edit.find, edit.replace) }), sha: "b".repeat(40), config });
  const small: number[] = [row("demo edit (bookshop, 1 statement)", demo.first.statementCount, demoPush)];

  // 5 seeded pushes of 1 to 5 edited statements.
  const repos = repositories();
  const names = [...repos.keys()].sort();
  const rnd = prng(14);
  const mergedRepos = new Map<string, Awaited<ReturnType<typeof merged>>>();
  for (let i = 0, guard = 0; i < 5 && guard < 50; guard++) {
    const name = names[Math.floor(rnd() * names.length)]!;
    const n = 1 + Math.floor(rnd() * 5);
    if (!mergedRepos.has(name)) mergedRepos.set(name, await merged(asTree(repos.get(name)!)));
    const m = mergedRepos.get(name)!;
    const edited = editSome(m.tree, n, rnd);
    if (!edited) continue;
    const plan = await planContractsUpdate({ tree: createMemoryTreeReader(edited), sha: "c".repeat(40), config });
    small.push(row(`${n} statement${n === 1 ? "" : "s"} edited in ${name.replace("statements/", "")}`, m.first.statementCount, plan));
    i++;
  }

  // The first push of each corpus repository.
  const firsts: number[] = [];
  for (const name of names) {
    const m = mergedRepos.get(name) ?? (await merged(asTree(repos.get(name)!)));
    firsts.push(row(`first push of ${name.replace("statements/", "")}`, m.first.statementCount, m.first));
  }

  // A first push of 10,000 statements (corpus copies).
  const all = corpusFiles();
  const perCopy = compile({ files: all }).statements.length;
  const copies = Math.ceil(10_000 / perCopy);
  const big: SourceFile[] = [];
  for (let i = 0; i < copies; i++) for (const f of all) big.push({ path: f.path.replace("statements/", `statements/copy-${i}/`), content: f.content });
  const c0 = process.cpuUsage();
  const bigPlan = await planContractsUpdate({ tree: createMemoryTreeReader(asTree(big)), sha: "d".repeat(40), config });
  const bigCpu = process.cpuUsage(c0);
  firsts.push(row(`first push of ${copies} copies of the corpora`, bigPlan.statementCount, bigPlan));

  const worstSmall = Math.max(...small);
  const cut = rows.filter((r) => r[4] === "yes").length;
  const fullTooBig = rows.filter((r) => Number(r[5]) > RENDER_LIMIT).length;
  return [
    {
      title: "Impact report: PR body length (characters, as the App posts it)",
      columns: ["push", "statements in the repository", "statement rows", "body", "cut at a line", "full report (IMPACT.md)"],
      rows,
      note:
        `Aim: <= ${AIM_BODY.toLocaleString("en-US")} for pushes editing up to 5 statements -> ${worstSmall <= AIM_BODY ? "met" : "NOT met"} (largest ${worstSmall.toLocaleString("en-US")}); ` +
        `every body <= 65,536 and none cut at a line -> ${cut === 0 && rows.every((r) => Number(r[3]) <= GITHUB_LIMIT) ? "met" : "NOT met"}; ` +
        `full reports under GitHub's ~2 MB rendering limit -> ${fullTooBig === 0 ? "met" : `NOT met (${fullTooBig})`}. ` +
        `The 10,000-statement first push took ${((bigCpu.user + bigCpu.system) / 1000).toFixed(0)} ms CPU for the whole job (compile included). Before this issue: the demo's body was 18,151 characters, a 204-statement first push 332,946 (cut at ~64k).`,
    },
  ];
}

/** CPU ms of `fn`: [min, median] over `runs` runs. */
async function cpu(fn: () => Promise<unknown>, runs = 5): Promise<[number, number]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(c);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return [times[0]!, times[Math.floor(times.length / 2)]!];
}

async function cost(): Promise<BenchTable[]> {
  // ~1,000 statements: corpus files in order until the count is reached.
  const files: SourceFile[] = [];
  let n = 0;
  for (const f of corpusFiles()) {
    if (n >= 1000) break;
    files.push(f);
    n += compile({ files: [f] }).statements.length;
  }
  const m = await merged(asTree(files));
  const edited = editSome(m.tree, 1, prng(1000))!;
  const tree = () => createMemoryTreeReader(edited);
  const plan = await cpu(() => planContractsUpdate({ tree: tree(), sha: "e".repeat(40), config }));
  const compileOnly = await cpu(() => compileTree({ tree: tree(), config }));
  return [
    {
      title: `Impact report: CPU of the push job, one statement edited in a ${m.first.statementCount}-statement repository`,
      columns: ["stage", "CPU ms (min)", "CPU ms (median)"],
      rows: [
        ["whole job (planContractsUpdate)", plan[0], plan[1]],
        ["compile the tree (compileTree)", compileOnly[0], compileOnly[1]],
        ["= report, file notes, output planning, lint", plan[0] - compileOnly[0], plan[1] - compileOnly[1]],
      ],
      note: "5 runs each, CPU time (user + system). Not measured on main before this issue (b4334b4).",
    },
  ];
}

export async function run(): Promise<BenchTable[]> {
  return [...(await bodies()), ...(await cost())];
}
