import type { PenultConfig } from "../config/types.js";
import { cmp } from "../diagnostics.js";
import type { Statement } from "../statements/types.js";
import type { Traced } from "./draft.js";
import { splitWords, toPathSegment } from "./naming.js";

/**
 * Pass "layout" (docs/model.md "Structure"): subsystems are the folders of the statements, nested
 * like the folders; each element is placed in the deepest subsystem that holds its home
 * statements (an entity's declarations, a component's naming statements, otherwise all its
 * statements). Placement never enters an element's id, so a move changes no reference.
 */

export interface SubsystemNode {
  path: string[];
  /** The folder name as written, for the subsystem's name. */
  title: string;
  sources: string[];
}

export interface Layout {
  subsystems: Map<string, SubsystemNode>;
  /** Subsystem path key of each statement. */
  pathOf: Map<string, string>;
  /** The path key an element with these home statements is placed at. */
  place: (homes: readonly string[]) => string;
  /** The name of the system: config, else the folder holding the statements folder, else "System". */
  systemTitle: string;
}

export function layOut(options: { statements: readonly Statement[]; config: PenultConfig }): Layout {
  const { statements, config } = options;
  const roots = (config.statements ?? []).map(globPrefix).filter((p): p is string => p !== undefined);
  const files = [...new Set(statements.map((s) => s.file))].sort(cmp);
  const common = commonDir(files);
  const subsystems = new Map<string, SubsystemNode>();
  const ensure = (path: string[], title: string) => {
    const k = path.join("/");
    if (!subsystems.has(k)) subsystems.set(k, { path, title, sources: [] });
  };
  ensure([], config.system ?? "");
  const pathOfFile = new Map<string, string>();
  for (const file of files) {
    const root = roots.filter((r) => r === "" || file.startsWith(r + "/")).sort((a, b) => b.length - a.length)[0] ?? common;
    const rel = root === "" ? file : file.slice(root.length + 1);
    const dirs = rel.split("/").slice(0, -1);
    const path: string[] = [];
    for (const d of dirs) {
      path.push(toPathSegment(stripOrdinal(d)) || toPathSegment(d));
      ensure([...path], d);
    }
    pathOfFile.set(file, path.join("/"));
  }
  const pathOf = new Map<string, string>();
  for (const st of statements) {
    const k = pathOfFile.get(st.file) ?? "";
    pathOf.set(st.id, k);
    subsystems.get(k)!.sources.push(st.id);
  }
  const place = (homes: readonly string[]): string => {
    const paths = homes.map((id) => pathOf.get(id)).filter((p): p is string => p !== undefined).map((p) => (p === "" ? [] : p.split("/")));
    return commonPath(paths).join("/");
  };
  return { subsystems, pathOf, place, systemTitle: systemTitle(statements, config) };
}

/** Home statements of an element: those whose reason matches `rules`, else all its sources. */
export function homesOf(el: Traced, rules: RegExp): string[] {
  const homes = el.why.filter((w) => rules.test(w.rule)).map((w) => w.source);
  return homes.length > 0 ? homes : el.sources;
}

function systemTitle(statements: readonly Statement[], config: PenultConfig): string {
  if (config.system) return config.system;
  const roots = (config.statements ?? []).map(globPrefix).filter((p): p is string => p !== undefined && p !== "");
  const files = [...new Set(statements.map((s) => s.file))].sort(cmp);
  const root = roots.find((r) => files.some((f) => f.startsWith(r + "/"))) ?? commonDir(files);
  const parent = root.split("/").slice(0, -1).filter((s) => s !== "" && s !== ".");
  const last = parent[parent.length - 1];
  return last && splitWords(stripOrdinal(last)).length > 0 ? stripOrdinal(last) : "System";
}

/** The fixed folder in front of a glob ("statements/**\/*.md" -> "statements"), or undefined. */
export function globPrefix(glob: string): string | undefined {
  const parts = glob.replace(/^\.\//, "").split("/");
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[\]{}!]/.test(p)) break;
    fixed.push(p);
  }
  if (fixed.length === parts.length) fixed.pop();
  return fixed.join("/");
}

function commonDir(files: readonly string[]): string {
  if (files.length === 0) return "";
  let common = files[0]!.split("/").slice(0, -1);
  for (const f of files) {
    const dirs = f.split("/").slice(0, -1);
    let i = 0;
    while (i < common.length && i < dirs.length && common[i] === dirs[i]) i++;
    common = common.slice(0, i);
  }
  return common.join("/");
}

function commonPath(paths: readonly string[][]): string[] {
  if (paths.length === 0) return [];
  let common = paths[0]!;
  for (const p of paths) {
    let i = 0;
    while (i < common.length && i < p.length && common[i] === p[i]) i++;
    common = common.slice(0, i);
  }
  return common;
}

/** "009-user-directory" -> "user-directory": ordering prefixes say nothing about the content. */
export function stripOrdinal(s: string): string {
  const out = s.replace(/^[0-9]+(?:[._-]|\s)+/, "");
  return out.length > 0 ? out : s;
}
