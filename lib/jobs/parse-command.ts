import type { ImplementLanguage } from "../config/types.js";

/** A slash command found in an issue or pull-request comment. */
export type Command =
  | { name: "implement"; target: string; lang?: ImplementLanguage }
  | { name: "explain"; target: string }
  | { name: "regenerate"; force: boolean }
  | { name: "decompose"; target: string }
  | { name: "help"; problem?: string };

const LANGS: Record<string, ImplementLanguage> = {
  ts: "ts",
  typescript: "ts",
  py: "python",
  python: "python",
  java: "java",
  rust: "rust",
  rs: "rust",
  go: "go",
  golang: "go",
  csharp: "csharp",
  "c#": "csharp",
  cs: "csharp",
};

/**
 * Reads the first command line of a comment: `/implement Foo [--lang x]`, `/penult explain Foo`,
 * `/penult regenerate [--force]`, `/penult help`. Lines inside code blocks, quotes and HTML
 * comments (`<!-- -->`, which GitHub does not show: a command there would run unseen) are not
 * commands. Returns undefined when the comment holds no command for penult.
 */
export function parseCommand(body: string): Command | undefined {
  let fenced = false;
  for (const raw of withoutHtmlComments(body).split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || line.startsWith(">")) continue;
    const words = line.split(/\s+/);
    const head = words[0]?.toLowerCase();
    if (head === "/implement") return parseImplement(words.slice(1));
    if (head !== "/penult") continue;
    const sub = words[1]?.toLowerCase();
    const rest = words.slice(2);
    if (sub === "implement") return parseImplement(rest);
    if (sub === "explain") return rest[0] ? { name: "explain", target: rest[0] } : { name: "help", problem: "`/penult explain` needs an element name, e.g. `/penult explain CartService`" };
    if (sub === "regenerate") return { name: "regenerate", force: rest.includes("--force") };
    if (sub === "decompose") return rest[0] ? { name: "decompose", target: rest[0] } : { name: "help", problem: "`/penult decompose` needs a statement id, e.g. `/penult decompose vision.3f2a9c1d`" };
    return { name: "help", ...(sub && sub !== "help" ? { problem: `unknown command \`${sub}\`` } : {}) };
  }
  return undefined;
}

/** The text with every `<!-- ... -->` removed (an unclosed one hides the rest, as on GitHub). */
function withoutHtmlComments(body: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = body.indexOf("<!--", at);
    if (open < 0) return out + body.slice(at);
    out += body.slice(at, open);
    const close = body.indexOf("-->", open + 4);
    if (close < 0) return out;
    // Keep the line breaks, so a command after the comment is still on a line of its own.
    out += body.slice(open, close + 3).replace(/[^\n]/g, "");
    at = close + 3;
  }
}

function parseImplement(args: string[]): Command {
  const target = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--lang");
  if (!target) return { name: "help", problem: "`/implement` needs an interface name, e.g. `/implement CartService --lang ts`" };
  const i = args.indexOf("--lang");
  const inline = args.find((a) => a.startsWith("--lang="))?.slice(7);
  const langWord = (inline ?? (i >= 0 ? args[i + 1] : undefined))?.toLowerCase();
  if (langWord === undefined) return { name: "implement", target };
  const lang = LANGS[langWord];
  if (!lang) return { name: "help", problem: `unknown language \`${langWord}\`; use one of ts, python, java, rust, go, csharp` };
  return { name: "implement", target, lang };
}

export const COMMAND_HELP = [
  "penult understands these commands (people with write access only):",
  "",
  "- `/implement <Interface> [--lang ts|python|java|rust|go|csharp]`: open a pull request with an implementation scaffold and tests from the statements' scenarios",
  "- `/penult explain <Element>`: list the statements an interface, operation or entity comes from",
  "- `/penult regenerate [--force]`: regenerate the contracts pull request now (`--force` replaces commits people added to the contracts branch)",
  "- `/penult decompose <statement id>`: propose finer statements for a broad one, as a pull request adding a statements file (needs `llm:` in the config)",
].join("\n");
