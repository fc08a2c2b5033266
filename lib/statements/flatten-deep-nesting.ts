/** Marker runs and indentation the parser follows; deeper structure is flattened (remark slows down sharply). */
export const MAX_MARKER_RUN = 8;
const MAX_INDENT = 32;

/**
 * Flattens nesting deeper than the walker follows: very deep lists and quotes make remark slow
 * (500 levels take seconds) and say nothing a shallower structure would not.
 */
export function flattenDeepNesting(text: string): { text: string; firstLine?: number } {
  let firstLine: number | undefined;
  let out: string[] | undefined;
  let fence: string | undefined;
  let pos = 0;
  let lineNo = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    lineNo++;
    const line = text.slice(pos, nl);
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === undefined ? f[1]![0] : line.trimStart().startsWith(fence) ? undefined : fence;
    // Code keeps its indentation: only list and quote structure is costly to parse.
    const flat = fence !== undefined || f ? line : flattenLine(line);
    if (flat !== line) {
      if (!out) out = text.slice(0, pos).split("\n").slice(0, lineNo - 1);
      firstLine ??= lineNo;
    }
    out?.push(flat);
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  return out ? { text: out.join("\n"), firstLine } : { text };
}

/** One line with its indentation capped and its run of leading list/quote markers shortened. */
function flattenLine(line: string): string {
  // A hand-written scan: a regex for "marker run" backtracks exponentially on runs of spaces.
  if (line.trim() === "") return line;
  let i = 0;
  let width = 0;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) {
    width += line[i] === "\t" ? 4 : 1;
    i++;
  }
  // Deep indentation only matters in front of a list or quote marker (nesting); plain text stays.
  if (!/^(?:[-*+>]|\d{1,9}[.)])(?:[ \t]|$)/.test(line.slice(i))) return line;
  let result = line;
  if (width > MAX_INDENT) result = " ".repeat(MAX_INDENT) + line.slice(i);
  const markers: string[] = [];
  let j = result.length - line.slice(i).length;
  const lead = result.slice(0, j);
  for (;;) {
    let k = j;
    while (k < result.length && (result[k] === " " || result[k] === "\t")) k++;
    let m = k;
    const c = result[m];
    if (c === "-" || c === "*" || c === "+" || c === ">") m++;
    else {
      while (m < result.length && m - k < 9 && result[m]! >= "0" && result[m]! <= "9") m++;
      if (m === k || (result[m] !== "." && result[m] !== ")")) break;
      m++;
    }
    if (m >= result.length || (result[m] !== " " && result[m] !== "\t")) break;
    while (m < result.length && (result[m] === " " || result[m] === "\t")) m++;
    markers.push(result.slice(k, m));
    j = m;
  }
  if (markers.length > MAX_MARKER_RUN) result = lead + markers.slice(markers.length - MAX_MARKER_RUN).join("") + result.slice(j);
  return result;
}
