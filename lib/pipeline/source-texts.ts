import type { SourceFile } from "../statements/types.js";

/** The statement files as text by path: what lint quotes and positions its findings against. */
export function sourceTexts(files: readonly SourceFile[]): Record<string, string> {
  const decoder = new TextDecoder();
  return Object.fromEntries(files.map((f) => [f.path, typeof f.content === "string" ? f.content : decoder.decode(f.content)]));
}
