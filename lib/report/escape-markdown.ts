/**
 * Text from statements (and commit subjects) reaches GitHub in PR bodies, review comments and
 * comments. There it must read as text: no table, emphasis, link or HTML syntax of its own, and no
 * `@name` that notifies someone (a statement quoting "@security-team" would page that team on every
 * push). These are the two escapes every renderer uses.
 */

/**
 * Makes `@user` and `@org/team` inert: a zero-width space after the `@` (as an HTML entity, which
 * GitHub renders invisibly) stops the mention, and the text still reads the same. An `@` inside a
 * word (`a@b.org`) is no mention and stays as is. For markdown outside code spans.
 */
export function escapeMentions(text: string): string {
  return text.replace(/(^|[^\p{L}\p{N}_])@(?=[\p{L}\p{N}])/gu, "$1@&#8203;");
}

/**
 * Plain text as one line of inert markdown: table, emphasis, code and heading syntax escaped,
 * angle brackets as entities, mentions made inert. Emphasis markers of excerpts (`\u0001`,
 * `\u0002`) pass through for the renderer to turn into `**`.
 */
export function md(text: string): string {
  return escapeMentions(
    text
      .replace(/[\r\n\u2028\u2029]+/g, " ")
      .replace(/([\\`*_[\]|~#])/g, "\\$1")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;"),
  );
}

/**
 * Text as one inline code span (names, ids, paths): nothing inside is markdown, HTML or a mention.
 * The fence is longer than any run of backticks in the text, and `|` is escaped so the span never
 * splits a table cell.
 */
export function code(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat === "" ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
