/** GitHub's limit for a pull request body, comment or check-run summary, in characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/**
 * Cuts markdown to fit GitHub's size limit at a line boundary, closes a code fence or `<details>`
 * left open by the cut, and says where the whole text is. Text within the limit is returned as is.
 */
export function fitBody(text: string, options: { limit?: number; whole?: string } = {}): string {
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  if (text.length <= limit) return text;
  const note = `\n\n_(cut here: GitHub takes at most ${limit.toLocaleString("en-US")} characters. ${options.whole ?? "Run `npx penult diff` for the whole report."})_\n`;
  const budget = Math.max(0, limit - note.length - 64);
  const cut = text.lastIndexOf("\n", budget);
  let kept = text.slice(0, cut > 0 ? cut : budget);
  if ((kept.match(/^```/gm) ?? []).length % 2 === 1) kept += "\n```";
  const open = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < open; i++) kept += "\n</details>";
  return kept + note;
}
