/** Files above this size are parsed in chunks: remark's cost grows faster than linearly on big inputs. */
export const CHUNK_SIZE = 16_384;

/**
 * Cuts a large text into chunks at blank lines that lie outside fenced code, HTML comments and
 * indented continuations, so each chunk parses to the same blocks it would in the whole file.
 */
export function splitIntoChunks(text: string, size = CHUNK_SIZE): { start: number; end: number }[] {
  if (text.length <= size) return [{ start: 0, end: text.length }];
  const chunks: { start: number; end: number }[] = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let pos = 0;
  let prevBlank = false;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    const blank = line.trim() === "";
    if (fence) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") fence = undefined;
    } else if (inComment) {
      if (line.includes("-->")) inComment = false;
    } else {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f) fence = f[1];
      else if (line.includes("<!--") && !line.slice(line.lastIndexOf("<!--")).includes("-->")) inComment = true;
      else if (
        prevBlank &&
        !blank &&
        pos - chunkStart >= size &&
        !/^[ \t]/.test(line) &&
        !/^(?:[-*+]|\d{1,9}[.)])[ \t]/.test(line) &&
        !/^[|:]/.test(line)
      ) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
    }
    prevBlank = blank;
    pos = nl + 1;
  }
  chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}
