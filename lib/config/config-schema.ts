import { ALL_TARGETS } from "./types.js";

/**
 * JSON Schema (draft 2020-12) of `.github/penult.yml`. This object is the source; the published
 * copy `schema/config.schema.json` is written from it (`UPDATE=1` on test/cli/config.test.ts) and a
 * test fails when the two differ, so editors that validate YAML against the published URL see the
 * same rules as the CLI.
 */
export const CONFIG_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/penult/penult/blob/main/schema/config.schema.json",
  title: "penult configuration (.github/penult.yml)",
  description: "Where penult reads statements, where it writes contracts, and how it names and lints them. Every key is optional.",
  type: "object",
  additionalProperties: false,
  properties: {
    statements: {
      description: "Glob(s) of statement files, relative to the repository root.",
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
      ],
      default: ["statements/**/*.md"],
    },
    output: {
      description: "Folder the model, contracts and diagrams are written to, relative to the repository root.",
      type: "string",
      minLength: 1,
      pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$",
      default: "contracts",
    },
    targets: {
      description: "Contract targets to emit. Leave one out to turn it off.",
      type: "array",
      items: { enum: [...ALL_TARGETS] },
      uniqueItems: true,
      default: [...ALL_TARGETS],
    },
    names: {
      description: "Naming pins: a phrase as written in statements (any case) -> the name penult must use for it.",
      type: "object",
      additionalProperties: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      default: {},
    },
    naming: {
      description: "How penult names what it builds (docs/model.md \"Operations\").",
      type: "object",
      additionalProperties: false,
      properties: {
        operations: {
          description: "The verb each CRUD class of operation is named with: { create: add, get: find, ... }. Defaults: create, get, list, search, update, delete.",
          type: "object",
          additionalProperties: false,
          properties: Object.fromEntries(["create", "get", "list", "search", "update", "delete"].map((k) => [k, { type: "string", pattern: "^[a-z][a-zA-Z]*$" }])),
        },
      },
    },
    system: {
      description: "Name of the system (the root subsystem). Default: derived from the repository folder.",
      type: "string",
      minLength: 1,
    },
    lint: {
      description: "Statement lint (`penult check`).",
      type: "object",
      additionalProperties: false,
      properties: {
        rules: {
          description: "Rule id -> severity (off, info, warning, error), or { level, options }. Rules not listed keep their default severity.",
          type: "object",
          propertyNames: { pattern: "^[a-z][a-z0-9-]*$" },
          additionalProperties: {
            anyOf: [
              { enum: ["off", "info", "warning", "error"] },
              {
                type: "object",
                additionalProperties: false,
                required: ["level"],
                properties: { level: { enum: ["off", "info", "warning", "error"] }, options: { type: "object" } },
              },
            ],
          },
          default: {},
        },
        vagueWords: {
          description: "Extra vague words or phrases to flag, added to the built-in list.",
          type: "array",
          items: { type: "string", minLength: 1 },
          uniqueItems: true,
        },
      },
    },
    implement: {
      description: "Where `penult implement` writes the scaffold (the n layer) and its tests.",
      type: "object",
      additionalProperties: false,
      properties: {
        source: { description: "Folder for the implementation scaffold.", type: "string", minLength: 1, default: "src" },
        test: { description: "Folder for the scaffold's test file.", type: "string", minLength: 1, default: "test" },
        lang: {
          description: "Language used when --lang is not given.",
          enum: ["ts", "python", "java", "rust", "go", "csharp"],
          default: "ts",
        },
      },
    },
    templates: {
      description: "Folder of template overrides (`<templates>/<target>/...`).",
      type: "string",
      minLength: 1,
      default: ".penult/templates",
    },
    llm: {
      description:
        "Optional LLM engine (any OpenAI-compatible endpoint; OPENAI_BASE_URL and OPENAI_API_KEY come from the environment). Off unless `model` is set; the offline extractor always runs and is the fallback.",
      type: "object",
      additionalProperties: false,
      required: ["model"],
      properties: {
        model: { description: "Model name sent to the endpoint, e.g. gpt-4o-mini.", type: "string", minLength: 1 },
        cache: { description: "Answer cache committed with the contracts, so the same statements give the same bytes.", type: "string", minLength: 1, default: "contracts/.penult-cache/llm.jsonl" },
        timeoutMs: { description: "Timeout of one request in milliseconds.", type: "integer", minimum: 1000, default: 30000 },
        maxRetries: { description: "Retries on 429 and 5xx (with back-off).", type: "integer", minimum: 0, maximum: 10, default: 2 },
        concurrency: { description: "Requests in flight at once.", type: "integer", minimum: 1, maximum: 32, default: 4 },
        maxRequests: { description: "Most requests one run may make. The GitHub App applies the lower of this and its operator's limit.", type: "integer", minimum: 1 },
        maxTokens: { description: "Most tokens (prompt + completion) one run may spend. The GitHub App applies the lower of this and its operator's limit.", type: "integer", minimum: 1 },
      },
    },
    branch: {
      description: "Branch that `penult sync` and the GitHub App commit the contracts to.",
      type: "string",
      pattern: "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]+$",
      default: "penult/contracts",
    },
  },
} as const;
