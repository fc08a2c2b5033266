/** Escapes a string for use inside a RegExp (statement words matched literally). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
