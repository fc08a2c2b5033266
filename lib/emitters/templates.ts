import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Mustache from "mustache";
import { DEFAULT_JOB_LIMITS, type JobLimits } from "../limits/job-limits.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import { sanitizeLine } from "./identifiers.js";
import type { TemplateSource } from "./types.js";

/**
 * Templates are Mustache (logic-less): a repository's own copy under `.penult/templates/<target>/`
 * can change layout and wording but cannot run code inside the CLI or the GitHub App, which a
 * Handlebars/EJS/Eta template could (helpers, embedded JS). Emitters pass views whose values are
 * already valid identifiers or already-sanitised comment lines; on top of that every string of the
 * view goes through {@link sanitizeLine}, so no interpolation (escaped or raw) can ever inject a
 * line break (which would end a line comment) or a bidi/control character, whatever a template
 * author writes.
 */

/** Renders the templates of one target. */
export interface TemplateRenderer {
  /**
   * Renders `<target>/<name>.mustache` with `view`. Partials `{{> doc}}` resolve to
   * `<target>/doc.mustache` through the same source (overrides first, then built-ins).
   */
  render(name: string, view: object): string;
}

let builtinRoot: string | undefined;

/** The `templates/` folder shipped with the package (works from lib/ under ts-jest and from dist/). */
function findBuiltinRoot(): string {
  if (builtinRoot) return builtinRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "templates");
    if (existsSync(join(dir, "package.json")) && existsSync(candidate)) return (builtinRoot = candidate);
    dir = dirname(dir);
  }
  throw new Error("penult: cannot find the built-in templates/ folder next to package.json");
}

const builtinCache = new Map<string, string | undefined>();

/**
 * The templates that ship with penult (`templates/<target>/<name>.mustache`). Reading the package's
 * own files does not make emitting impure: they are part of the program, not of the input.
 */
export const builtinTemplateSource: TemplateSource = (name) => {
  if (builtinCache.has(name)) return builtinCache.get(name);
  if (name.includes("..") || name.startsWith("/")) return undefined;
  const file = join(findBuiltinRoot(), ...name.split("/"));
  const text = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  builtinCache.set(name, text);
  return text;
};

/** A TemplateSource over an in-memory record `{ "typescript/module.ts.mustache": "..." }`, keyed by its content. */
export function createRecordTemplateSource(files: Readonly<Record<string, string>>): TemplateSource {
  const source = (name: string) => (Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined);
  const hash = createHash("sha256");
  for (const name of Object.keys(files).sort()) hash.update(`${name}\0${files[name]}\0`);
  return Object.assign(source, { key: hash.digest("hex") });
}

/** Overrides first, built-ins second. */
export function layerTemplateSources(...sources: (TemplateSource | undefined)[]): TemplateSource {
  return (name) => {
    for (const s of sources) {
      const t = s?.(name);
      if (t !== undefined) return t;
    }
    return undefined;
  };
}

// Views are sanitised as a whole (sanitizeView), so interpolation itself needs no escaping.
const escape = (value: unknown): string => (typeof value === "string" ? value : sanitizeLine(String(value)));

/**
 * Every string of a view made single-line and free of hazard characters before rendering, so even
 * `{{{raw}}}` or `{{& raw}}` in an override template cannot inject a line break. Multi-line content
 * is always passed as arrays of lines.
 */
function sanitizeView(value: unknown): unknown {
  if (typeof value === "string") return sanitizeLine(value);
  if (Array.isArray(value)) return value.map(sanitizeView);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = sanitizeView(v);
    return out;
  }
  return value;
}

/**
 * What the templates of one job have cost so far, against their limits. One meter is shared by
 * every renderer of a job, so a repository cannot spread a template bomb over many targets.
 */
export interface RenderMeter {
  /** Characters rendered plus template tags visited (an empty nested section costs too). */
  used: number;
  readonly limits: Pick<JobLimits, "renderedChars" | "partialDepth">;
}

/** A fresh meter (default limits unless given). */
export function createRenderMeter(limits: Partial<Pick<JobLimits, "renderedChars" | "partialDepth">> = {}): RenderMeter {
  return { used: 0, limits: { renderedChars: limits.renderedChars ?? DEFAULT_JOB_LIMITS.renderedChars, partialDepth: limits.partialDepth ?? DEFAULT_JOB_LIMITS.partialDepth } };
}

type Token = string[];
type Partials = Parameters<Mustache.Writer["renderPartial"]>[2];
type Config = Parameters<Mustache.Writer["renderPartial"]>[3];

/**
 * Mustache's writer with a budget: partials nest at most `partialDepth` deep, and the work of a
 * render (output characters plus tags visited) counts against the job's meter. Mustache itself has
 * neither limit, so ten partials that each include the next ten times would render 10^10 times.
 * A writer per renderer also means a template cache per renderer (the module-wide
 * `Mustache.render` cache is never cleared, so override templates would pile up across jobs).
 */
class BoundedWriter extends Mustache.Writer {
  private depth = 0;

  constructor(private readonly meter: RenderMeter) {
    super();
  }

  private spend(units: number): void {
    this.meter.used += units;
    if (this.meter.used > this.meter.limits.renderedChars) {
      throw new LimitExceededError("renderedChars", `the templates rendered more than ${this.meter.limits.renderedChars} characters`);
    }
  }

  private counted<T>(value: T): T {
    if (typeof value === "string") this.spend(value.length);
    return value;
  }

  override renderTokens(tokens: Token[], context: Mustache.Context, partials?: Partials, originalTemplate?: string, config?: Mustache.RenderOptions): string {
    this.spend(1 + tokens.length);
    return super.renderTokens(tokens, context, partials, originalTemplate, config);
  }

  override renderPartial(token: Token, context: Mustache.Context, partials?: Partials, config?: Config): string {
    if (this.depth >= this.meter.limits.partialDepth) {
      throw new LimitExceededError("partialDepth", `template partial ${JSON.stringify(String(token[1]).slice(0, 60))} is included more than ${this.meter.limits.partialDepth} levels deep`);
    }
    this.depth++;
    try {
      return super.renderPartial(token, context, partials, config);
    } finally {
      this.depth--;
    }
  }

  override rawValue(token: Token): string {
    return this.counted(super.rawValue(token));
  }

  override escapedValue(token: Token, context: Mustache.Context, config?: Mustache.RenderOptions): string {
    return this.counted(super.escapedValue(token, context, config));
  }

  override unescapedValue(token: Token, context: Mustache.Context): string {
    return this.counted(super.unescapedValue(token, context));
  }
}

/**
 * A renderer for one target over a source. Throws when a template is missing (a programming
 * error), and a {@link LimitExceededError} when the templates go over the meter's limits.
 */
export function createTemplateRenderer(options: { target: string; source: TemplateSource; meter?: RenderMeter }): TemplateRenderer {
  const { target, source } = options;
  const writer = new BoundedWriter(options.meter ?? createRenderMeter());
  const load = (name: string): string => {
    const text = source(`${target}/${name}.mustache`);
    if (text === undefined) throw new Error(`penult: template ${target}/${name}.mustache not found`);
    // CRLF from a Windows checkout of an override must not leak into the output.
    return text.replace(/\r\n?/g, "\n");
  };
  const partial = (name: string): string | undefined => {
    const text = source(`${target}/${name}.mustache`);
    return text === undefined ? undefined : text.replace(/\r\n?/g, "\n");
  };
  return {
    render(name, view) {
      return writer.render(load(name), sanitizeView(view), partial, { escape });
    },
  };
}

/**
 * Normal form of every emitted file: LF, no trailing spaces, no runs of more than two blank lines,
 * exactly one final newline. Applied by emitContracts, so template overrides cannot break it.
 */
export function normalizeFileContent(text: string): string {
  // Fast path: emitters' own output is usually already normal but for the newlines at its end;
  // one native scan instead of a rebuild.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && text.charCodeAt(0) !== 10) {
    const body = end === text.length ? text : text.slice(0, end);
    if (!/\r|[^\S\n]\n|\n\n\n\n|\s$/.test(body)) return end === text.length - 1 ? text : body + "\n";
  }
  const src = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  // One pass over the lines that copies unchanged stretches as whole slices: splitting 100 MB of
  // output into lines and joining them again cost a second per run.
  const parts: string[] = [];
  let kept = 0; // non-blank lines kept so far
  let blanks = 0; // blank lines waiting for the next non-blank line (at most 2; none at the end)
  let clean = true; // the blank lines since the last kept line were empty and all kept
  let from = 0; // pending slice src[from, to): kept lines exactly as in src, with their newlines
  let to = 0;
  for (let pos = 0; pos <= src.length; ) {
    let nl = src.indexOf("\n", pos);
    if (nl < 0) nl = src.length;
    let end = nl;
    while (end > pos && isTrimmedEnd(src.charCodeAt(end - 1))) end--;
    if (end === pos) {
      if (kept > 0 && blanks < 2) blanks++;
      else clean = false;
      if (nl !== pos) clean = false;
    } else {
      if (kept > 0 && clean && pos - to === blanks + 1) to = end;
      else {
        if (to > from) parts.push(src.slice(from, to));
        if (kept > 0) parts.push("\n".repeat(blanks + 1));
        from = pos;
        to = end;
      }
      kept++;
      blanks = 0;
      clean = true;
    }
    pos = nl + 1;
  }
  if (to > from) parts.push(src.slice(from, to));
  parts.push("\n");
  return parts.join("");
}

/** The characters String.prototype.trimEnd removes (white space and line terminators). */
function isTrimmedEnd(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}
