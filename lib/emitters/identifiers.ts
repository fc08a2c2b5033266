import { camelCase, constantCase, kebabCase, pascalCase, snakeCase } from "change-case";
import { cmp } from "../diagnostics.js";

/**
 * Identifiers and text that come from statements are untrusted. Everything an emitter writes into a
 * contract passes through here, so that each language sees a valid, unique identifier and inert
 * comment or string text whatever the statement said. Language tables (reserved words, comment
 * syntax) are data; the algorithms are shared by every emitter.
 */

/** How a name is cased for one kind of declaration in one language. */
export type CaseStyle = "pascal" | "camel" | "snake" | "constant" | "kebab" | "lower";

/** Reserved words of one language, split by the kind of name they forbid. */
export interface ReservedWords {
  /** Forbidden for every identifier (keywords). */
  all: readonly string[];
  /** Additionally forbidden as type names (e.g. TS `string`, `any`; Python `str`). */
  types?: readonly string[];
  /** Additionally forbidden as value/parameter/module names. */
  values?: readonly string[];
  /** Additionally forbidden as member (property, field, method) names. */
  members?: readonly string[];
  /** Compare case-insensitively (e.g. for names that become file names). */
  caseInsensitive?: boolean;
}

/** The naming rules of one language, consumed by {@link makeIdentifier}. */
export interface LanguageNaming {
  /** Short language key, e.g. "typescript". */
  language: string;
  reserved: ReservedWords;
  /** Appended to a reserved word (`class` -> `class_`). Must keep the result a valid identifier. */
  reservedSuffix: string;
  /** Prefix word for names that start with a digit or are empty after cleaning. */
  digitPrefix: string;
  /** Longest identifier the language (or its tools) accept comfortably. */
  maxLength?: number;
}

/**
 * Which kind of declaration a name is for: selects the extra reserved table. "type": type names;
 * "value": parameters, variables, and modules/folders; "member": properties and methods (many
 * languages accept keywords there, so the `members` table is usually small).
 */
export type NameKind = "type" | "value" | "member" | "module";

/** Options of {@link makeIdentifier}. */
export interface IdentifierOptions {
  naming: LanguageNaming;
  style: CaseStyle;
  kind: NameKind;
}

const FOLD: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  ø: "o",
  Ø: "O",
  œ: "oe",
  Œ: "OE",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  þ: "th",
  Þ: "TH",
  ð: "d",
  Ð: "D",
  ı: "i",
};

/**
 * Deterministic ASCII transliteration: accents dropped (NFKD + strip combining marks), a few
 * ligatures folded, every other non-ASCII letter or digit written as `u<HEX>` so distinct inputs
 * stay distinct; everything else becomes a word separator. Never depends on locale or ICU data
 * beyond Unicode normalisation.
 */
export function transliterate(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKD")) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out += /[A-Za-z0-9]/.test(ch) ? ch : " ";
      continue;
    }
    if (/\p{M}/u.test(ch)) continue; // combining mark left by NFKD: drop the accent
    const folded = FOLD[ch];
    if (folded) {
      out += folded;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      out += ` u${cp.toString(16)} `;
    } else {
      out += " ";
    }
  }
  return out;
}

function applyCase(words: string, style: CaseStyle): string {
  // locale: false -> String#toLowerCase: the same result on every machine (no Turkish dotless i).
  const o = { locale: false as const };
  switch (style) {
    case "pascal":
      return pascalCase(words, o);
    case "camel":
      return camelCase(words, o);
    case "snake":
      return snakeCase(words, o);
    case "constant":
      return constantCase(words, o);
    case "kebab":
      return kebabCase(words, o);
    case "lower":
      return snakeCase(words, o).replace(/_/g, "");
  }
}

function prefixWord(prefix: string, style: CaseStyle): string {
  return applyCase(prefix, style);
}

function isReserved(id: string, naming: LanguageNaming, kind: NameKind): boolean {
  const r = naming.reserved;
  const tables = [r.all, kind === "type" ? r.types : kind === "member" ? r.members : r.values];
  if (r.caseInsensitive) {
    const low = id.toLowerCase();
    return tables.some((t) => t?.some((w) => w.toLowerCase() === low) ?? false);
  }
  return tables.some((t) => t?.includes(id) ?? false);
}

/**
 * A valid identifier for `name` in one language: transliterated to ASCII, cased, prefixed when it
 * would start with a digit or be empty, suffixed when it is a reserved word. Pure and
 * deterministic; uniqueness within a scope is {@link NameScope}'s job.
 */
export function makeIdentifier(name: string, options: IdentifierOptions): string {
  // Pure function of its inputs; names repeat a lot (field names, parameters), so memoise.
  let cache = identifierCache.get(options.naming);
  if (!cache) identifierCache.set(options.naming, (cache = new Map()));
  const key = `${options.style}\u0000${options.kind}\u0000${name}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const out = makeIdentifierUncached(name, options);
  if (cache.size > 100_000) cache.clear();
  cache.set(key, out);
  return out;
}

const identifierCache = new WeakMap<LanguageNaming, Map<string, string>>();

function makeIdentifierUncached(name: string, options: IdentifierOptions): string {
  const { naming, style, kind } = options;
  const words = transliterate(name).trim();
  let id = words ? applyCase(words, style) : "";
  // change-case keeps digits glued to words; separators it leaves for kebab/snake are fine.
  id = id.replace(/^[_-]+|[_-]+$/g, "");
  if (!id) id = prefixWord(naming.digitPrefix, style);
  else if (/^[0-9]/.test(id)) {
    const sep = style === "snake" || style === "constant" ? "_" : style === "kebab" ? "-" : "";
    const p = prefixWord(naming.digitPrefix, style);
    id = p + sep + id;
  }
  if (naming.maxLength && id.length > naming.maxLength) id = id.slice(0, naming.maxLength).replace(/[_-]+$/, "");
  if (isReserved(id, naming, kind)) id += naming.reservedSuffix;
  return id;
}

/**
 * Hands out unique names within one scope (a file, a class, a parameter list, a folder). Claims
 * must be made in a deterministic order (emitters claim in model id order); a name that collides
 * after casing gets the suffix 2, 3, ... Reserved names (imports, helper aliases) can be blocked
 * up front.
 */
export class NameScope {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly options: { caseInsensitive?: boolean; separator?: string; blocked?: Iterable<string> } = {},
  ) {
    for (const b of options.blocked ?? []) this.taken.add(this.fold(b));
  }

  private fold(s: string): string {
    return this.options.caseInsensitive ? s.toLowerCase() : s;
  }

  /** True when `id` is already used in this scope. */
  has(id: string): boolean {
    return this.taken.has(this.fold(id));
  }

  /**
   * Claims `base` (already a valid identifier) and returns it, or `base` + a counter when taken.
   * With `key`, the same key always gets the same name back (idempotent lookups by element id).
   */
  claim(base: string, key?: string): string {
    if (key !== undefined) {
      const prev = this.byKey.get(key);
      if (prev !== undefined) return prev;
    }
    let id = base;
    const sep = this.options.separator ?? "";
    for (let n = 2; this.taken.has(this.fold(id)); n++) id = `${base}${sep}${n}`;
    this.taken.add(this.fold(id));
    if (key !== undefined) this.byKey.set(key, id);
    return id;
  }

  /** The name claimed earlier for `key`. */
  get(key: string): string | undefined {
    return this.byKey.get(key);
  }
}

/** Claims unique identifiers for a list of named things, in code-point order of their keys. */
export function assignNames<T>(options: {
  items: readonly T[];
  key: (item: T) => string;
  name: (item: T) => string;
  identifier: IdentifierOptions;
  scope?: NameScope;
}): Map<string, string> {
  const scope = options.scope ?? new NameScope();
  const sorted = [...options.items].sort((a, b) => cmp(options.key(a), options.key(b)));
  const out = new Map<string, string>();
  for (const item of sorted) {
    const k = options.key(item);
    out.set(k, scope.claim(makeIdentifier(options.name(item), options.identifier), k));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comment and string text

/** Comment syntaxes the emitters use; each has its own terminator and escape hazards. */
export type CommentStyle =
  /** `/** ... *\/` (TS, Java, C#-block): `*\/` ends it. */
  | "jsdoc"
  /** `/** ... *\/` in Java: additionally `\u` escapes are decoded before lexing, even in comments. */
  | "javadoc"
  /** `//`, `///`: one line each; any line terminator ends it. */
  | "slash-line"
  /** `#` line comments (Python, YAML, shell). */
  | "hash-line"
  /** Python `"""docstring"""`: `"""` ends it, backslashes are escapes. */
  | "python-docstring"
  /** `<!-- ... -->` (HTML/markdown comments). */
  | "html"
  /** Mermaid `%%` line comments. */
  | "mermaid";

/**
 * File and folder names Windows reserves for devices, in any case and with any extension
 * (`con`, `Con.java`, `nul.schema.json`): a checkout holding one fails on Windows. Emitters block
 * them wherever a name becomes a path segment.
 */
export const WINDOWS_RESERVED_NAMES: readonly string[] = [
  "con",
  "prn",
  "aux",
  "nul",
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
  "com\u00b9",
  "com\u00b2",
  "com\u00b3",
  "lpt\u00b9",
  "lpt\u00b2",
  "lpt\u00b3",
];

const WINDOWS_RESERVED = new Set(WINDOWS_RESERVED_NAMES);

/** True when a path segment names a Windows device (`CON`, `aux.ts`, `Com1.java`, `nul .txt`). */
export function isWindowsReserved(segment: string): boolean {
  return WINDOWS_RESERVED.has(segment.split(".")[0]!.trimEnd().toLowerCase());
}

/** `id` with `suffix` when it names a Windows device: for a single name that becomes a folder (a root package). */
export function avoidWindowsReserved(id: string, suffix = "_"): string {
  return isWindowsReserved(id) ? id + suffix : id;
}

/**
 * Characters that must never reach a contract file verbatim: controls, line/paragraph separators
 * (line terminators in JS), bidi overrides ("Trojan Source"; rustc rejects them in comments),
 * other format characters and lone surrogates. They are written as a visible `<U+XXXX>`.
 */
const HAZARD = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NEEDS_SANITIZING = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\uD800-\uDFFF]/;

/** Makes text safe to show on one line anywhere: hazards made visible, tabs and newlines to spaces. */
export function sanitizeLine(text: string): string {
  // Fast path: most text holds nothing to replace (this runs on every interpolated value).
  if (!NEEDS_SANITIZING.test(text)) return text;
  return text
    .replace(/\r\n?|\n|\t/g, " ")
    .replace(HAZARD, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`);
}

/**
 * Makes one line of text inert inside a comment of the given style. The result never contains a
 * line terminator, never closes the comment, and (for Java) never holds a `\u` escape.
 */
export function sanitizeCommentText(text: string, style: CommentStyle): string {
  let s = sanitizeLine(text);
  switch (style) {
    case "jsdoc":
      s = s.replace(/\*\//g, "*\\/");
      break;
    case "javadoc":
      // Doubling every backslash leaves no `\u` preceded by an even run of backslashes, so javac
      // decodes no unicode escape (which could otherwise smuggle in a line break or `*/`).
      s = s.replace(/\\/g, "\\\\").replace(/\*\//g, "*\\/");
      break;
    case "slash-line":
    case "hash-line":
    case "mermaid":
      // A trailing backslash would continue a C-preprocessor-style line comment in some tools.
      s = s.replace(/\\$/, "\\ ");
      break;
    case "python-docstring":
      s = s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      break;
    case "html":
      s = s.replace(/-(?=-)/g, "- ").replace(/-$/, "- ").replace(/^>/, " >");
      break;
  }
  return s.trimEnd();
}

/** Sanitises many lines for one comment; lines are already split by the caller. */
export function sanitizeCommentLines(lines: readonly string[], style: CommentStyle): string[] {
  return lines.map((l) => sanitizeCommentText(l, style));
}

/** `\uXXXX` for every hazard character (see sanitizeLine), so escaped literals keep their exact value. */
function escapeHazards(text: string, form: (cp: number) => string): string {
  return text.replace(HAZARD, (c) => form(c.codePointAt(0) ?? 0));
}

const u4 = (cp: number): string => `\\u${cp.toString(16).padStart(4, "0")}`;

/** A double-quoted string literal valid in TypeScript/JavaScript and JSON, holding exactly `text`. */
export function quoteJsString(text: string): string {
  // JSON.stringify escapes quotes, backslashes, C0 controls and lone surrogates; the remaining
  // invisible or line-breaking characters are escaped too so the literal reads the same everywhere.
  return escapeHazards(JSON.stringify(text), u4);
}

/** A double-quoted Python string literal holding exactly `text`. */
export function quotePythonString(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return `"${escapeHazards(out, u4)}"`;
}

/**
 * Escapes text for markdown prose (inline, GFM), so statement text never becomes markup or HTML:
 * punctuation that starts markup is backslash-escaped. (A bare URL a statement quotes still shows
 * as a GFM autolink: that is the author's own text, not markup.)
 */
export function escapeMarkdown(text: string): string {
  return sanitizeLine(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}
