import { editDistance } from "../edit-distance.js";
import { createConfinedFs } from "../confined-fs.js";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import type { TreeReader } from "../git/tree-reader.js";
import { checkConfigPaths } from "./check-config-paths.js";
import { CONFIG_SCHEMA } from "./config-schema.js";
import {
  DEFAULT_BRANCH,
  DEFAULT_CONFIG,
  DEFAULT_IMPLEMENT,
  DEFAULT_TEMPLATES,
  type PenultConfig,
} from "./types.js";

/** Where the config lives, relative to the repository root (the GitHub App reads the same file). */
export const CONFIG_PATH = ".github/penult.yml";
const ALTERNATE_PATH = ".github/penult.yaml";
/** Both spellings, in the order they are looked for (the CLI and the App read the same files). */
export const CONFIG_PATHS: readonly string[] = [CONFIG_PATH, ALTERNATE_PATH];

/** A config with every optional section filled in: what commands work with. */
export type ResolvedConfig = PenultConfig &
  Required<Pick<PenultConfig, "lint" | "implement" | "templates" | "branch">>;

export interface ParseConfigResult {
  config: ResolvedConfig;
  /** Errors name the file, line and key. When there are errors, `config` holds the defaults. */
  diagnostics: Diagnostic[];
  /** The keys as written (before defaults), when the config is valid: what a merge of two configs needs. */
  raw?: Partial<PenultConfig>;
  /** The value of `_extends` (GitHub App only), when `allowExtends` was set and the file has one. */
  extends?: { value: string; line?: number };
}

let validator: ReturnType<Ajv2020["compile"]> | undefined;
function getValidator(): ReturnType<Ajv2020["compile"]> {
  validator ??= new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile(CONFIG_SCHEMA);
  return validator;
}

/** The defaults, fully resolved (what an absent config file means). */
export function resolveDefaults(): ResolvedConfig {
  return resolveConfig({});
}

/**
 * Parses and validates the text of `.github/penult.yml`. Pure: callers read the text (from the
 * working tree, a git revision or the GitHub API). Every problem is reported at once, each naming
 * the key and its line.
 */
export function parseConfig(options: { text: string; file?: string; allowExtends?: boolean }): ParseConfigResult {
  const file = options.file ?? CONFIG_PATH;
  const lineCounter = new LineCounter();
  const doc = parseDocument(options.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      config: resolveDefaults(),
      diagnostics: doc.errors.map((e) => ({
        code: "CONFIG_YAML",
        severity: "error",
        message: `${file} is not valid YAML: ${e.message.split("\n")[0]}. Fix the YAML syntax (indentation, quotes, colons).`,
        file,
        ...at(e.pos[0]),
      })),
    };
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || Array.isArray(raw) || raw === null) {
    return {
      config: resolveDefaults(),
      diagnostics: [
        {
          code: "CONFIG_INVALID",
          severity: "error",
          message: `${file} must be a mapping of keys (statements:, output:, targets:, ...), not a ${Array.isArray(raw) ? "list" : typeof raw}.`,
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  let extendsKey: ParseConfigResult["extends"];
  if (options.allowExtends && "_extends" in raw) {
    const value = (raw as Record<string, unknown>)._extends;
    const line = at(findOffset(doc, ["_extends"], true)).line;
    if (typeof value !== "string" || value.trim() === "") {
      return { config: resolveDefaults(), diagnostics: [{ code: "CONFIG_INVALID", severity: "error", message: "_extends must name a repository, e.g. _extends: .github", file, ...(line ? { line } : {}) }] };
    }
    extendsKey = { value: value.trim(), ...(line ? { line } : {}) };
    delete (raw as Record<string, unknown>)._extends;
  }
  const validate = getValidator();
  if (validate(raw)) {
    // Paths are checked once the shapes are right: a config may not point penult outside the repository.
    const confined = checkConfigPaths(raw as Partial<PenultConfig>).map((p) => ({
      code: "CONFIG_PATH_OUTSIDE",
      severity: "error" as const,
      message: `${formatKey(p.path)} ${p.message}`,
      file,
      ...at(findOffset(doc, p.path, false)),
    }));
    if (confined.length) return { config: resolveDefaults(), diagnostics: confined };
    return { config: resolveConfig(raw as Partial<PenultConfig>), diagnostics: [], raw: raw as Partial<PenultConfig>, ...(extendsKey ? { extends: extendsKey } : {}) };
  }
  const diagnostics = describeErrors(validate.errors ?? []).map((e) => ({
    code: "CONFIG_INVALID",
    severity: "error" as const,
    message: e.message,
    file,
    ...at(findOffset(doc, e.path, e.keyOnly)),
  }));
  return { config: resolveDefaults(), diagnostics };
}

/**
 * Reads `.github/penult.yml` (or `.yaml`) under `root`. An absent file means the defaults; an
 * unreadable or invalid one gives diagnostics (and the defaults, so callers can still explain).
 */
export function loadConfig(options: { root: string }): ParseConfigResult & { file?: string } {
  const fs = createConfinedFs(options.root);
  for (const rel of CONFIG_PATHS) {
    if (!fs.exists(rel) && !fs.linkIn(rel)) continue;
    const link = fs.linkIn(rel);
    const text = link ? undefined : fs.read(rel);
    if (text === undefined) {
      const why = link ? `${link} is a symbolic link, and penult reads nothing through links` : "it is not a readable file";
      return {
        config: resolveDefaults(),
        file: rel,
        diagnostics: [{ code: "CONFIG_UNREADABLE", severity: "error", message: `cannot read ${rel}: ${why}`, file: rel }],
      };
    }
    return { ...parseConfig({ text, file: rel }), file: rel };
  }
  return { config: resolveDefaults(), diagnostics: [] };
}

/**
 * The config text of a tree (a git revision, a commit's archive): `.github/penult.yml`, else
 * `.github/penult.yaml`, as {@link loadConfig} reads them on disk. Undefined when there is none.
 */
export async function readConfigText(tree: TreeReader): Promise<{ file: string; text: string } | undefined> {
  const listed = new Set(await tree.listFiles(CONFIG_PATHS));
  const file = CONFIG_PATHS.find((p) => listed.has(p));
  return file === undefined ? undefined : { file, text: new TextDecoder().decode(await tree.readFile(file)) };
}

/** Applies defaults to a config that already passed validation. */
export function resolveConfig(raw: Partial<PenultConfig> & { statements?: string | string[] }): ResolvedConfig {
  const statements = raw.statements === undefined ? DEFAULT_CONFIG.statements : typeof raw.statements === "string" ? [raw.statements] : raw.statements;
  return {
    statements: [...statements],
    output: trimSlashes(raw.output ?? DEFAULT_CONFIG.output),
    targets: [...(raw.targets ?? DEFAULT_CONFIG.targets)],
    names: { ...DEFAULT_CONFIG.names, ...raw.names },
    ...(raw.system !== undefined ? { system: raw.system } : {}),
    ...(raw.naming ? { naming: { ...(raw.naming.operations ? { operations: { ...raw.naming.operations } } : {}) } } : {}),
    lint: { rules: { ...raw.lint?.rules }, ...(raw.lint?.vagueWords ? { vagueWords: [...raw.lint.vagueWords] } : {}) },
    implement: { ...DEFAULT_IMPLEMENT, ...raw.implement },
    templates: trimSlashes(raw.templates ?? DEFAULT_TEMPLATES),
    branch: raw.branch ?? DEFAULT_BRANCH,
    ...(raw.llm ? { llm: { ...raw.llm } } : {}),
  };
}

function trimSlashes(p: string): string {
  return p.replace(/^\.\//, "").replace(/\/+$/, "") || ".";
}

interface Described {
  path: (string | number)[];
  /** Point at the key itself (unknown keys) rather than its value. */
  keyOnly: boolean;
  message: string;
}

const HINTS: Record<string, string> = {
  "/output": "a folder relative to the repository root, without a leading / or ..",
  "/templates": "a folder relative to the repository root",
  "/branch": "a git branch name such as penult/contracts",
  "/names": "an identifier: letters, digits and _, not starting with a digit",
  "/lint/rules": "a rule id in kebab-case, e.g. vague-word",
};

/** Turns ajv errors into one sentence per problem that names the key and says how to fix it. */
function describeErrors(errors: readonly ErrorObject[]): Described[] {
  const unionPaths = new Set(errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((e) => e.instancePath));
  const out: Described[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // A failed oneOf also reports why each branch failed; its own message says it better.
    const isUnion = e.keyword === "oneOf" || e.keyword === "anyOf";
    if (!isUnion && [...unionPaths].some((p) => e.instancePath.startsWith(p) && /\/(one|any)Of\//.test(e.schemaPath))) continue;
    const path = e.instancePath.split("/").slice(1).map(unescapePointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const key = formatKey(path);
    const generic = e.instancePath.replace(/\/[^/]+$/, "");
    let d: Described;
    switch (e.keyword) {
      case "additionalProperties": {
        const extra = String((e.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys(schemaAt(e.schemaPath)?.properties ?? {});
        const guess = closest(extra, known);
        d = {
          path: [...path, extra],
          keyOnly: true,
          message: `unknown key ${formatKey([...path, extra])}${guess ? `; did you mean "${guess}"?` : ""} Known keys${key ? ` in ${key}` : ""}: ${known.join(", ")}.`,
        };
        break;
      }
      case "enum": {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        d = { path, keyOnly: false, message: `${key} must be one of: ${allowed.join(", ")} (got ${JSON.stringify(valueOf(e))}).` };
        break;
      }
      case "type":
        d = { path, keyOnly: false, message: `${key || "the config"} must be ${article((e.params as { type: string }).type)} (got ${describeValue(valueOf(e))}).` };
        break;
      case "oneOf":
      case "anyOf":
        d = {
          path,
          keyOnly: false,
          message: e.instancePath.startsWith("/lint/rules/")
            ? `${key} must be off, info, warning or error, or { level: <one of those>, options: {...} } (got ${describeValue(valueOf(e))}).`
            : `${key} must be a glob string or a list of glob strings, e.g. statements: ["statements/**/*.md"].`,
        };
        break;
      case "pattern": {
        const hint = HINTS[e.instancePath] ?? HINTS[generic] ?? `text matching ${(e.params as { pattern: string }).pattern}`;
        d = { path, keyOnly: false, message: `${key} must be ${hint} (got ${JSON.stringify(valueOf(e))}).` };
        break;
      }
      case "propertyNames": {
        const name = String((e.params as { propertyName: string }).propertyName);
        d = { path: [...path, name], keyOnly: true, message: `${formatKey([...path, name])}: key must be ${HINTS[e.instancePath] ?? "a valid name"}.` };
        break;
      }
      case "uniqueItems":
        d = { path, keyOnly: false, message: `${key} lists the same value twice; remove the duplicate.` };
        break;
      case "minItems":
      case "minLength":
        d = { path, keyOnly: false, message: `${key} must not be empty.` };
        break;
      default:
        d = { path, keyOnly: false, message: `${key || "the config"} ${e.message ?? "is invalid"}.` };
    }
    const sig = `${formatKey(d.path)}|${d.message}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push(d);
  }
  return out;
}

function valueOf(e: ErrorObject): unknown {
  return e.data;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `targets[1]`, `lint.rules.vague-word`, `names["order total"]`. */
export function formatKey(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)) s += s ? `.${p}` : p;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s;
}

function article(t: string): string {
  if (t === "array") return "a list";
  if (t === "object") return "a mapping (key: value lines)";
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function describeValue(v: unknown): string {
  if (v === null) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

interface SchemaNode {
  properties?: Record<string, unknown>;
}

function schemaAt(schemaPath: string): SchemaNode | undefined {
  // "#/properties/lint/additionalProperties" -> the object holding that keyword.
  const parts = schemaPath.replace(/^#\/?/, "").split("/").slice(0, -1);
  let node: unknown = CONFIG_SCHEMA;
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[unescapePointer(p)];
  return node as SchemaNode | undefined;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}


/** Source offset of the value (or key) at `path` in the YAML document, for file:line positions. */
function findOffset(doc: Document, path: readonly (string | number)[], keyOnly: boolean): number | undefined {
  let node: unknown = doc.contents;
  let lastKeyOffset: number | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      lastKeyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (keyOnly && i === path.length - 1) return lastKeyOffset;
      node = pair.value;
    } else if (node && typeof node === "object" && "items" in node && typeof seg === "number") {
      node = (node as { items: unknown[] }).items[seg];
    } else break;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0] ?? lastKeyOffset ?? 0;
}
