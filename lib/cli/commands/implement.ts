import { Option, type Command } from "commander";
import type { ImplementLanguage } from "../../config/types.js";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { implementInterface } from "../implement-interface.js";
import { formatDiagnostic } from "../output.js";

export function registerImplement(program: Command, ctx: CommandContext): void {
  program
    .command("implement")
    .description("scaffold the n layer for one interface: a class whose methods throw \"not implemented\", and a test file from the statements' scenarios; never overwrites")
    .argument("<Interface>", "interface name as in the contracts, e.g. CartService (or its id, cart/CartService)")
    .addOption(new Option("--lang <lang>", "language of the scaffold (default: implement.lang in .github/penult.yml, else ts)").choices(["ts", "python", "java", "rust", "go", "csharp"]))
    .option("--dry-run", "list the files that would be written")
    .addHelpText(
      "after",
      `
Files go under implement.source and implement.test of .github/penult.yml (default src/ and test/).
An existing file is never overwritten: it is reported and left alone.

Examples:
  $ npx penult implement CartService
  $ npx penult implement cart/CartService --lang python
  $ npx penult implement OrderRepository --lang rust --dry-run`,
    )
    .action(async (name: string, opts: { lang?: ImplementLanguage; dryRun?: boolean }) => {
      const r = await implementInterface({ root: ctx.root, interfaceName: name, ...(opts.lang ? { lang: opts.lang } : {}), ...(opts.dryRun ? { dryRun: true } : {}) });
      const c = ctx.colors;
      for (const d of r.diagnostics) ctx.io.stderr(formatDiagnostic(d, c) + "\n");
      if (r.diagnostics.some((d) => d.severity === "error")) ctx.setExit(EXIT.findings);
      const verb = opts.dryRun ? "would create" : "created";
      for (const p of r.created) ctx.io.stdout(`${c.green(verb)} ${p}\n`);
      for (const p of r.skipped) ctx.io.stdout(`${c.yellow("exists")} ${p} (not overwritten)\n`);
    });
}
