/**
 * `.github/penult.yml`, after defaults are applied. The CLI issue owns the full JSON Schema
 * (schema/config.schema.json, generated from lib/config/config-schema.ts) and validation; stages
 * read only what they need from here.
 */
export interface PenultConfig {
  /** Globs of statement files, relative to the repository root. */
  statements: string[];
  /** Folder the contracts are written to. */
  output: string;
  /** Emitter targets turned on. */
  targets: string[];
  /** Naming pins: a phrase (as it appears in statements, any case) -> the name to use. */
  names: Record<string, string>;
  /** Name of the system (root subsystem); derived from the repository folder when absent. */
  system?: string;
  /** Naming style: the verb of each CRUD class of operation (docs/model.md "Operations"). */
  naming?: { operations?: Partial<Record<"create" | "get" | "list" | "search" | "update" | "delete", string>> };
  /** Statement lint: rule id -> severity ("off" turns a rule off). */
  lint?: LintConfig;
  /** Where `penult implement` puts the scaffold (the n layer) and its tests. */
  implement?: ImplementConfig;
  /** Folder of template overrides, `<templates>/<target>/...` (default `.penult/templates`). */
  templates?: string;
  /** Branch `penult sync` (and the GitHub App) commit the contracts to. */
  branch?: string;
  /** Optional LLM engine; absent means offline only. */
  llm?: LlmConfig;
}

export interface LlmConfig {
  /** Model name sent to the OpenAI-compatible endpoint. */
  model: string;
  /** Cache file of answers, committed with the contracts (default `contracts/.penult-cache/llm.jsonl`). */
  cache?: string;
  timeoutMs?: number;
  maxRetries?: number;
  concurrency?: number;
  /** Most requests one run may make (the GitHub App's operator may set a lower bound). */
  maxRequests?: number;
  /** Most tokens one run may spend (the GitHub App's operator may set a lower bound). */
  maxTokens?: number;
}

export type LintSeverity = "off" | "info" | "warning" | "error";

/** A severity, or a severity with options for the rule (validated by the rule's own options schema). */
export type LintRuleSetting = LintSeverity | { level: LintSeverity; options?: Record<string, unknown> };

export interface LintConfig {
  /** Rule id (e.g. `vague-word`) -> setting. Rules not listed keep their default severity. */
  rules: Record<string, LintRuleSetting>;
  /** Extra vague words and phrases to flag, added to the built-in list. */
  vagueWords?: string[];
}

export type ImplementLanguage = "ts" | "python" | "java" | "rust" | "go" | "csharp";

export interface ImplementConfig {
  /** Folder the implementation scaffold goes into. */
  source: string;
  /** Folder its test file goes into. */
  test: string;
  /** Language used when `--lang` is not given. */
  lang: ImplementLanguage;
}

/** Every emitter target penult knows, in the order help texts list them. */
export const ALL_TARGETS = [
  "typescript",
  "python",
  "java",
  "rust",
  "go",
  "csharp",
  "jsonschema",
  "mermaid",
  "markdown",
] as const;

export const DEFAULT_CONFIG: PenultConfig = {
  statements: ["statements/**/*.md"],
  output: "contracts",
  targets: ["typescript", "python", "java", "rust", "go", "csharp", "jsonschema", "mermaid", "markdown"],
  names: {},
};

/** Defaults of the optional sections, applied by the config loader (lib/config/load-config.ts). */
export const DEFAULT_LINT: LintConfig = { rules: {} };
export const DEFAULT_IMPLEMENT: ImplementConfig = { source: "src", test: "test", lang: "ts" };
export const DEFAULT_TEMPLATES = ".penult/templates";
export const DEFAULT_BRANCH = "penult/contracts";
