import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMAND_LIMIT_SPECS } from "../../app/app-settings.js";
import { LIMIT_SPECS } from "../../lib/limits/job-limits.js";
import { LLM_LIMIT_SPECS } from "../../lib/llm/llm-limits.js";

/** docs/security.md lists every limit with the default the code uses (as ESLint's rule-docs parity). */
describe("docs/security.md", () => {
  const doc = readFileSync(join(process.cwd(), "docs", "security.md"), "utf8");

  it.each([...LIMIT_SPECS, ...LLM_LIMIT_SPECS, ...COMMAND_LIMIT_SPECS].map((s) => [s.env, s] as const))("lists %s with its default and what it bounds", (_env, spec) => {
    expect(doc).toContain(`| \`${spec.env}\` | ${spec.default} ${spec.unit} | ${spec.what} |`);
  });
});
