import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";

export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command("diff")
    .description("the impact report: which statements changed which model elements and contracts, and what breaks")
    .argument("[base]", "base revision (default: HEAD~1; an empty repository on the first commit); `empty` for an empty repository")
    .argument("[head]", "head revision (default: the working tree)")
    .option("--base <rev>", "base revision, like the first argument (`--base empty`: compare against an empty repository)")
    .option("--json", "print the report as JSON instead of markdown")
    .option("--full", "print the full report (every element, every contract file explained) instead of the review-shaped one")
    .option("--fail-on-breaking", "exit 1 when a change breaks implementers or callers")
    .addHelpText(
      "after",
      `
Examples:
  $ npx penult diff                    # HEAD~1 -> working tree (first commit: empty -> working tree)
  $ npx penult diff main               # main -> working tree
  $ npx penult diff --base empty HEAD  # everything the statements of HEAD make, as a first push would
  $ npx penult diff main --full        # the full report
  $ npx penult diff v1.2 HEAD --json
  $ npx penult diff origin/main HEAD --fail-on-breaking`,
    )
    .action(async (first: string | undefined, second: string | undefined, opts: { base?: string; json?: boolean; full?: boolean; failOnBreaking?: boolean }) => {
      const { requireConfig } = await import("../project.js");
      const { runDiff } = await import("../stages.js");
      const config = requireConfig(ctx.root);
      // With --base, a single argument is the head: `penult diff --base empty HEAD`.
      const [base, head] = opts.base !== undefined ? [opts.base, second ?? first] : [first, second];
      if (opts.base !== undefined && first !== undefined && second !== undefined) {
        ctx.io.stderr(`${ctx.colors.red("penult:")} give the base either as --base or as the first argument, not both\n`);
        ctx.setExit(EXIT.usage);
        return;
      }
      const r = await runDiff({
        repoDir: ctx.root,
        ...(base !== undefined ? { base } : {}),
        ...(head ? { head } : {}),
        format: opts.json ? "json" : "markdown",
        ...(opts.full ? { full: true } : {}),
        config,
      });
      ctx.io.stdout(r.output);
      if (opts.failOnBreaking && r.breaking) ctx.setExit(EXIT.findings);
    });
}
