/**
 * Per-statement extraction (issue 11): on the Dalpiaz user-story backlogs, the share of stories
 * whose `penult extract --json` entities hold the thing the story acts on, so that the backlogs'
 * entity phrases are found, not only actors and verbs.
 *
 * The corpus has no gold for this: the object is read by the bench's own rule
 * (bench/lib/read-want-object.ts: the head noun of the first noun phrase after the want clause's
 * first content verb, tagged by wink-nlp directly). Extraction is `extract --json`'s own function
 * (lib/cli/extract-statements.ts) over the backlogs written one story per paragraph in markdown.
 *
 * Standalone: `node dist/bench/extract-entities.bench.js [--backlog g12] [--misses]`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractStatements, type ExtractedStatement } from "../lib/cli/extract-statements.js";
import { readWantObject, singularNoun, type WantObject } from "./lib/read-want-object.js";
import { repoRoot } from "./lib/repo-root.js";
import { argValues, isMainModule, printTables } from "./lib/run-standalone.js";
import type { BenchTable } from "./table.js";

export interface ExtractEntitiesOptions {
  /** Only backlogs whose file name contains one of these. */
  backlogs?: readonly string[];
  /** Called with every story whose object was not found (the standalone `--misses` listing). */
  onMiss?: (backlog: string, story: string, object: WantObject | undefined, entities: readonly string[]) => void;
}

interface Backlog {
  name: string;
  stories: string[];
}

function loadBacklogs(root: string, only: readonly string[]): Backlog[] {
  const dir = join(root, "test/corpora/dalpiaz-userstories");
  return readdirSync(dir)
    .filter((f) => /^g\d+.*\.txt$/.test(f) && (only.length === 0 || only.some((o) => f.includes(o))))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ""),
      stories: readFileSync(join(dir, f), "utf8")
        .split(/\r?\n/)
        .map((l) => l.replace(/^#G\d+#\s*/, "").trim())
        .filter((l) => l.length > 0),
    }));
}

const words = (phrase: string) => phrase.toLowerCase().match(/[a-z0-9]+/g)?.map(singularNoun) ?? [];

export async function run(options: ExtractEntitiesOptions = {}): Promise<BenchTable[]> {
  const root = repoRoot(import.meta.url);
  const backlogs = loadBacklogs(root, options.backlogs ?? []);
  if (backlogs.length === 0) throw new Error(`extract-entities bench: no backlog matches ${options.backlogs?.join(", ")}`);
  // A repository of backlogs, one story per paragraph, read by extract --json's own function.
  const repo = mkdtempSync(join(tmpdir(), "penult-extract-entities-"));
  let extracted: ExtractedStatement[];
  const lineOf = new Map<string, number[]>();
  try {
    mkdirSync(join(repo, "statements"));
    for (const b of backlogs) {
      writeFileSync(join(repo, "statements", `${b.name}.md`), b.stories.join("\n\n") + "\n");
      lineOf.set(b.name, b.stories.map((_, i) => 1 + 2 * i));
    }
    extracted = (await extractStatements({ root: repo, cwd: repo, paths: ["statements"] })).statements;
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }

  const rows: (string | number)[][] = [];
  const tot = { stories: 0, object: 0, story: 0, lenient: 0, strict: 0, anyEntity: 0 };
  for (const b of backlogs) {
    const file = `statements/${b.name}.md`;
    const c = { stories: b.stories.length, object: 0, story: 0, lenient: 0, strict: 0, anyEntity: 0 };
    b.stories.forEach((text, i) => {
      const line = lineOf.get(b.name)![i]!;
      const rows = extracted.filter((s) => s.file === file && s.line === line);
      const entities = [...new Set(rows.flatMap((s) => s.entities))];
      if (rows.some((s) => s.kind === "user-story")) c.story++;
      if (entities.length > 0) c.anyEntity++;
      const object = readWantObject(text);
      if (!object) {
        options.onMiss?.(b.name, text, undefined, entities);
        return;
      }
      c.object++;
      const lenient = entities.some((e) => words(e).includes(object.head));
      const strict = entities.some((e) => words(e).at(-1) === object.head);
      if (lenient) c.lenient++;
      if (strict) c.strict++;
      if (!lenient) options.onMiss?.(b.name, text, object, entities);
    });
    rows.push([b.name, c.stories, c.object, c.story / c.stories, c.anyEntity / c.stories, c.object ? c.lenient / c.object : 0, c.object ? c.strict / c.object : 0]);
    for (const k of Object.keys(tot) as (keyof typeof tot)[]) tot[k] += c[k];
  }
  rows.push(["TOTAL", tot.stories, tot.object, tot.story / tot.stories, tot.anyEntity / tot.stories, tot.object ? tot.lenient / tot.object : 0, tot.object ? tot.strict / tot.object : 0]);
  return [
    {
      title: `User-story backlogs (Dalpiaz, ${backlogs.length} backlogs): the want clause's object in extract --json entities`,
      columns: ["backlog", "stories", "stories with an object (rule)", "share read as user-story", "share with any entity", "object in entities", "object is an entity's head"],
      rows,
      note:
        `Share of stories whose object (head noun read by the bench's rule) is a word of one of the statement's \`entities\`: ${(tot.object ? tot.lenient / tot.object : 0).toFixed(3)} over ${tot.object} stories with an object (${tot.stories} stories); ` +
        `as the last word of an entity phrase: ${(tot.object ? tot.strict / tot.object : 0).toFixed(3)}. ` +
        "Rule (bench/lib/read-want-object.ts, no gold in the corpus): the head of the first noun phrase after the first content verb of the want clause, tagged by wink-nlp directly. " +
        "Extraction: lib/cli/extract-statements.ts (what `penult extract --json` prints) over each backlog written one story per paragraph; stories the parser does not read as user-story count with whatever entities their statements have.",
    },
  ];
}

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const misses = args.includes("--misses");
  const tables = await run({
    backlogs: argValues(args, "--backlog"),
    ...(misses
      ? {
          onMiss: (backlog: string, story: string, object: WantObject | undefined, entities: readonly string[]) =>
            process.stdout.write(`[${backlog}] ${object ? `object "${object.phrase}" (head ${object.head})` : "no object by rule"}; entities [${entities.join("; ")}]\n    ${story}\n`),
        }
      : {}),
  });
  printTables(tables);
}
