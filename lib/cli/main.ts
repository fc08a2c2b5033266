import { ConfinedPathError } from "../confined-fs.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import { Command, CommanderError } from "commander";
import { registerCheck } from "./commands/check.js";
import { registerDecompose } from "./commands/decompose.js";
import { registerDemo } from "./commands/demo.js";
import { registerDiff } from "./commands/diff.js";
import { registerExplain } from "./commands/explain.js";
import { registerExtract } from "./commands/extract.js";
import { registerGenerate } from "./commands/generate.js";
import { registerImplement } from "./commands/implement.js";
import { registerInit } from "./commands/init.js";
import { registerSync } from "./commands/sync.js";
import { registerWatch } from "./commands/watch.js";
import type { CommandContext } from "./context.js";
import { EXIT } from "./exit-codes.js";
import { findProjectRoot } from "./find-project-root.js";
import { createColors, createProgress, formatDiagnostic, shouldColor, type CliIo } from "./output.js";
import { findPackage } from "./package-info.js";
import { resolve } from "node:path";

export { EXIT };

const TOP_HELP = `
Examples:
  $ npx penult demo                 see the whole loop on a bundled example (offline)
  $ npx penult init                 add .github/penult.yml, statements/ and contracts/
  $ npx penult generate             statements/ -> contracts/ (model, contracts, diagrams)
  $ npx penult watch                regenerate on every save, one line per change
  $ npx penult check --format github
  $ npx penult diff HEAD~1          what the last commit's statement edits change
  $ npx penult sync                 commit regenerated contracts onto penult/contracts
  $ npx penult generate --llm gpt-4o-mini   refine with an LLM (OPENAI_BASE_URL / OPENAI_API_KEY)
  $ npx penult decompose <id> --write       propose finer statements for a broad one

Exit codes:
  0  success, nothing to report
  1  findings: lint or check errors, contracts out of date (--check), statement errors
  2  usage, configuration or internal error (bad option, invalid .github/penult.yml, not a git repo)

Colour is used only on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.
Docs: docs/cli.md`;

/**
 * The `penult` command line. Returns the exit code instead of exiting, so tests drive it
 * in-process and bin/penult.js stays a two-line launcher. Only commander and the command
 * definitions load at start-up; each command imports its pipeline when it runs, so `--version`,
 * `--help` and `init` never load the parser, the NLP model or the TypeScript compiler.
 */
export async function main(argv: readonly string[], ioOverrides: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    ...ioOverrides,
  };
  let exitCode: number = EXIT.ok;
  const program = new Command("penult");
  const ctx: CommandContext = {
    io,
    get cwd() {
      const opt = program.opts<{ cwd?: string }>().cwd;
      return opt ? resolve(io.cwd, opt) : io.cwd;
    },
    get root() {
      return findProjectRoot(this.cwd);
    },
    get colors() {
      return createColors(shouldColor(io, program.opts<{ color?: boolean }>().color));
    },
    progress: (enabled = true) => createProgress(io, enabled && io.isTTY && !io.env.CI),
    setExit(code) {
      exitCode = Math.max(exitCode, code);
    },
  };
  program
    .description("Compile plain-language statements into a traced architecture model and abstract contracts (the n-1 layer).")
    .version(findPackage().version, "-V, --version")
    .option("-C, --cwd <dir>", "run as if penult was started in <dir>")
    .option("--no-color", "never use colour (same as NO_COLOR=1)")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(ctx.colors.red(s)),
    })
    .exitOverride()
    .addHelpText("after", TOP_HELP);
  for (const register of [registerInit, registerGenerate, registerWatch, registerExtract, registerExplain, registerDiff, registerSync, registerCheck, registerImplement, registerDecompose, registerDemo]) {
    register(program, ctx);
  }
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError("(run with --help for usage)");
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (err) {
    return await reportError(err, ctx);
  }
}

async function reportError(err: unknown, ctx: CommandContext): Promise<number> {
  const c = ctx.colors;
  const say = (s: string) => ctx.io.stderr(s.endsWith("\n") ? s : s + "\n");
  if (err instanceof CommanderError) {
    // Help and version are requested output, not errors; commander already printed them.
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return EXIT.ok;
    return EXIT.usage;
  }
  // Loaded on the error path only (the module of the error thrown is loaded already), so start-up stays light.
  // One at a time: concurrent import() of modules sharing dependencies trips jest's ESM loader.
  const { ConfigError } = await import("./project.js");
  const { SyncError } = await import("../sync/sync-contracts.js");
  const { TreeReadError } = await import("../git/tree-reader.js");
  const { StageUnavailableError } = await import("./stages.js");
  if (err instanceof ConfigError) {
    for (const d of err.diagnostics) say(formatDiagnostic(d, c));
    say(`penult: ${err.message}; fix them (schema: schema/config.schema.json) and run again`);
    return EXIT.usage;
  }
  if (err instanceof SyncError || err instanceof TreeReadError) {
    say(`${c.red("penult:")} ${err.message}`);
    return EXIT.usage;
  }
  if (err instanceof LimitExceededError || err instanceof ConfinedPathError) {
    // Hostile or oversized repository content: a clear refusal, not a bug report.
    say(`${c.red("penult:")} ${err.message}`);
    return EXIT.usage;
  }
  if (err instanceof StageUnavailableError) {
    say(`${c.red("penult:")} ${err.message}`);
    return EXIT.usage;
  }
  say(`${c.red("penult: internal error:")} ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  say("This is a bug in penult; please report it with the command you ran.");
  return EXIT.usage;
}
