import type { Candidate } from "./candidate.js";
import { takeAuthoredId } from "./candidate.js";
import { classifyText, isBareQuestion } from "./classify-statement.js";
import { splitSentences } from "./split-sentences.js";

/**
 * The line reader used for markdown files too large for remark within the time budget: headings
 * set the heading path, fenced code and HTML comments are skipped, list/quote markers and table
 * pipes are stripped, and every remaining line (or its sentences) is read like plain text.
 * Linear in the size of the file; block structure that spans lines (wrapped paragraphs) is lost,
 * which is why it is only a fallback.
 */
export function readMarkdownLines(text: string): { candidates: Candidate[]; questions: number } {
  const candidates: Candidate[] = [];
  let questions = 0;
  const headings: { depth: number; title: string }[] = [];
  let fence: string | undefined;
  let inComment = false;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const lineStart = pos;
    pos = nl + 1;
    if (fence) {
      if (raw.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    if (inComment) {
      if (raw.includes("-->")) inComment = false;
      continue;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      fence = f[1];
      continue;
    }
    if (/^\s*<!--/.test(raw)) {
      if (!raw.includes("-->")) inComment = true;
      continue;
    }
    if (/^ {4,}|^\t/.test(raw) || /^\s*\|?\s*:?-{3,}/.test(raw) || /^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) continue;
    const h = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (h) {
      const depth = h[1]!.length;
      while (headings.length && headings[headings.length - 1]!.depth >= depth) headings.pop();
      headings.push({ depth, title: stripInline(h[2]!) });
      continue;
    }
    const marker = /^[\s>]*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)?\|?\s*/.exec(raw)![0];
    const bodyRaw = raw.slice(marker.length).replace(/\s*\|\s*$/, "");
    const taken = takeAuthoredId(stripInline(bodyRaw.replace(/\s*\|\s*/g, " | ")));
    const body = taken.text.trim();
    if (!/[\p{L}]/u.test(body)) continue;
    const start = lineStart + marker.length;
    const headingPath = headings.map((x) => x.title);
    const cls = classifyText(body);
    if (cls.kind !== "prose" || taken.id) {
      const c: Candidate = { text: (cls.text ?? body).trim(), start, end: lineStart + raw.length, headingPath, cls };
      if (cls.label) c.label = cls.label;
      if (taken.id) c.authoredId = taken.id;
      candidates.push(c);
      continue;
    }
    for (const r of splitSentences(body)) {
      const sentence = body.slice(r.start, r.end);
      if (isBareQuestion(sentence)) {
        questions++;
        continue;
      }
      if (!/[\p{L}]/u.test(sentence)) continue;
      candidates.push({ text: sentence, start: start + r.start, end: start + r.end, headingPath, cls: classifyText(sentence) });
    }
  }
  return { candidates, questions };
}

/** Removes emphasis, code ticks and link syntax from one line. */
function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<!--.*?-->/g, "")
    .replace(/\*\*|__|`|~~/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
