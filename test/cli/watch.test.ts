import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { readTree } from "../helpers/read-tree.js";
import { watchProject, type WatchRun } from "../../lib/cli/watch-project.js";
import { createRepo } from "../sync/git-fixture.js";
import { copyExample, REPO_ROOT, runCli } from "./run-cli.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});


/** Runs `watchProject` on `dir` and hands out its runs one by one. */
function startWatch(dir: string) {
  const controller = new AbortController();
  const runs: WatchRun[] = [];
  const waiters: ((r: WatchRun) => void)[] = [];
  const done = watchProject({
    root: dir,
    env: {},
    signal: controller.signal,
    onRun: (run) => {
      const w = waiters.shift();
      if (w) w(run);
      else runs.push(run);
    },
  });
  const next = (): Promise<WatchRun> => (runs.length ? Promise.resolve(runs.shift()!) : new Promise((resolve) => waiters.push(resolve)));
  const stop = async () => {
    controller.abort();
    await done;
  };
  return { next, stop };
}

describe("penult watch", () => {
  it("regenerates on save, one line per edit, and leaves what a cold generate writes", async () => {
    const repo = createRepo();
    cleanups.push(repo.cleanup);
    cpSync(join(REPO_ROOT, "examples", "bookshop"), repo.dir, { recursive: true });
    const w = startWatch(repo.dir);
    try {
      const first = await w.next();
      expect(first.changed).toEqual([]);
      expect(first.line).toMatch(/^generated: \d+ statements, \d+ files written \(\d+ created, 0 updated, 0 removed\) in \d+ ms$/);

      appendFileSync(join(repo.dir, "statements/cart.md"), "\n- As a shopper, I want to save my cart for later, so that I can come back to it.\n");
      const edit = await w.next();
      expect(edit.changed).toEqual(["statements/cart.md"]);
      expect(edit.line).toMatch(/^statements\/cart\.md changed: \d+ elements \(\+\d+ ~\d+ -\d+\), \d+ files written \(\d+ created, \d+ updated, \d+ removed\) in \d+ ms$/);
      expect(edit.elements.added + edit.elements.changed).toBeGreaterThan(0);
      expect(edit.result?.written.updated.length).toBeGreaterThan(0);
      // Only what the edit touched was rendered again.
      expect(edit.result?.cacheStats?.statementsExtracted).toBe(1);
      expect(edit.result?.cacheStats?.rendered).toBeLessThan(edit.result?.cacheStats?.renders ?? 0);

      // A broken config is reported, and watching goes on.
      const config = readFileSync(join(repo.dir, ".github/penult.yml"), "utf8");
      writeFileSync(join(repo.dir, ".github/penult.yml"), "targets: [nope\n");
      const broken = await w.next();
      expect(broken.error).toBeDefined();
      expect(broken.line).toMatch(/^\.github\/penult\.yml changed: /);
      writeFileSync(join(repo.dir, ".github/penult.yml"), config);
      expect((await w.next()).error).toBeUndefined();
    } finally {
      await w.stop();
    }
    // The files watch left are exactly what a cold generate writes.
    const cold = copyExample("bookshop");
    cleanups.push(cold.cleanup);
    cpSync(join(repo.dir, "statements"), join(cold.dir, "statements"), { recursive: true });
    expect((await runCli(["generate", "--no-cache"], { cwd: cold.dir })).code).toBeLessThan(2);
    expect(readTree(join(repo.dir, "contracts"))).toEqual(readTree(join(cold.dir, "contracts")));
  });
});
