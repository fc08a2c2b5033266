import { Option, type Command } from "commander";
import type { ImplementLanguage } from "../../config/types.js";
import { TEST_FRAMEWORKS, type TestFramework } from "../../implement/detect-test-framework.js";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { formatDiagnostic } from "../output.js";

export function registerImplement(program: Command, ctx: CommandContext): void {
  program
    .command("implement")
    .description("scaffold the n layer for one interface: a class whose methods throw \"not implemented\", and a test file from the statements' scenarios; never overwrites")
    .argument("<Interface>", "interface name as in the contracts, e.g. CartService (or its id, cart/CartService)")
    .addOption(new Option("--lang <lang>", "language of the scaffold (default: implement.lang in .github/penult.yml, else ts)").choices(["ts", "python", "java", "rust", "go", "csharp"]))
    .option("--dry-run", "list the files that would be written")
    .addOption(new Option("--test <framework>", "test framework of the test file (default: the one the repository's package.json, pyproject.toml, pom.xml or build.gradle uses, else the language's built-in runner)").choices([...new Set(Object.values(TEST_FRAMEWORKS).flat())]))
    .option("--llm <model>", "draft each method body from its statements with this model (OPENAI_BASE_URL / OPENAI_API_KEY; default: llm.model in .github/penult.yml); review before use")
    .addHelpText(
      "after",
      `
Files go under implement.source and implement.test of .github/penult.yml (default src/ and test/).
An existing file is never overwritten: it is reported and left alone.

Tests are written for the framework the repository already uses: jest, vitest or mocha from
package.json; pytest from pyproject.toml, pytest.ini, setup.cfg, tox.ini or requirements; JUnit 4
or 5 from pom.xml or build.gradle. With none found, the language's built-in runner: node:test
(\`node --test\`), unittest, go test, cargo test (JUnit 5 for Java, a console runner for C#).

Examples:
  $ npx penult implement CartService
  $ npx penult implement cart/CartService --lang python
  $ npx penult implement OrderRepository --lang rust --dry-run
  $ OPENAI_BASE_URL=http://localhost:11434/v1 npx penult implement CartService --llm llama3.1

With --llm, each "not implemented" line is replaced by a body the model drafts from the method's
statements, under a comment naming the model and the statements. The model's text is never run:
it is checked to stay inside one method body (braces balance outside strings and comments) and
otherwise refused, leaving that method throwing. Drafted bodies are NOT guaranteed to compile or
be right: review them like any pull request. contracts/ is never written.`,
    )
    .action(async (name: string, opts: { lang?: ImplementLanguage; dryRun?: boolean; llm?: string; test?: TestFramework }) => {
      const c = ctx.colors;
      const { implementInterface } = await import("../implement-interface.js");
      const { requireConfig } = await import("../project.js");
      const { planCliLlm } = await import("../plan-cli-llm.js");
      // The config's llm.model turns on the engine for generate; for implement only the flag does.
      const plan = opts.llm ? planCliLlm({ config: requireConfig(ctx.root), flag: opts.llm, env: ctx.io.env }) : undefined;
      if (plan?.warning) ctx.io.stderr(c.yellow(`warning: ${plan.warning.replace("compiling offline", "the scaffold keeps its \"not implemented\" bodies")}`) + "\n");
      const bodies = plan?.clients && plan.model ? { ask: plan.clients.writeBody, model: plan.model, ...(plan.config.llm?.concurrency ? { concurrency: plan.config.llm.concurrency } : {}) } : undefined;
      const r = await implementInterface({ root: ctx.root, interfaceName: name, ...(opts.lang ? { lang: opts.lang } : {}), ...(opts.dryRun ? { dryRun: true } : {}), ...(bodies ? { bodies } : {}), ...(opts.test ? { testFramework: opts.test } : {}) });
      if (r.llm) {
        ctx.io.stderr(`LLM ${r.llm.model}: ${r.llm.requests} request${r.llm.requests === 1 ? "" : "s"}, ${r.llm.filled.length} method bod${r.llm.filled.length === 1 ? "y" : "ies"} drafted (review them; they may not compile)\n`);
        for (const x of r.llm.refused) ctx.io.stderr(`  ${x.method} left "not implemented": ${x.reason}\n`);
      }
      for (const d of r.diagnostics) ctx.io.stderr(formatDiagnostic(d, c) + "\n");
      if (r.diagnostics.some((d) => d.severity === "error")) ctx.setExit(EXIT.findings);
      const verb = opts.dryRun ? "would create" : "created";
      for (const p of r.created) ctx.io.stdout(`${c.green(verb)} ${p}\n`);
      for (const p of r.skipped) ctx.io.stdout(`${c.yellow("exists")} ${p} (not overwritten)\n`);
      if (r.testFramework && r.created.length) {
        const why = r.testFramework.chosen ? "as asked" : r.testFramework.from ? `as ${r.testFramework.from} says` : "no test framework found: the built-in runner";
        ctx.io.stderr(`${c.dim(`tests use ${r.testFramework.name} (${why})`)}\n`);
      }
    });
}
