import { spawn } from "node:child_process";

/** Result of running a real compiler or validator over a folder of emitted files. */
export interface CompileOutcome {
  ok: boolean;
  /** Everything the tool printed (stdout + stderr), for failure messages. */
  output: string;
}

/** Runs a command, never throws: a missing tool is a failed outcome with the reason in `output`. */
export function runTool(options: { command: string; args: readonly string[]; cwd: string; env?: NodeJS.ProcessEnv }): Promise<CompileOutcome> {
  return new Promise((resolve) => {
    const child = spawn(options.command, options.args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.on("error", (err) => resolve({ ok: false, output: `${output}\ncannot run ${options.command}: ${err.message}` }));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}
