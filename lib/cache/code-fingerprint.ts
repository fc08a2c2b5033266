import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * A fingerprint of the penult build that is running: its version and the size and modification
 * time of every module and built-in template. The compile cache is kept per fingerprint, so a
 * rebuilt or upgraded penult never reads what another build cached (a stat of each file, not a
 * hash of its text: a few milliseconds).
 */
export function codeFingerprint(): string {
  if (cached) return cached;
  const libDir = dirname(dirname(fileURLToPath(import.meta.url)));
  let root = libDir;
  while (!existsSync(join(root, "package.json")) && dirname(root) !== root) root = dirname(root);
  const hash = createHash("sha256");
  try {
    hash.update((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string }).version ?? "");
  } catch {
    hash.update("?");
  }
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(?:js|ts|mustache|json)$/.test(name)) hash.update(`${relative(root, p)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  walk(libDir);
  walk(join(root, "templates"));
  return (cached = hash.digest("hex").slice(0, 16));
}
