import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";

export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command("diff")
    .description("the impact report: which statements changed which model elements and contracts, and what breaks")
    .argument("[base]", "base revision", "HEAD~1")
    .argument("[head]", "head revision (default: the working tree)")
    .option("--json", "print the report as JSON instead of markdown")
    .option("--fail-on-breaking", "exit 1 when a change breaks implementers or callers")
    .addHelpText(
      "after",
      `
Examples:
  $ npx penult diff                    # HEAD~1 -> working tree
  $ npx penult diff main               # main -> working tree
  $ npx penult diff v1.2 HEAD --json
  $ npx penult diff origin/main HEAD --fail-on-breaking`,
    )
    .action(async (base: string, head: string | undefined, opts: { json?: boolean; failOnBreaking?: boolean }) => {
      const { requireConfig } = await import("../project.js");
      const { runDiff } = await import("../stages.js");
      const config = requireConfig(ctx.root);
      const r = await runDiff({ repoDir: ctx.root, base, ...(head ? { head } : {}), format: opts.json ? "json" : "markdown", config });
      ctx.io.stdout(r.output);
      if (opts.failOnBreaking && r.breaking) ctx.setExit(EXIT.findings);
    });
}
