import { runTool, type CompileOutcome } from "./run-tool.js";

/**
 * Debian's interpreter, which has python3-mypy (scripts/setup.sh installs it); a pyenv `python3`
 * earlier on PATH usually lacks mypy.
 */
export const PYTHON = process.env.PENULT_PYTHON ?? "/usr/bin/python3";

/**
 * Proves every package under `dir` (the `python/` output folder): `py_compile` on each file, then
 * `mypy --strict` over the whole tree in one call.
 */
export async function compilePython(dir: string): Promise<CompileOutcome> {
  const byteCompile = await runTool({
    command: PYTHON,
    args: ["-c", "import pathlib, py_compile, sys\nfor p in sorted(pathlib.Path('.').rglob('*.py')):\n    py_compile.compile(str(p), doraise=True)\n"],
    cwd: dir,
    env: { PYTHONDONTWRITEBYTECODE: "1", PYTHONPYCACHEPREFIX: "/tmp/penult-pycache" },
  });
  if (!byteCompile.ok) return { ok: false, output: `py_compile failed:\n${byteCompile.output}` };
  const mypy = await runTool({
    command: PYTHON,
    args: ["-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", "--no-error-summary", "."],
    cwd: dir,
  });
  return { ok: mypy.ok, output: mypy.output };
}
