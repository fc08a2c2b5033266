import { createRecordTemplateSource } from "../emitters/templates.js";
import type { TemplateSource } from "../emitters/types.js";
import type { TreeReader } from "../git/tree-reader.js";

/**
 * The repository's template overrides (`<folder>/<target>/...`) from any tree: the disk, a git
 * revision or a commit read through the GitHub API. Undefined when the folder holds no file.
 */
export async function loadTemplateOverrides(options: { reader: TreeReader; folder: string }): Promise<TemplateSource | undefined> {
  const prefix = options.folder.replace(/\/+$/, "") + "/";
  const paths = await options.reader.listFiles([`${prefix}**`]);
  if (paths.length === 0) return undefined;
  const contents = options.reader.readFiles
    ? await options.reader.readFiles(paths)
    : new Map(await Promise.all(paths.map(async (p) => [p, await options.reader.readFile(p)] as const)));
  const decoder = new TextDecoder();
  const record: Record<string, string> = {};
  for (const p of paths) record[p.slice(prefix.length)] = decoder.decode(contents.get(p));
  return createRecordTemplateSource(record);
}
