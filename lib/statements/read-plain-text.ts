import type { Candidate } from "./candidate.js";
import { takeAuthoredId } from "./candidate.js";
import { classifyText, isBareQuestion } from "./classify-statement.js";
import { splitSentences } from "./split-sentences.js";

/**
 * Plain text (a `.txt` backlog that is not a chat): every non-empty line is a statement, or its
 * sentences when it is prose. A leading tag like `#G04# ` (the Dalpiaz backlogs) becomes the label.
 */
export function readPlainText(text: string): { candidates: Candidate[]; questions: number } {
  const candidates: Candidate[] = [];
  let questions = 0;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const lineStart = pos;
    pos = nl + 1;
    const tag = /^\s*#([A-Za-z0-9_-]{1,20})#\s*/.exec(raw);
    const bodyStart = tag ? tag[0].length : raw.length - raw.trimStart().length;
    const taken = takeAuthoredId(raw.slice(bodyStart));
    const body = taken.text.replace(/\s+/g, " ").trim();
    if (!/[\p{L}]/u.test(body)) continue;
    const start = lineStart + bodyStart;
    const cls = classifyText(body);
    const base: Omit<Candidate, "text" | "start" | "end" | "cls"> = { headingPath: [] };
    if (tag) base.label = tag[1]!;
    if (cls.kind !== "prose" || taken.id) {
      const c: Candidate = { ...base, text: (cls.text ?? body).trim(), start, end: start + taken.text.trimEnd().length, cls };
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
      // Offsets are exact only when the line had no runs of white space; close enough for a column.
      candidates.push({ ...base, text: sentence, start: start + r.start, end: start + r.end, cls: classifyText(sentence) });
    }
    if (nl >= text.length) break;
  }
  return { candidates, questions };
}
