import { afterEach, describe, expect, it } from "@jest/globals";
import { buildStatementSet } from "../../bench/statement-repo.js";
import { REUSE_BLOBS_ABOVE } from "../../app/jobs/contracts-job.js";
import { startHarness, type Harness } from "../helpers/app-harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * Until the contracts PR is merged, every push plans all contract files against the default
 * branch. The tree request must still carry only what changed: files the open contracts branch
 * already holds are named by their blob SHA.
 */
describe("App push request size", () => {
  it("while the contracts PR is open, a one-statement edit sends the changed files, not the repository", async () => {
    const files = Object.fromEntries(buildStatementSet(200).files.map((f) => [f.path, f.content as string]));
    h = await startHarness({ files });
    const first = h.commitAndPush({ "statements/extra.md": "- As a reader, I want to rate a book, so that others can find good ones.\n" }, "ratings");
    // 202: Probot answers after 9 s and the job goes on; deliver waits for the job either way.
    expect([200, 202]).toContain(await h.deliver("push", first));
    const treeBytes = (from: number) => h!.gh.state.requests.slice(from).filter((r) => r.method === "POST" && r.path.endsWith("/git/trees")).reduce((n, r) => n + r.bytes, 0);
    const firstBytes = treeBytes(0);
    expect(firstBytes).toBeGreaterThan(REUSE_BLOBS_ABOVE);

    const firstHead = h.git("rev-parse", "penult/contracts");
    const before = h.gh.state.requests.length;
    const second = h.commitAndPush({ "statements/extra.md": "- As a reader, I want to rate and review a book, so that others can find good ones.\n" }, "reviews");
    expect([200, 202]).toContain(await h.deliver("push", second));
    expect(h.gh.state.pulls).toHaveLength(1);
    expect(h.show("penult/contracts", "contracts/model.json")).toContain("rate and review a book");
    const secondBytes = treeBytes(before);
    // What the request must carry: the contract files that differ from the open branch's.
    const changed = h.git("diff", "--name-only", `${firstHead}`, "penult/contracts", "--", "contracts").split("\n").filter(Boolean);
    const changedBytes = changed.reduce((n, p) => n + Buffer.byteLength(h!.show("penult/contracts", p) ?? ""), 0);
    const planned = h.git("ls-tree", "-r", "--name-only", "penult/contracts", "--", "contracts").split("\n").filter(Boolean).length;
    expect(changed.length).toBeLessThan(planned / 2);
    // Changed texts (JSON-escaped) plus a line per file named by its SHA: not the repository again.
    expect(secondBytes).toBeLessThan(changedBytes * 1.25 + planned * 160);
    // The full impact report (contracts/IMPACT.md) says what the whole PR would merge, so it is
    // rewritten on every push; the contracts themselves are not sent again.
    const reportBytes = Buffer.byteLength(h.show("penult/contracts", "contracts/IMPACT.md") ?? "");
    expect(secondBytes - reportBytes).toBeLessThan(firstBytes / 2);
    const calls = h.gh.state.requests.slice(before).filter((r) => !r.path.startsWith("/app/") && !r.path.startsWith("/_codeload/"));
    // One more request than a small push: the listing of the contracts branch.
    expect(calls.filter((r) => r.method === "GET" && /\/git\/trees\//.test(r.path))).toHaveLength(1);
    // The rest as on any push with the PR open (including the read of its model.json, for the report of this push).
    expect(calls.length).toBeLessThanOrEqual(10);
  }, 600_000);
});
