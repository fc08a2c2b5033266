import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTool, type CompileOutcome } from "./run-tool.js";

/**
 * Proves the `go/` output folder (a module with its go.mod): `gofmt -l` lists nothing (the output
 * is formatted as gofmt would), then `go vet ./...` and `go build ./...`,
 * offline (GOPROXY=off, GOFLAGS=-mod=mod) with the build cache and GOPATH in the temp dir, so the
 * user's own Go setup is neither read nor written.
 */
export async function compileGo(dir: string): Promise<CompileOutcome> {
  const base = join(tmpdir(), "penult-go");
  mkdirSync(base, { recursive: true });
  const env = {
    GOFLAGS: "-mod=mod",
    GOPROXY: "off",
    GOSUMDB: "off",
    GO111MODULE: "on",
    GOTOOLCHAIN: "local",
    GOTELEMETRY: "off",
    GOWORK: "off",
    GOCACHE: join(base, "cache"),
    GOPATH: join(base, "gopath"),
    GOENV: "off",
  };
  const fmt = await runTool({ command: "gofmt", args: ["-l", "."], cwd: dir, env });
  if (!fmt.ok || fmt.output.trim() !== "") return { ok: false, output: `gofmt -l lists files that are not gofmt-formatted (or failed):\n${fmt.output}` };
  const vet = await runTool({ command: "go", args: ["vet", "./..."], cwd: dir, env });
  if (!vet.ok) return { ok: false, output: `go vet failed:\n${vet.output}` };
  const build = await runTool({ command: "go", args: ["build", "./..."], cwd: dir, env });
  return { ok: build.ok, output: `${vet.output}${build.output}` };
}
