import { Option, type Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { formatDiagnostic, formatGithubAnnotation, summarizeDiagnostics } from "../output.js";

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command("check")
    .description("lint the statements, check the contracts are in step with them, and guard the n-1 layer against hand-written implementation")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github"]).default("text"))
    .option("--json", "print the result as JSON (same as --format json)")
    .addHelpText(
      "after",
      `
Checks:
  lint        EARS shape, vague words ("fast", "user-friendly", "etc."), ambiguous pronouns,
              duplicate or contradictory statements, undefined terms (rules: lint.rules in
              .github/penult.yml)
  contracts   the files in the output folder are exactly what the statements generate
              (stale, missing and extra files: one finding, with the list in --json)
  n-1 guard   no implementation in the contracts: function bodies, non-abstract methods,
              impl blocks with code, default methods

Examples:
  $ npx penult check
  $ npx penult check --format github    # GitHub Actions annotations on the statement lines
  $ npx penult check --json | jq '.diagnostics[] | select(.severity == "error")'

Exit codes: 0 no errors (warnings allowed); 1 errors found; 2 invalid config or usage.`,
    )
    .action(async (opts: { format: "text" | "json" | "github"; json?: boolean }) => {
      const format = opts.json ? "json" : opts.format;
      const { checkProject } = await import("../check-project.js");
      const r = await checkProject({ root: ctx.root, progress: ctx.progress(format === "text") });
      const errors = r.diagnostics.filter((d) => d.severity === "error").length;
      ctx.setExit(r.configInvalid ? EXIT.usage : errors > 0 ? EXIT.findings : EXIT.ok);
      if (format === "json") {
        ctx.io.stdout(JSON.stringify({ ok: errors === 0 && !r.configInvalid, sections: r.sections, outOfDate: r.outOfDate, diagnostics: r.diagnostics }, null, 2) + "\n");
        return;
      }
      if (format === "github") {
        for (const d of r.diagnostics) ctx.io.stdout(formatGithubAnnotation(d) + "\n");
        ctx.io.stdout(`penult check: ${summarizeDiagnostics(r.diagnostics)}\n`);
        return;
      }
      const c = ctx.colors;
      for (const d of r.diagnostics) ctx.io.stdout(formatDiagnostic(d, c) + "\n");
      const parts = r.sections.map((s) => `${s.name}: ${s.findings}`).join(", ");
      ctx.io.stdout(`${r.diagnostics.length ? "\n" : ""}${errors ? c.red("✖") : c.green("✔")} ${summarizeDiagnostics(r.diagnostics)} (${parts})\n`);
    });
}
