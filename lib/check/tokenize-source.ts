/**
 * A lexer for the brace languages the n-1 guard checks (Java, C#, Go, Rust). It does not parse;
 * it only has to be exact about what is NOT code — comments, strings, chars, raw strings, text
 * blocks, interpolations — so that the structural scanners that count braces downstream never
 * see a brace that lives inside a string or a comment.
 */

export type SourceLanguage = "java" | "csharp" | "go" | "rust";

export interface Token {
  kind: "ident" | "punct" | "string" | "number" | "char" | "lifetime";
  /** Identifier text (raw identifiers without `r#`/`@`), punctuation, or the literal as written. */
  text: string;
  /** 1-based line of the token's first character in the original file. */
  line: number;
  /** 1-based column (UTF-16 units) of the token's first character. */
  column: number;
  /** A line break separates this token from the previous one (Go's semicolon insertion needs it). */
  newlineBefore: boolean;
  /** For C# `@class` / Rust `r#type`: written as a raw/verbatim identifier, so never a keyword. */
  raw?: boolean;
}

/** Thrown for input the lexer cannot read (unterminated string or comment). */
export class LexError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const MULTI_PUNCT = ["->", "=>", "::", "||", "&&"];

const ID_START = /[\p{L}\p{Nl}_]/u;
const ID_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Cf}_]/u;

/**
 * Java decodes `\uXXXX` escapes before anything else, even inside comments, so a comment holding
 * `\u002a\u002f` ends there. Decoding first (keeping every decoded char's original position) makes
 * the lexer see what javac sees.
 */
function decodeJavaUnicodeEscapes(text: string): { text: string; origin: number[] } {
  if (!text.includes("\\u")) return { text, origin: [] };
  let out = "";
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\\") {
      // Count the run of backslashes: only an odd-positioned one can start an escape.
      let j = i;
      while (text[j] === "\\") j++;
      const run = j - i;
      // All but possibly the last backslash are plain.
      for (let k = 0; k < run - 1; k++) {
        out += "\\";
        origin.push(i + k);
      }
      const last = j - 1;
      if (run % 2 === 1 && text[j] === "u") {
        let k = j;
        while (text[k] === "u") k++;
        const hex = text.slice(k, k + 4);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          origin.push(last);
          i = k + 4;
          continue;
        }
      }
      out += "\\";
      origin.push(last);
      i = j;
      continue;
    }
    out += ch;
    origin.push(i);
    i++;
  }
  return { text: out, origin };
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private sawNewline = false;
  /** Offsets of line starts in the original text. */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly src: string,
    private readonly lang: SourceLanguage,
    private readonly origin: number[],
    original: string,
  ) {
    for (let i = 0; i < original.length; i++) if (original[i] === "\n") this.lineStarts.push(i + 1);
  }

  private where(at: number): { line: number; column: number } {
    const off = this.origin.length ? (this.origin[Math.min(at, this.origin.length - 1)] ?? 0) : at;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: off - this.lineStarts[lo]! + 1 };
  }

  private fail(message: string, at: number): never {
    const { line, column } = this.where(at);
    throw new LexError(message, line, column);
  }

  private push(kind: Token["kind"], text: string, start: number, raw?: boolean): void {
    const { line, column } = this.where(start);
    const t: Token = { kind, text, line, column, newlineBefore: this.sawNewline };
    if (raw) t.raw = true;
    this.tokens.push(t);
    this.sawNewline = false;
  }

  run(): Token[] {
    const s = this.src;
    // A `#!` first line (Rust shebang) is not code unless it is an inner attribute `#![`.
    if (this.lang === "rust" && s.startsWith("#!") && !/^#!\s*\[/.test(s)) {
      while (this.pos < s.length && s[this.pos] !== "\n") this.pos++;
    }
    while (this.pos < s.length) this.next(undefined);
    return this.tokens;
  }

  /**
   * Lexes one token (or skips trivia). With `until`, used inside a C# interpolation hole: returns
   * true when the hole's closing `}` was consumed.
   */
  private next(hole: { depth: number } | undefined): boolean {
    const s = this.src;
    const lang = this.lang;
    const ch = s[this.pos]!;
    const start = this.pos;
    if (ch === "\n") {
      this.sawNewline = true;
      this.pos++;
      return false;
    }
    if (/\s/.test(ch)) {
      this.pos++;
      return false;
    }
    if (ch === "/" && s[start + 1] === "/") {
      while (this.pos < s.length && s[this.pos] !== "\n") this.pos++;
      return false;
    }
    if (ch === "/" && s[start + 1] === "*") {
      this.skipBlockComment();
      return false;
    }
    if (lang === "csharp" && ch === "#" && this.atLineStart(start)) {
      // Preprocessor directive: the whole line.
      while (this.pos < s.length && s[this.pos] !== "\n") this.pos++;
      return false;
    }
    // Literals
    if (lang === "rust" && (ch === "b" || ch === "c" || ch === "r") && this.tryRustPrefixedLiteral()) return false;
    if (lang === "csharp" && (ch === "$" || ch === "@" || ch === '"') && this.tryCSharpString()) return false;
    if (ch === '"') {
      if (lang === "java" && s.startsWith('"""', start)) this.javaTextBlock();
      else this.quoted('"', lang === "rust" /* multi-line */);
      return false;
    }
    if (ch === "`" && lang === "go") {
      const end = s.indexOf("`", start + 1);
      if (end < 0) this.fail("unterminated raw string", start);
      this.pos = end + 1;
      this.push("string", s.slice(start, this.pos), start);
      return false;
    }
    if (ch === "'") {
      if (lang === "rust") this.rustQuote();
      else this.quoted("'", false, "char");
      return false;
    }
    if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(s[start + 1] ?? ""))) {
      this.number();
      return false;
    }
    // Identifiers (incl. C# `@verbatim`, Rust `r#raw`, Java `$`)
    if (lang === "csharp" && ch === "@" && this.identStartAt(start + 1)) {
      this.pos++;
      this.ident(start + 1, true);
      return false;
    }
    if (lang === "rust" && ch === "r" && s[start + 1] === "#" && this.identStartAt(start + 2)) {
      this.pos += 2;
      this.ident(start + 2, true);
      return false;
    }
    if (this.identStartAt(start) || (lang === "java" && ch === "$")) {
      this.ident(start, false);
      return false;
    }
    for (const p of MULTI_PUNCT) {
      if (s.startsWith(p, start)) {
        this.pos += p.length;
        this.push("punct", p, start);
        return false;
      }
    }
    this.pos++;
    if (hole) {
      if (ch === "{") hole.depth++;
      else if (ch === "}") {
        if (hole.depth === 0) return true;
        hole.depth--;
      }
    }
    this.push("punct", ch, start);
    return false;
  }

  private atLineStart(at: number): boolean {
    for (let i = at - 1; i >= 0; i--) {
      const c = this.src[i]!;
      if (c === "\n") return true;
      if (c !== " " && c !== "\t" && c !== "\r") return false;
    }
    return true;
  }

  private identStartAt(at: number): boolean {
    const cp = this.src.codePointAt(at);
    if (cp === undefined) return false;
    return ID_START.test(String.fromCodePoint(cp));
  }

  private ident(from: number, raw: boolean): void {
    const s = this.src;
    const begin = this.pos;
    while (this.pos < s.length) {
      const cp = s.codePointAt(this.pos)!;
      const c = String.fromCodePoint(cp);
      if (ID_PART.test(c) || (this.lang === "java" && c === "$")) this.pos += c.length;
      else break;
    }
    void begin;
    this.push("ident", s.slice(from, this.pos), raw ? from - (this.lang === "rust" ? 2 : 1) : from, raw);
  }

  private number(): void {
    const s = this.src;
    const start = this.pos;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (/[0-9A-Za-z_]/.test(c)) this.pos++;
      else if (c === "." && /[0-9]/.test(s[this.pos + 1] ?? "")) this.pos++;
      else if ((c === "+" || c === "-") && /[eEpP]/.test(s[this.pos - 1] ?? "") && !/^0[xX]/.test(s.slice(start, start + 2))) this.pos++;
      else break;
    }
    this.push("number", s.slice(start, this.pos), start);
  }

  private skipBlockComment(): void {
    const s = this.src;
    const start = this.pos;
    this.pos += 2;
    let depth = 1;
    while (this.pos < s.length) {
      if (s[this.pos] === "*" && s[this.pos + 1] === "/") {
        this.pos += 2;
        depth--;
        if (depth === 0) return;
        continue;
      }
      // Only Rust nests block comments.
      if (this.lang === "rust" && s[this.pos] === "/" && s[this.pos + 1] === "*") {
        this.pos += 2;
        depth++;
        continue;
      }
      if (s[this.pos] === "\n") this.sawNewline = true;
      this.pos++;
    }
    this.fail("unterminated block comment", start);
  }

  /** A `"`/`'` literal with backslash escapes. */
  private quoted(q: string, multiline: boolean, kind: Token["kind"] = "string"): void {
    const s = this.src;
    const start = this.pos;
    this.pos++;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === "\\") {
        this.pos += 2;
        continue;
      }
      if (c === q) {
        this.pos++;
        this.push(kind, s.slice(start, this.pos), start);
        return;
      }
      if (c === "\n" && !multiline) break;
      this.pos++;
    }
    this.fail(`unterminated ${kind === "char" ? "character" : "string"} literal`, start);
  }

  private javaTextBlock(): void {
    const s = this.src;
    const start = this.pos;
    this.pos += 3;
    while (this.pos < s.length) {
      if (s[this.pos] === "\\") {
        this.pos += 2;
        continue;
      }
      if (s.startsWith('"""', this.pos)) {
        this.pos += 3;
        this.push("string", s.slice(start, this.pos), start);
        return;
      }
      this.pos++;
    }
    this.fail("unterminated text block", start);
  }

  /** Rust: char literal `'x'`, `'\n'`, `'\u{..}'`, or a lifetime / label `'a`. */
  private rustQuote(): void {
    const s = this.src;
    const start = this.pos;
    if (s[start + 1] === "\\") {
      this.quoted("'", false, "char");
      return;
    }
    const cp = s.codePointAt(start + 1);
    if (cp !== undefined) {
      const w = cp > 0xffff ? 2 : 1;
      if (s[start + 1 + w] === "'") {
        this.pos = start + 2 + w;
        this.push("char", s.slice(start, this.pos), start);
        return;
      }
    }
    if (this.identStartAt(start + 1)) {
      this.pos++;
      const from = this.pos;
      while (this.pos < s.length && ID_PART.test(String.fromCodePoint(s.codePointAt(this.pos)!))) this.pos += s.codePointAt(this.pos)! > 0xffff ? 2 : 1;
      this.push("lifetime", "'" + s.slice(from, this.pos), start);
      return;
    }
    this.fail("stray quote", start);
  }

  /** Rust `b"..."`, `b'x'`, `c"..."`, `r"..."`, `r#"..."#`, `br#".."#`, `cr".."`. */
  private tryRustPrefixedLiteral(): boolean {
    const s = this.src;
    const start = this.pos;
    const m = /^(b|c|br|cr|r)(#{0,255})(["'])/y.exec(s.slice(start, start + 260));
    if (!m) return false;
    const prefix = m[1]!;
    const hashes = m[2]!;
    const quote = m[3]!;
    // An identifier that merely starts with b/c/r (e.g. `br`) followed by a quote cannot occur.
    if (start > 0 && ID_PART.test(s[start - 1]!)) return false;
    const isRaw = prefix.endsWith("r");
    if (!isRaw && hashes) return false;
    if (quote === "'") {
      if (prefix !== "b" || hashes) return false;
      this.pos = start + 1;
      this.quoted("'", false, "char");
      return true;
    }
    if (isRaw) {
      const close = '"' + hashes;
      const bodyStart = start + prefix.length + hashes.length + 1;
      const end = s.indexOf(close, bodyStart);
      if (end < 0) this.fail("unterminated raw string", start);
      this.pos = end + close.length;
      this.push("string", s.slice(start, this.pos), start);
      return true;
    }
    this.pos = start + prefix.length;
    const from = this.pos;
    this.quoted('"', true);
    this.tokens[this.tokens.length - 1]!.text = prefix + s.slice(from, this.pos);
    return true;
  }

  /** C# `@"..."`, `$"..."`, `$@"..."`, `@$"..."`, raw `"""..."""` (also `$$"""`). */
  private tryCSharpString(): boolean {
    const s = this.src;
    const start = this.pos;
    const m = /^(\$*)(@?)(\$*)("+)/.exec(s.slice(start, start + 64));
    if (!m) return false;
    const dollars = m[1]!.length + m[3]!.length;
    const verbatim = m[2] === "@";
    const quotes = m[4]!.length;
    if (!dollars && !verbatim && quotes < 3) return false;
    if (m[1]!.length && m[3]!.length) return false;
    const bodyStart = start + m[0].length;
    if (quotes >= 3 && !verbatim) {
      // Raw string literal: ends at the same run of quotes. Interpolation holes in raw strings are
      // not lexed (they cannot hold the closing quote run, so the extent is still exact).
      const close = '"'.repeat(quotes);
      const end = s.indexOf(close, bodyStart);
      if (end < 0) this.fail("unterminated raw string literal", start);
      let stop = end + quotes;
      while (s[stop] === '"') stop++;
      this.pos = stop;
      this.push("string", s.slice(start, this.pos), start);
      return true;
    }
    // `@""` (empty verbatim) or `$""`: the opening is one quote, the rest belongs to the body.
    this.pos = start + m[1]!.length + m[2]!.length + m[3]!.length + 1;
    const interpolated = dollars > 0;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (!verbatim && c === "\\") {
        this.pos += 2;
        continue;
      }
      if (c === '"') {
        if (verbatim && s[this.pos + 1] === '"') {
          this.pos += 2;
          continue;
        }
        this.pos++;
        this.push("string", s.slice(start, this.pos), start);
        return true;
      }
      if (!verbatim && c === "\n") break;
      if (interpolated && c === "{") {
        if (s[this.pos + 1] === "{") {
          this.pos += 2;
          continue;
        }
        this.pos++;
        const saved = this.tokens.length;
        const hole = { depth: 0 };
        let closed = false;
        while (this.pos < s.length && !closed) closed = this.next(hole);
        if (!closed) this.fail("unterminated interpolation", start);
        // Tokens of the hole are expression code inside a string: irrelevant to the structure.
        this.tokens.length = saved;
        continue;
      }
      this.pos++;
    }
    this.fail("unterminated string literal", start);
  }
}

/** Splits source text into tokens, dropping comments and whitespace. Throws {@link LexError}. */
export function tokenizeSource(options: { text: string; language: SourceLanguage }): Token[] {
  const { language } = options;
  const original = options.text.replace(/^\uFEFF/, "");
  const decoded = language === "java" ? decodeJavaUnicodeEscapes(original) : { text: original, origin: [] };
  return new Lexer(decoded.text, language, decoded.origin, original).run();
}
