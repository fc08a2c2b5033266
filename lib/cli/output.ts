import pc from "picocolors";
import { formatLocation, type Diagnostic, type Severity } from "../diagnostics.js";

/** Where the CLI reads and writes. `main` gets the process's; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder commands run in (overridden by `-C <dir>`). */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Is stdout a terminal? Colour and progress lines are only for terminals. */
  isTTY: boolean;
}

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colour only on a terminal, never when NO_COLOR is set (https://no-color.org) or TERM=dumb;
 * FORCE_COLOR turns it on anyway (CI logs that render ANSI).
 */
export function shouldColor(io: Pick<CliIo, "env" | "isTTY">, flag?: boolean): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.isTTY && io.env.TERM !== "dumb";
}

export function createColors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

const SEVERITY_COLOR: Record<Severity, keyof Colors> = { error: "red", warning: "yellow", info: "blue" };

/** `file:line:col severity code message`: one line per diagnostic, the shape editors and grep understand. */
export function formatDiagnostic(d: Diagnostic, c: Colors = createColors(false)): string {
  const where = formatLocation(d);
  const paint = c[SEVERITY_COLOR[d.severity]] as (s: string) => string;
  return `${where ? where + " " : ""}${paint(d.severity)} ${c.dim(d.code)} ${d.message}`;
}

export { formatGithubAnnotation } from "../format-github-annotation.js";

/** "2 errors, 1 warning" (zero counts left out); "no problems" when empty. */
export function summarizeDiagnostics(list: readonly Diagnostic[]): string {
  const count = (s: Severity) => list.filter((d) => d.severity === s).length;
  const parts = (["error", "warning", "info"] as const)
    .map((s) => [s, count(s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? "" : "s"}`);
  return parts.length ? parts.join(", ") : "no problems";
}

/**
 * Progress lines on stderr, only on a terminal: long runs (10k statements) show they are alive,
 * while pipes and CI logs stay clean.
 */
export function createProgress(io: CliIo, enabled: boolean): (message: string) => void {
  if (!enabled) return () => {};
  const t0 = Date.now();
  return (message) => io.stderr(`${createColors(shouldColor(io)).dim(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`)}\n`);
}
