import type { Diagnostic } from "./diagnostics.js";

/*
 * The text of a GitHub Actions workflow command: `check --format github` prints it, and the penult
 * Action reports its checks with it. Plain text with GitHub's escaping; no API call.
 */

/** GitHub Actions workflow command: an annotation on the file and line (`::error file=..,line=..::message`). */
export function formatGithubAnnotation(d: Diagnostic): string {
  const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
  const props = [
    d.file ? `file=${escapeProperty(d.file)}` : "",
    d.line !== undefined ? `line=${d.line}` : "",
    d.column !== undefined ? `col=${d.column}` : "",
    `title=${escapeProperty(`penult ${d.code}`)}`,
  ].filter(Boolean);
  return `::${level} ${props.join(",")}::${escapeData(d.message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
