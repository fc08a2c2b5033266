import { spawnSync } from "node:child_process";
import { basename, resolve } from "node:path";
import type { ResolvedConfig } from "../config/load-config.js";

/**
 * The repository's name, the default name of the system: the last path segment of the `origin`
 * remote (`git@github.com:acme/shop.git` -> `shop`), which is the name the GitHub App sees, so a
 * clone in any folder names the system as the App does; else the name of the folder.
 */
export function repositoryName(root: string): string {
  const r = spawnSync("git", ["config", "--get", "remote.origin.url"], { cwd: root, encoding: "utf8" });
  const url = !r.error && r.status === 0 ? r.stdout.trim() : "";
  const fromRemote = url.replace(/[/\\]+$/, "").replace(/\.git$/i, "").split(/[/\\:]/).pop() ?? "";
  return fromRemote || basename(resolve(root));
}

/**
 * The branch the repository's work lands on: the remote's default (`origin/HEAD`), else the branch
 * checked out, else `main`.
 */
export function defaultBranch(root: string): string {
  const git = (...args: string[]) => {
    const r = spawnSync("git", args, { cwd: root, encoding: "utf8" });
    return !r.error && r.status === 0 ? r.stdout.trim() : "";
  };
  return git("symbolic-ref", "--short", "refs/remotes/origin/HEAD").replace(/^origin\//, "") || git("symbolic-ref", "--short", "HEAD") || "main";
}

/** The config with `system` set to the repository's name when the config does not name it. */
export function withRepositoryName(config: ResolvedConfig, root: string): ResolvedConfig {
  return config.system ? config : { ...config, system: repositoryName(root) };
}
