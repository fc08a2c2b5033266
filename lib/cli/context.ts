import type { Command } from "commander";
import type { CliIo, Colors } from "./output.js";

/** What every command gets from `main`: I/O, where to run, colours, progress, and the exit code. */
export interface CommandContext {
  io: CliIo;
  /** The folder penult runs in (`-C <dir>` applied). */
  readonly cwd: string;
  /** The repository root found from `cwd` (see findProjectRoot). */
  readonly root: string;
  readonly colors: Colors;
  /** Progress reporter: prints only on a terminal, outside CI. */
  progress(enabled?: boolean): (message: string) => void;
  /** Raise the exit code (never lowers it). */
  setExit(code: number): void;
}

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
