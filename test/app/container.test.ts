/**
 * The App's container, checked without a Docker engine (this machine has only the client): the
 * Dockerfile's final stage is small and unprivileged and installs runtime dependencies only, and
 * the exact commands the image and docker-compose.yml run start here (from the built dist/, as in
 * the image) and answer /healthz, in one process and in the Redis mode (webhooks + worker).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { freePort, startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const ROOT = process.cwd();
const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
const compose = parse(readFileSync(join(ROOT, "docker-compose.yml"), "utf8")) as { services: Record<string, { command?: string[]; environment?: Record<string, string>; deploy?: { replicas?: number }; image?: string; build?: string }> };

/** Instructions of the Dockerfile's last stage, continuation lines joined. */
function finalStage(): { op: string; args: string }[] {
  const lines = dockerfile.replace(/\\\n\s*/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const from = lines.map((l, i) => (/^FROM\s/i.test(l) ? i : -1)).filter((i) => i >= 0).at(-1)!;
  return lines.slice(from).map((l) => {
    const [op, ...rest] = l.split(/\s+/);
    return { op: op!.toUpperCase(), args: rest.join(" ") };
  });
}

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

let redis: RedisServer | undefined;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.close();
});

describe("the App's container", () => {
  it("final stage: a slim Node 20 base, runtime dependencies only, a non-root user, a health check, a JSON start command", () => {
    const stage = finalStage();
    const from = stage[0]!.args;
    expect(from).toMatch(/^node:20[-.\w]*-slim\b/);
    const runs = stage.filter((s) => s.op === "RUN").map((s) => s.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && /--omit=dev\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm (ci|install)\b/.test(r) && !/--omit=dev\b/.test(r))).toBe(false);
    const user = stage.filter((s) => s.op === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    // USER comes before the start command, so the process never runs as root.
    expect(stage.findIndex((s) => s.op === "USER")).toBeLessThan(stage.findIndex((s) => s.op === "CMD"));
    expect(stage.some((s) => s.op === "HEALTHCHECK" && s.args.includes("/healthz"))).toBe(true);
    // Only the built App, its templates and schemas are copied in: no sources, tests or node_modules from the build.
    const copies = stage.filter((s) => s.op === "COPY").map((s) => s.args);
    expect(copies.filter((c) => c.includes("--from=")).every((c) => /dist\/(lib|app)\b/.test(c))).toBe(true);
    expect(JSON.parse(stage.find((s) => s.op === "CMD")!.args)).toEqual(imageCommand());
    // npm ci needs every workspace's package.json (the App's dependencies are the app/ workspace's).
    const workspaces = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces?: string[] }).workspaces ?? [];
    const ci = stage.findIndex((s) => s.op === "RUN" && /\bnpm ci\b/.test(s.args));
    for (const ws of workspaces) expect(stage.slice(0, ci).some((s) => s.op === "COPY" && s.args.startsWith(`${ws}/package.json `))).toBe(true);
  });

  it("docker-compose.yml: Redis, one webhook process and two workers, all on REDIS_URL", () => {
    const { redis: r, webhooks, worker } = compose.services;
    expect(r?.image).toMatch(/^redis:/);
    expect(webhooks?.build).toBe(".");
    expect(webhooks?.command).toBeUndefined();
    expect(worker?.command).toEqual(["node", "dist/app/worker.js"]);
    expect(worker?.deploy?.replicas).toBe(2);
    for (const s of [webhooks, worker]) expect(s?.environment?.REDIS_URL).toBe("redis://redis:6379");
  });

  it("the image's start command answers /healthz in one process (no REDIS_URL)", async () => {
    const port = await freePort();
    run(imageCommand(), { PORT: String(port) });
    const health = await waitForHealth(port);
    expect(health).toMatchObject({ status: 200, body: { status: "ok", role: "webhooks", queue: "local" } });
  });

  it("with REDIS_URL: the webhook process and a worker (compose's command) answer /healthz; without Redis, 503", async () => {
    const webPort = await freePort();
    const workerPort = await freePort();
    const env = { REDIS_URL: redis!.url, PENULT_QUEUE_NAME: `container-${webPort}` };
    run(imageCommand(), { ...env, PORT: String(webPort) });
    run(compose.services.worker!.command!, { ...env, PORT: String(workerPort) });
    expect(await waitForHealth(webPort)).toMatchObject({ status: 200, body: { status: "ok", role: "webhooks", queue: "redis" } });
    expect(await waitForHealth(workerPort)).toMatchObject({ status: 200, body: { status: "ok", role: "worker", queue: "redis" } });
    const metrics = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
    expect(metrics).toMatch(/penult_queue_jobs\{state="waiting"\} 0/);
    await redis!.close();
    redis = undefined;
    const down = await fetch(`http://127.0.0.1:${webPort}/healthz`);
    expect(down.status).toBe(503);
  });
});

function imageCommand(): string[] {
  return ["node", "node_modules/probot/bin/probot.js", "run", "./dist/app/index.js"];
}

function run(command: string[], env: Record<string, string>): ChildProcess {
  if (!existsSync(join(ROOT, "dist/app/index.js"))) throw new Error("dist/ is missing: `npm run build` first (npm test builds)");
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", LOG_LEVEL: "warn", LOG_FORMAT: "json", HOST: "127.0.0.1", APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "container-test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  child.on("exit", (code) => {
    if (code) process.stderr.write(`${command.join(" ")} exited ${code}: ${output.slice(-2000)}\n`);
  });
  started.push(child);
  return child;
}

async function waitForHealth(port: number): Promise<{ status: number; body: unknown }> {
  const end = Date.now() + 60_000;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: res.status, body: await res.json() };
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no answer on port ${port}: ${String(last)}`);
}
