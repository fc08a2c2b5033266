import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { formatDiagnostic } from "../output.js";

export function registerExtract(program: Command, ctx: CommandContext): void {
  program
    .command("extract")
    .description("show what penult reads in each statement: id, file, line, kind, text, actors, actions, entities, constraints")
    .argument("[paths...]", "statement files or folders (default: the configured statements globs)")
    .option("--json", "print a JSON array, one object per statement")
    .addHelpText(
      "after",
      `
Examples:
  $ npx penult extract --json
  $ npx penult extract --json statements/cart.md
  $ npx penult extract statements/orders/    # readable listing`,
    )
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const { extractStatements } = await import("../extract-statements.js");
      const r = await extractStatements({ root: ctx.root, cwd: ctx.cwd, paths });
      const c = ctx.colors;
      for (const d of r.diagnostics) ctx.io.stderr(formatDiagnostic(d, c) + "\n");
      if (r.diagnostics.some((d) => d.severity === "error")) ctx.setExit(EXIT.findings);
      if (opts.json) {
        ctx.io.stdout(JSON.stringify(r.statements, null, 2) + "\n");
        return;
      }
      for (const s of r.statements) {
        ctx.io.stdout(`${c.bold(`${s.file}:${s.line}`)} ${c.cyan(s.kind)} ${c.dim(s.id)}\n  ${s.text}\n`);
        const list = (label: string, xs: readonly string[]) => {
          if (xs.length) ctx.io.stdout(`  ${c.dim(label)} ${xs.join("; ")}\n`);
        };
        list("actors:", s.actors);
        list("actions:", s.actions.map((a) => (a.negated ? `NOT ${a.phrase}` : a.phrase)));
        list("entities:", s.entities);
        list("constraints:", s.constraints.map((k) => `${k.metric} ${k.op} ${k.value} ${k.unit} (${k.attribute}: "${k.text}")`));
      }
      ctx.io.stdout(`${r.statements.length} statement${r.statements.length === 1 ? "" : "s"}\n`);
    });
}
