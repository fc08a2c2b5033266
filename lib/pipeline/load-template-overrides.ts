import { createRecordTemplateSource } from "../emitters/templates.js";
import type { TemplateSource } from "../emitters/types.js";
import type { TreeReader } from "../git/tree-reader.js";
import { DEFAULT_JOB_LIMITS, type JobLimits } from "../limits/job-limits.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";

/**
 * The repository's template overrides (`<folder>/<target>/...`) from any tree: the disk, a git
 * revision or a commit read through the GitHub API. Undefined when the folder holds no file.
 * Override files are untrusted input: more files, or a bigger file, than the limits allow stop the
 * job with a {@link LimitExceededError} naming the file.
 */
export async function loadTemplateOverrides(options: {
  reader: TreeReader;
  folder: string;
  limits?: Partial<Pick<JobLimits, "templateBytes" | "templateFiles">>;
}): Promise<TemplateSource | undefined> {
  const maxBytes = options.limits?.templateBytes ?? DEFAULT_JOB_LIMITS.templateBytes;
  const maxFiles = options.limits?.templateFiles ?? DEFAULT_JOB_LIMITS.templateFiles;
  const prefix = options.folder.replace(/\/+$/, "") + "/";
  const paths = await options.reader.listFiles([`${prefix}**`]);
  if (paths.length === 0) return undefined;
  if (paths.length > maxFiles) throw new LimitExceededError("templateFiles", `${prefix} holds ${paths.length} template files, more than ${maxFiles}`);
  const contents = options.reader.readFiles
    ? await options.reader.readFiles(paths)
    : new Map(await Promise.all(paths.map(async (p) => [p, await options.reader.readFile(p)] as const)));
  const decoder = new TextDecoder();
  const record: Record<string, string> = {};
  for (const p of paths) {
    const bytes = contents.get(p) ?? new Uint8Array();
    if (bytes.length > maxBytes) throw new LimitExceededError("templateBytes", `the template ${p} is ${bytes.length} bytes, more than ${maxBytes}`);
    record[p.slice(prefix.length)] = decoder.decode(bytes);
  }
  return createRecordTemplateSource(record);
}
