/**
 * A real redis-server for tests and the queue bench, on a free port of 127.0.0.1 with its files in
 * a fresh temporary folder (other worktrees run the same tests at the same time). Never a mock.
 * `scripts/setup.sh` installs Debian's redis-server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server and removes its folder. */
  close(): Promise<void>;
}

/** Starts redis-server; retries on another port if the one it was given was taken meanwhile. */
export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown;
  for (let tries = 0; tries < 5; tries++) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "penult-redis-"));
    const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d) => (output += String(d)));
    child.stderr?.on("data", (d) => (output += String(d)));
    try {
      await waitForPort(port, child, () => output);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        close: async () => {
          await stop(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = err;
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error(`could not start redis-server (is it installed? scripts/setup.sh installs it): ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** A port of 127.0.0.1 that was free a moment ago (the caller retries if it is taken meanwhile). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited: ${output().slice(-500)}`);
    if (/Ready to accept connections/.test(output())) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = createConnection({ port, host: "127.0.0.1" }, () => {
          s.end();
          resolve(true);
        });
        s.on("error", () => resolve(false));
      });
      if (ok) return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`redis-server did not start on port ${port}: ${output().slice(-500)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 3000).unref();
  });
}
