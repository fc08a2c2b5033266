import { describe, expect, it } from "@jest/globals";
import { createColors, formatDiagnostic, formatGithubAnnotation, shouldColor, summarizeDiagnostics } from "../../lib/cli/output.js";
import { runCli } from "./run-cli.js";
import { main } from "../../lib/cli/main.js";
import { tmpdir } from "node:os";

describe("colour", () => {
  it("is on only on a terminal, off with NO_COLOR or TERM=dumb, forced with FORCE_COLOR", () => {
    expect(shouldColor({ isTTY: true, env: {} })).toBe(true);
    expect(shouldColor({ isTTY: false, env: {} })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: "1" } })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { TERM: "dumb" } })).toBe(false);
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: "1" } })).toBe(true);
    expect(shouldColor({ isTTY: true, env: {} }, false)).toBe(false);
  });

  it("a terminal gets ANSI colours and --no-color removes them", async () => {
    const run = async (args: string[]) => {
      let err = "";
      await main(args, { cwd: tmpdir(), env: {}, isTTY: true, stdout: () => {}, stderr: (t) => void (err += t) });
      return err;
    };
    expect(await run(["frobnicate"])).toContain("\u001b[31m");
    expect(await run(["--no-color", "frobnicate"])).not.toContain("\u001b[");
    expect((await runCli(["frobnicate"], { cwd: tmpdir() })).stderr).not.toContain("\u001b[");
  });
});

describe("diagnostic formats", () => {
  const d = { code: "LINT_VAGUE_TERMS", severity: "warning" as const, message: "\"fast\" is vague: say how fast, e.g. within 200 ms, 100%", file: "statements/a,b.md", line: 3, column: 7 };
  it("text: file:line:col severity code message", () => {
    expect(formatDiagnostic(d, createColors(false))).toBe('statements/a,b.md:3:7 warning LINT_VAGUE_TERMS "fast" is vague: say how fast, e.g. within 200 ms, 100%');
    expect(formatDiagnostic({ code: "X", severity: "error", message: "m" })).toBe("error X m");
  });
  it("github: a workflow command with escaped properties and data", () => {
    expect(formatGithubAnnotation({ ...d, message: "line1\nline2 100%" })).toBe("::warning file=statements/a%2Cb.md,line=3,col=7,title=penult LINT_VAGUE_TERMS::line1%0Aline2 100%25");
    expect(formatGithubAnnotation({ code: "X", severity: "info", message: "m" })).toBe("::notice title=penult X::m");
  });
  it("summary counts by severity", () => {
    expect(summarizeDiagnostics([])).toBe("no problems");
    expect(summarizeDiagnostics([d, { ...d, severity: "error" }, { ...d, severity: "error" }])).toBe("2 errors, 1 warning");
  });
});
