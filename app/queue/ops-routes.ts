import type { IncomingMessage, ServerResponse } from "node:http";
import type { JobQueue } from "./job-queue.js";

/**
 * `GET /healthz` (200 when the queue can take work, 503 when it cannot, e.g. Redis is down) and
 * `GET /metrics` (Prometheus text). With METRICS_TOKEN set, /metrics wants `Authorization: Bearer <token>`.
 * Returns false for any other request, so the next handler gets it.
 */
export function createOpsRoutes(options: { queue: JobQueue; role: string; metricsToken?: string | undefined; health?: () => Promise<{ ok: boolean; detail: string }> }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (path === "/healthz") {
      let health: { ok: boolean; detail: string };
      try {
        health = await (options.health ?? (() => options.queue.health()))();
      } catch (err) {
        health = { ok: false, detail: err instanceof Error ? err.message : String(err) };
      }
      res.writeHead(health.ok ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify({ status: health.ok ? "ok" : "unavailable", role: options.role, queue: options.queue.mode, detail: health.detail }));
      return true;
    }
    if (path === "/metrics") {
      if (options.metricsToken && req.headers.authorization !== `Bearer ${options.metricsToken}`) {
        res.writeHead(401, { "www-authenticate": "Bearer" });
        res.end();
        return true;
      }
      const { registry } = options.queue.metrics;
      const text = await registry.metrics();
      res.writeHead(200, { "content-type": registry.contentType });
      res.end(text);
      return true;
    }
    return false;
  };
}
