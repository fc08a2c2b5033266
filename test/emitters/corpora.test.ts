import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { compile } from "../../lib/compile.js";
import { EMITTERS, emitContracts, type OutputFile } from "../../lib/emitters/index.js";
import { compileEmitted } from "../helpers/compile/index.js";
import { listCorpora, readCorpus, readStatementsFolder } from "./load-corpora.js";

/**
 * Issue 4's proof: every corpus of real requirement text (each corpus one repository), the seed
 * conversation and the bundled examples go through the real pipeline, every target is emitted, and
 * each language's output is compiled by its real tool. To keep CI fast the repositories are emitted
 * separately and then compiled together, one tool run per target: each repository's files sit in
 * their own folder (`<target>/<repo>/...`), with the system named after the repository so Python
 * packages, Go modules and the like cannot clash.
 */
describe("contracts from every corpus compile in every language", () => {
  it("emits and compiles all corpora, the seed conversation and the examples", async () => {
    const repos: { name: string; files: ReturnType<typeof readCorpus> }[] = listCorpora().map((name) => ({ name, files: readCorpus(name) }));
    repos.push({ name: "seed-conversation", files: readStatementsFolder(join("examples", "seed-conversation", "statements")) });
    repos.push({ name: "bookshop", files: readStatementsFolder(join("examples", "bookshop", "statements")) });
    expect(repos.length).toBeGreaterThanOrEqual(9);
    const targets = EMITTERS.map((e) => e.name);
    const perTarget = new Map<string, OutputFile[]>(targets.map((t) => [t, []]));
    const failures: string[] = [];
    for (const repo of repos) {
      let model;
      try {
        model = compile({ files: repo.files, config: { system: repo.name } }).model;
      } catch (err) {
        failures.push(`${repo.name}: the pipeline threw: ${err instanceof Error ? err.stack?.split("\n").slice(0, 4).join(" | ") : String(err)}`);
        continue;
      }
      const { files, diagnostics } = emitContracts({ model });
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      for (const t of targets) {
        const mine = files.filter((f) => f.path.startsWith(`${t}/`));
        expect(mine.length).toBeGreaterThan(0);
        // Python output is already rooted in a package named after the system (= the repository),
        // so all repositories' packages sit side by side and mypy checks them in one run.
        const prefix = t === "python" ? `${t}/` : `${t}/${repo.name}/`;
        perTarget.get(t)!.push(...mine.map((f) => ({ path: `${prefix}${f.path.slice(t.length + 1)}`, content: f.content })));
      }
    }
    for (const t of targets) {
      // tsc, mypy and the Mermaid parser take all repositories in one run; the other tools' layouts
      // (go.mod, a crate, the $id base, one ARCHITECTURE.md, ...) are per repository.
      const batch = t === "typescript" || t === "mermaid" || t === "python";
      const results = await compileEmitted({ files: perTarget.get(t)!, targets: [t], subfolders: batch ? undefined : [...new Set(perTarget.get(t)!.map((f) => f.path.split("/")[1]!))].sort() });
      for (const [key, r] of Object.entries(results)) if (!r.ok) failures.push(`${key}:\n${r.output.slice(0, 3000)}`);
    }
    expect(failures).toEqual([]);
    // Slow by nature (nine repositories, nine tools, a shared 2-core machine); never a timing test.
  }, 900_000);
});
