/**
 * The six inputs of the stability suite, one per style of writing, all from this repository
 * (examples/ and the vendored test/corpora/): never from outside it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { TextFile } from "./make-edits.js";

export interface StabilityInput {
  /** Short name used in tables and `--input`. */
  name: string;
  /** The style of writing it stands for. */
  style: string;
  /** Where it comes from, repository-relative. */
  source: string;
  /** Statement files as `penult generate` would read them (paths under statements/). */
  files: TextFile[];
}

/** Stories taken from the user-story backlog: a slice is enough to edit, and keeps the suite fast. */
export const BACKLOG_STORIES = 40;

/** Every file under `dir`, sorted, as statements/<relative path>. */
function readTree(dir: string): TextFile[] {
  const out: TextFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: `statements/${relative(dir, p).split(sep).join("/")}`, content: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

function one(root: string, source: string, as: string): TextFile[] {
  return [{ path: `statements/${as}`, content: readFileSync(join(root, source), "utf8") }];
}

/**
 * The first {@link BACKLOG_STORIES} stories of a Dalpiaz backlog (one "#G12# As a ..." per line),
 * written one story per paragraph, as a team would keep a backlog in markdown.
 */
function backlog(root: string, source: string): TextFile[] {
  const stories = readFileSync(join(root, source), "utf8")
    .split(/\r?\n/)
    .map((l) => l.replace(/^#G\d+#\s*/, "").trim())
    .filter((l) => l.length > 0)
    .slice(0, BACKLOG_STORIES);
  return [{ path: "statements/backlog.md", content: "# Backlog\n\n" + stories.join("\n\n") + "\n" }];
}

/** The six inputs, read from the repository at `root`. */
export function loadStabilityInputs(root: string): StabilityInput[] {
  const corpora = "test/corpora";
  const kiro = `${corpora}/ears-kiro/coreyalejandro_kiro-hackathon-mad-mall/image-upload-integration/requirements.md`;
  const speckit = `${corpora}/speckit-specs/ukad-group_ecommerce-saas/002-cart-order-management/spec.md`;
  const openspec = `${corpora}/openspec-specs/cli-change/spec.md`;
  const stories = `${corpora}/dalpiaz-userstories/g12-camperplus.txt`;
  return [
    { name: "bookshop", style: "mixed: EARS, stories, FR list, glossary, quality", source: "examples/bookshop/statements", files: readTree(join(root, "examples/bookshop/statements")) },
    { name: "kiro", style: "Kiro requirements.md (stories + EARS criteria)", source: kiro, files: one(root, kiro, "requirements.md") },
    { name: "speckit", style: "spec-kit spec.md (FR-nnn, scenarios, key entities)", source: speckit, files: one(root, speckit, "spec.md") },
    { name: "openspec", style: "OpenSpec spec (requirements + scenarios)", source: openspec, files: one(root, openspec, "spec.md") },
    { name: "stories", style: `user-story backlog (first ${BACKLOG_STORIES} stories)`, source: stories, files: backlog(root, stories) },
    { name: "seed", style: "chat transcript", source: "examples/seed-conversation/statements", files: readTree(join(root, "examples/seed-conversation/statements")) },
  ];
}
