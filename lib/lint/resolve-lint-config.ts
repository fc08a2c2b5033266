import { Ajv, type ErrorObject } from "ajv";
import type { LintConfig } from "../config/types.js";
import type { Diagnostic } from "../diagnostics.js";
import { RULES } from "./rules/index.js";
import type { LintRule, RuleSetting } from "./types.js";

export interface ResolveLintConfigOptions {
  /** The `lint:` section as the config loader returns it; absent means all defaults. */
  config?: LintConfig;
  /** Path named in diagnostics. */
  file?: string;
  /** Rules to resolve against (tests pass their own); default: the registry. */
  rules?: readonly LintRule<any>[];
}

export interface ResolvedLint {
  /** Every rule id -> level and options (defaults merged under config). */
  rules: Record<string, RuleSetting>;
  /** Unknown rule ids and invalid options, each naming its key. */
  diagnostics: Diagnostic[];
}

let ajv: Ajv | undefined;

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "";
  if (e.keyword === "additionalProperties") return `unknown option "${String(e.params["additionalProperty"])}"`;
  return `${where ? `${where}: ` : ""}${e.message ?? e.keyword}`;
}

/**
 * Reads the `lint:` section of `.github/penult.yml` against the rule registry: level per rule
 * ("off" | "info" | "warning" | "error", or `{ level, options }`), each rule's options validated
 * by its own `meta.options` schema, `vagueWords` handed to vague-terms. Problems are diagnostics
 * naming the key (`lint.rules.duplicate-statement.options`), never exceptions; a bad entry falls
 * back to the rule's defaults so the rest still lints.
 */
export function resolveLintConfig(options: ResolveLintConfigOptions = {}): ResolvedLint {
  const rules = options.rules ?? RULES;
  const raw = options.config?.rules ?? {};
  const file = options.file ?? ".github/penult.yml";
  const diagnostics: Diagnostic[] = [];
  const known = new Set(rules.map((r) => r.meta.id));
  for (const id of Object.keys(raw).sort()) {
    if (!known.has(id)) {
      const close = [...known].filter((k) => k.split("-").some((part) => id.includes(part))).sort();
      diagnostics.push({
        code: "LINT_CONFIG_UNKNOWN_RULE",
        severity: "error",
        file,
        message: `lint.rules.${id}: no such rule${close.length ? ` (did you mean ${close.join(", ")}?)` : ""}; rules are ${[...known].sort().join(", ")}.`,
      });
    }
  }
  ajv ??= new Ajv({ allErrors: true, strict: false });
  const resolved: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    const id = rule.meta.id;
    const setting = raw[id];
    const level = setting === undefined ? rule.meta.severity : typeof setting === "string" ? setting : setting.level;
    let given: Record<string, unknown> = typeof setting === "object" ? { ...setting.options } : {};
    if (id === "vague-terms" && options.config?.vagueWords?.length) {
      given = { ...given, terms: [...((given["terms"] as string[] | undefined) ?? []), ...options.config.vagueWords] };
    }
    const validate = ajv.compile(rule.meta.options);
    if (!validate(given)) {
      for (const e of validate.errors ?? []) {
        diagnostics.push({ code: "LINT_CONFIG_BAD_OPTION", severity: "error", file, message: `lint.rules.${id}.options: ${describe(e)}.` });
      }
      given = {};
    }
    resolved[id] = { level, options: { ...rule.meta.defaults, ...given } };
  }
  return { rules: resolved, diagnostics };
}
