import type { ImpactReport } from "./types.js";

/** `--json`: the report as stable, pretty JSON (keys in declaration order, LF, final newline). */
export function renderImpactJson(report: ImpactReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
