import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { explainProject } from "../explain-project.js";
import { renderExplanation } from "../../jobs/explain-element.js";
import { MODEL_RULES } from "../../model/rules.js";

export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command("explain")
    .description("say why a model element exists: the statements it comes from, their words, and the rule that made it")
    .argument("<element>", "a name (Order), a dotted name (Order.total, OrdersApi.createOrder) or an id (entity/Order)")
    .option("--json", "print the matching elements as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ npx penult explain Order
  $ npx penult explain CatalogueApi.searchBooks
  $ npx penult explain Book.isbn --json

Exit codes: 0 found; 1 no element of that name; 2 bad config or usage.`,
    )
    .action(async (element: string, opts: { json?: boolean }) => {
      const r = await explainProject({ root: ctx.root, query: element });
      if (r.found.length === 0) ctx.setExit(EXIT.findings);
      if (opts.json) {
        ctx.io.stdout(JSON.stringify(r.found.map((e) => ({ ...e, why: e.why.map((w) => ({ ...w, rule: w.rule, says: MODEL_RULES[w.rule] ?? w.rule })) })), null, 2) + "\n");
        return;
      }
      const text = renderExplanation(element, r.found, (s) => `${s.file}#L${s.line}`);
      // The terminal has no links: "[`file:line`](file#Lline)" reads as "file:line".
      ctx.io.stdout(text.replace(/\[`([^`]+)`\]\([^)]*\)/g, "$1").replace(/\*\*/g, "").replace(/`/g, "") + "\n");
    });
}
