import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics.js";
import type { Candidate, LineIndex } from "./candidate.js";
import { slugify } from "./slugify.js";
import { makeDiagnostic } from "./statement-diagnostics.js";

const MAX_DUPLICATE_REPORTS = 20;

/** One file's candidates, in document order, with what is needed to name places. */
export interface FileCandidates {
  file: string;
  candidates: Candidate[];
  lines: LineIndex;
}

/**
 * The text an id is derived from: case, white space, markdown emphasis, punctuation runs and
 * re-wrapping removed, so only a change of words changes the id.
 */
export function normaliseForId(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** `statements/cart/checkout.md` -> `cart-checkout`. */
export function slugifyFile(path: string): string {
  const noExt = path.replace(/\.(md|markdown|txt)$/i, "");
  const s = slugify(noExt.replace(/^statements\//, "")) || "file";
  if (s.length <= 40) return s;
  // Keep the most specific end of a long path, cut at a dash.
  const tail = s.slice(s.length - 40);
  return tail.slice(tail.indexOf("-") + 1) || tail;
}

/** First 8 hex digits of SHA-256: 32 bits, ample for the statements of one file. */
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
}

/**
 * Gives every candidate its id, in three tiers: an authored `{#id}` (unique across the repo; a
 * clash is an error and the later place falls back), a label the source gives (OpenSpec requirement
 * name, FR-001 code; scoped to the file), or `<file-slug>.<8 hex of normalised text>`. Identical
 * text twice in a file gets `-2`, `-3` in document order. Files must arrive sorted by path.
 */
export function assignStatementIds(files: readonly FileCandidates[]): { ids: string[][]; authored: boolean[][]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ids: string[][] = [];
  const authored: boolean[][] = [];
  const used = new Map<string, { file: string; line: number }>();
  const slugOwner = new Map<string, string>();
  for (const f of files) {
    let slug = slugifyFile(f.file);
    // Two paths with the same slug ("a/b.md", "a-b.md"): the later path gets a path hash.
    const owner = slugOwner.get(slug);
    if (owner !== undefined && owner !== f.file) slug = `${slug}-${hashText(f.file).slice(0, 4)}`;
    slugOwner.set(slug, f.file);
    const fileIds: string[] = [];
    const fileAuthored: boolean[] = [];
    const labelSeen = new Map<string, number>();
    const textSeen = new Map<string, { count: number; line: number }>();
    let duplicates = 0;
    let continueDuplicates = 0;
    for (const c of f.candidates) {
      const line = f.lines.position(c.start).line;
      let id: string | undefined;
      let isAuthored = false;
      if (c.authoredId) {
        const prev = used.get(c.authoredId);
        if (prev) {
          diagnostics.push(
            makeDiagnostic({
              code: "PARSE_DUPLICATE_ID",
              message: `statement id "${c.authoredId}" is already used at ${prev.file}:${prev.line}; this statement gets a derived id`,
              file: f.file,
              line,
            }),
          );
        } else {
          id = c.authoredId;
          isAuthored = true;
        }
      }
      if (!id && c.labelId) {
        const prevLine = labelSeen.get(c.labelId);
        if (prevLine !== undefined) {
          diagnostics.push(
            makeDiagnostic({
              code: "PARSE_DUPLICATE_LABEL",
              message: `label "${c.label ?? c.labelId}" also appears at line ${prevLine}; this statement gets a derived id`,
              file: f.file,
              line,
            }),
          );
        } else {
          labelSeen.set(c.labelId, line);
          id = `${slug}.${c.labelId}`;
        }
      }
      if (!id) {
        const norm = normaliseForId(c.text);
        const seen = textSeen.get(norm);
        id = `${slug}.${hashText(norm)}`;
        if (seen) {
          seen.count++;
          id = `${id}-${seen.count}`;
          // Generated files can repeat a line thousands of times: report the first few, then count.
          if (++duplicates > MAX_DUPLICATE_REPORTS) continueDuplicates++;
          else diagnostics.push(
            makeDiagnostic({
              code: "PARSE_DUPLICATE_STATEMENT",
              message: `the same statement as line ${seen.line}; ids are numbered in document order`,
              file: f.file,
              line,
              statement: id,
            }),
          );
        } else textSeen.set(norm, { count: 1, line });
      }
      // Last resort so ids stay unique across the repo whatever the inputs (e.g. an authored id
      // that looks like a derived one).
      if (used.has(id)) {
        let k = 2;
        while (used.has(`${id}~${k}`)) k++;
        id = `${id}~${k}`;
      }
      used.set(id, { file: f.file, line });
      fileIds.push(id);
      fileAuthored.push(isAuthored);
    }
    if (continueDuplicates > 0) {
      diagnostics.push(
        makeDiagnostic({
          code: "PARSE_DUPLICATE_STATEMENT",
          message: `${continueDuplicates} more repeated statements in this file (not listed one by one)`,
          file: f.file,
          line: f.lines.position(f.candidates[f.candidates.length - 1]!.start).line,
        }),
      );
    }
    ids.push(fileIds);
    authored.push(fileAuthored);
  }
  return { ids, authored, diagnostics };
}
