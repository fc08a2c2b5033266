import type { Diagnostic } from "../diagnostics.js";
import { makeDiagnostic } from "./statement-diagnostics.js";

export interface DecodedSource {
  /** LF-only text without BOM, or undefined when the file cannot be read as text. */
  text?: string;
  diagnostics: Diagnostic[];
}

/** 1-based line of a byte offset: counts LF bytes before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, scanning by hand (TextDecoder does not say where). */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Turns raw file content into LF text. Binary (NUL bytes) and invalid UTF-8 are refused with an
 * error naming the line; a BOM and CR line endings are dropped with an info note, because both
 * would otherwise leak into statement text and shift columns.
 */
export function decodeSource(path: string, content: string | Uint8Array): DecodedSource {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (typeof content === "string") {
    text = content;
  } else {
    const nul = content.indexOf(0);
    if (nul >= 0) {
      diagnostics.push(
        makeDiagnostic({
          code: "PARSE_BINARY_FILE",
          message: `binary content (NUL byte at offset ${nul}); the file is not read`,
          file: path,
          line: lineOfByte(content, nul),
        }),
      );
      return { diagnostics };
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(content);
    } catch {
      const bad = findInvalidUtf8(content);
      const at = bad < 0 ? 0 : bad;
      // Editors on Windows still save "smart quotes" as Windows-1252; reading the file that way loses
      // nothing (every byte maps to a character), where refusing it would lose every statement.
      diagnostics.push(
        makeDiagnostic({
          code: "PARSE_INVALID_UTF8",
          message: `not valid UTF-8 (byte 0x${(content[at] ?? 0).toString(16).padStart(2, "0")} at offset ${at}); the file is read as Windows-1252: save it as UTF-8`,
          file: path,
          line: lineOfByte(content, at),
        }),
      );
      text = new TextDecoder("windows-1252").decode(content);
    }
  }
  if (text.indexOf("\0") >= 0) {
    const nul = text.indexOf("\0");
    diagnostics.push(
      makeDiagnostic({
        code: "PARSE_BINARY_FILE",
        message: "binary content (NUL character); the file is not read",
        file: path,
        line: text.slice(0, nul).split("\n").length,
      }),
    );
    return { diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(makeDiagnostic({ code: "PARSE_BOM", message: "UTF-8 byte-order mark ignored", file: path, line: 1 }));
  }
  const cr = text.indexOf("\r");
  if (cr >= 0) {
    const line = text.slice(0, cr).split("\n").length;
    text = text.replace(/\r\n?/g, "\n");
    diagnostics.push(
      makeDiagnostic({ code: "PARSE_LINE_ENDINGS", message: "CRLF/CR line endings read as LF", file: path, line }),
    );
  }
  return { text, diagnostics };
}
