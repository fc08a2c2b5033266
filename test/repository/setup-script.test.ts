import { afterAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * scripts/setup.sh on the machines it must handle, without touching this one: a copy of the script
 * runs in a temporary "repository" with a PATH holding only the tools each case allows, and stubs
 * for apt-get, sudo, npm and id that record what they were asked.
 */
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "penult-setup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const which = (tool: string): string => {
  const r = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${tool} is needed to run this test`);
  return r.stdout.trim();
};
/** Tools the script itself uses, from this machine. */
const BASE = ["bash", "sed", "dirname", "cat", "env"];

interface Case {
  /** Real tools on PATH besides BASE. */
  tools: string[];
  /** Stubs: name -> shell body (each records its call in calls.log). */
  stubs?: Record<string, string>;
  engines?: string;
}

let n = 0;
function run(c: Case): { status: number | null; out: string; calls: string } {
  const dir = join(work, `case-${n++}`);
  mkdirSync(join(dir, "scripts"), { recursive: true });
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(REPO, "scripts", "setup.sh"), join(dir, "scripts", "setup.sh"));
  const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { engines: { node: string } };
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", engines: { node: c.engines ?? pkg.engines.node } }));
  writeFileSync(join(dir, "package-lock.json"), "{}");
  for (const t of [...BASE, ...c.tools]) symlinkSync(which(t), join(dir, "bin", t));
  for (const [name, body] of Object.entries(c.stubs ?? {})) {
    writeFileSync(join(dir, "bin", name), `#!${which("bash")}\necho "${name} $*" >> "${join(dir, "calls.log")}"\n${body}\n`);
    chmodSync(join(dir, "bin", name), 0o755);
  }
  const r = spawnSync(which("bash"), [join(dir, "scripts", "setup.sh")], { encoding: "utf8", env: { PATH: join(dir, "bin"), HOME: dir } });
  let calls = "";
  try {
    calls = readFileSync(join(dir, "calls.log"), "utf8");
  } catch {
    // no stub was called
  }
  return { status: r.status, out: r.stdout + r.stderr, calls };
}

/** Tools setup.sh looks for on PATH (the rest it finds by absolute path). */
const COMPILERS = ["go", "mcs", "javac", "rustc", "redis-server"];
const present = (t: string): boolean => spawnSync("bash", ["-c", `command -v ${t}`]).status === 0;
const user = { id: 'if [ "$1" = -u ]; then echo 1000; else echo user; fi' };

describe("scripts/setup.sh", () => {
  it("stops with a plain message when git is missing", () => {
    const r = run({ tools: ["node"], stubs: { npm: "exit 0" } });
    expect(r.status).toBe(1);
    expect(r.out).toContain("git is not installed");
  });

  it("stops when Node is not in package.json engines", () => {
    const major = Number(process.versions.node.split(".")[0]);
    const r = run({ tools: ["node", "git"], stubs: { npm: "exit 0" }, engines: `^${major - 1}.0.0 || >=${major + 1}.0.0` });
    expect(r.status).toBe(1);
    expect(r.out).toContain(`Node ${process.versions.node} does not satisfy "^${major - 1}.0.0 || >=${major + 1}.0.0"`);
    expect(r.calls).not.toContain("npm ci");
  });

  it("says what to do when a user without sudo needs packages", () => {
    const r = run({ tools: ["node", "git"], stubs: { npm: "exit 0", "apt-get": "exit 0", ...user } });
    expect(r.status).toBe(1);
    expect(r.out).toContain("sudo is not installed");
    expect(r.out).toMatch(/apt-get install .*golang-go/);
    expect(r.calls).not.toContain("apt-get");
  });

  it("uses sudo as a user and installs default-jdk-headless (Debian 12 and 13), then npm ci", () => {
    const r = run({ tools: ["node", "git"], stubs: { npm: "exit 0", "apt-get": "exit 0", sudo: '"$@"', ...user } });
    expect(r.status).toBe(0);
    expect(r.calls).toContain("sudo apt-get update -qq");
    expect(r.calls).toMatch(/sudo apt-get install -y -qq --no-install-recommends .*default-jdk-headless/);
    expect(r.calls).not.toMatch(/openjdk-\d+/);
    expect(r.calls).toContain("npm ci --no-audit --no-fund");
  });

  it("runs apt-get directly as root", () => {
    const r = run({ tools: ["node", "git"], stubs: { npm: "exit 0", "apt-get": "exit 0", id: 'if [ "$1" = -u ]; then echo 0; else echo root; fi' } });
    expect(r.status).toBe(0);
    expect(r.calls).toMatch(/^apt-get update -qq$/m);
    expect(r.calls).not.toContain("sudo");
  });

  it("installs nothing when the compilers are there", () => {
    const have = COMPILERS.filter(present);
    if (have.length < COMPILERS.length) throw new Error(`this test needs ${COMPILERS.join(", ")} on PATH (bash scripts/setup.sh installs them)`);
    const r = run({ tools: ["node", "git", ...COMPILERS], stubs: { npm: "exit 0", "apt-get": "exit 0", ...user } });
    expect(r.status).toBe(0);
    expect(r.calls).not.toContain("apt-get");
    expect(r.calls).toContain("npm ci");
  });
});
