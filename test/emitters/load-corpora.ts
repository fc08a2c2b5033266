import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { SourceFile } from "../../lib/statements/types.js";
import { corporaDir } from "../../bench/corpus-path.js";

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

const bullets = (lines: readonly string[]): string => lines.map((l) => `- ${l.replace(/\s+/g, " ").trim()}`).join("\n") + "\n";

/**
 * One corpus as the statement files of one repository: markdown as written; Dalpiaz backlogs
 * (`#G02# As a ...` lines), PROMISE NFR csv rows, ReqEval tsv sentences and CoNLL-U `# text =`
 * sentences as markdown bullet lines, one file per source file (per project for PROMISE).
 */
export function readCorpus(name: string): SourceFile[] {
  const root = join(corporaDir(), name);
  const files: SourceFile[] = [];
  const rel = (p: string): string => relative(root, p).split(sep).join("/");
  for (const p of listFiles(root)) {
    const base = p.split(sep).pop() ?? "";
    if (/^(SOURCE|LICENSE|README)/i.test(base)) continue;
    if (p.endsWith(".md")) files.push({ path: `statements/${rel(p)}`, content: readFileSync(p, "utf8") });
    else if (name === "dalpiaz-userstories" && p.endsWith(".txt")) {
      const lines = readFileSync(p, "utf8").split("\n").map((l) => l.replace(/^#G\d+#\s*/, "")).filter((l) => l.trim());
      files.push({ path: `statements/${rel(p).replace(/\.txt$/, ".md")}`, content: `# Backlog\n\n${bullets(lines)}` });
    } else if (p.endsWith(".csv")) {
      const byProject = new Map<string, string[]>();
      for (const row of readFileSync(p, "utf8").split("\n").slice(1)) {
        const m = /^(\d+),'(.*)',(\w+)\s*$/.exec(row);
        if (m) byProject.set(m[1]!, [...(byProject.get(m[1]!) ?? []), m[2]!]);
      }
      for (const [id, lines] of byProject) files.push({ path: `statements/project-${id}.md`, content: `# Project ${id}\n\n${bullets(lines)}` });
    } else if (p.endsWith(".tsv")) {
      const lines = readFileSync(p, "utf8").split("\n").slice(1).map((r) => (r.split("\t")[1] ?? "").replace(/<\/?\w+>/g, "")).filter(Boolean);
      files.push({ path: `statements/${rel(p).replace(/\.tsv$/, ".md")}`, content: `# Sentences\n\n${bullets(lines)}` });
    } else if (p.endsWith(".conllu")) {
      const lines = readFileSync(p, "utf8").split("\n").filter((l) => l.startsWith("# text = ")).map((l) => l.slice(9));
      files.push({ path: `statements/${rel(p).replace(/\.conllu$/, ".md")}`, content: `# Sentences\n\n${bullets(lines)}` });
    }
  }
  if (files.length === 0) throw new Error(`corpus ${name} gave no statement files`);
  return files;
}

/** Every corpus name under test/corpora. */
export function listCorpora(): string[] {
  return readdirSync(corporaDir()).filter((n) => statSync(join(corporaDir(), n)).isDirectory()).sort();
}

/** The statement files under a folder of this repository (examples/<x>/statements). */
export function readStatementsFolder(dir: string): SourceFile[] {
  return listFiles(dir).map((p) => ({ path: `statements/${relative(dir, p).split(sep).join("/")}`, content: readFileSync(p, "utf8") }));
}
