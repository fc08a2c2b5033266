/**
 * The budget of one job over a repository's content. Everything a repository holds (statements,
 * templates, config, the archive GitHub serves) is untrusted, so every stage that can be made to
 * work hard or hold much has a limit here. The operator sets them from the environment (the App's
 * own, trusted); a repository cannot raise them. docs/security.md lists the same table.
 */
export interface JobLimits {
  /** Busy time of one compile job in ms (the worker's event loop not idle; LLM waits excluded). */
  cpuMs: number;
  /** Wall-clock time of one compile job in ms, LLM waits included. */
  wallMs: number;
  /** Heap of the compile worker in MB. */
  memoryMb: number;
  /** Characters all templates of one job may render together. */
  renderedChars: number;
  /** How deep template partials may include each other. */
  partialDepth: number;
  /** Bytes of one template override file. */
  templateBytes: number;
  /** Template override files one repository may hold. */
  templateFiles: number;
  /** Bytes of the compressed archive of one commit. */
  archiveBytes: number;
  /** Bytes the archive may inflate to (all entries, read or not). */
  unpackedBytes: number;
  /** Entries (files, folders, links) in the archive. */
  archiveEntries: number;
  /** Bytes of one file penult keeps from the archive (a statement, a template, a contract). */
  fileBytes: number;
  /** Bytes of all files penult keeps from the archive together. */
  keptBytes: number;
}

/** One limit: its key, the environment variable that sets it, its default and what it bounds. */
export interface LimitSpec<K extends string = keyof JobLimits> {
  key: K;
  env: string;
  default: number;
  unit: "ms" | "MB" | "bytes" | "characters" | "levels" | "files" | "entries" | "requests" | "tokens";
  what: string;
  /** Smallest value allowed (default 1). */
  min?: number;
}

/** Every limit, in the order docs/security.md lists them. */
export const LIMIT_SPECS: readonly LimitSpec[] = [
  { key: "cpuMs", env: "PENULT_JOB_CPU_MS", default: 120_000, unit: "ms", what: "busy time of one compile job (LLM waits excluded)" },
  { key: "wallMs", env: "PENULT_JOB_WALL_MS", default: 600_000, unit: "ms", what: "wall-clock time of one compile job (LLM waits included)" },
  { key: "memoryMb", env: "PENULT_JOB_MEMORY_MB", default: 1024, unit: "MB", what: "heap of the worker that compiles one job" },
  { key: "renderedChars", env: "PENULT_RENDERED_CHARS", default: 64_000_000, unit: "characters", what: "characters all templates of one job render together" },
  { key: "partialDepth", env: "PENULT_PARTIAL_DEPTH", default: 8, unit: "levels", what: "depth of template partials including each other" },
  { key: "templateBytes", env: "PENULT_TEMPLATE_BYTES", default: 65_536, unit: "bytes", what: "size of one template override file" },
  { key: "templateFiles", env: "PENULT_TEMPLATE_FILES", default: 200, unit: "files", what: "template override files in one repository" },
  { key: "archiveBytes", env: "PENULT_ARCHIVE_BYTES", default: 100_000_000, unit: "bytes", what: "compressed archive of one commit" },
  { key: "unpackedBytes", env: "PENULT_UNPACKED_BYTES", default: 1_000_000_000, unit: "bytes", what: "bytes the archive inflates to, all entries" },
  { key: "archiveEntries", env: "PENULT_ARCHIVE_ENTRIES", default: 200_000, unit: "entries", what: "entries in the archive" },
  { key: "fileBytes", env: "PENULT_FILE_BYTES", default: 5_000_000, unit: "bytes", what: "one file penult reads (statement, template, contract)" },
  { key: "keptBytes", env: "PENULT_KEPT_BYTES", default: 100_000_000, unit: "bytes", what: "all files penult reads from one commit" },
];

/** The limits when the environment sets none. */
export const DEFAULT_JOB_LIMITS: Readonly<JobLimits> = Object.freeze(
  Object.fromEntries(LIMIT_SPECS.map((s) => [s.key, s.default])) as unknown as JobLimits,
);

/**
 * The limits the operator set (`PENULT_*` variables), over the defaults. A value that is not a
 * whole number within bounds is a startup error, not a silent default: a typo must not lift a limit.
 */
export function readJobLimits(env: Readonly<Record<string, string | undefined>>): JobLimits {
  return readEnvLimits(LIMIT_SPECS, env);
}

/** Numbers from the environment by a table of specs (shared by the job and the LLM limits). */
export function readEnvLimits<K extends string>(specs: readonly LimitSpec<K>[], env: Readonly<Record<string, string | undefined>>): Record<K, number> {
  const limits = Object.fromEntries(specs.map((s) => [s.key, s.default])) as Record<K, number>;
  const problems: string[] = [];
  for (const spec of specs) {
    const raw = env[spec.env];
    if (raw === undefined || raw.trim() === "") continue;
    const value = Number(raw.trim().replace(/_/g, ""));
    const min = spec.min ?? 1;
    if (!Number.isSafeInteger(value) || value < min) {
      problems.push(`${spec.env} must be a whole number of ${spec.unit}, at least ${min} (got ${JSON.stringify(raw)})`);
      continue;
    }
    limits[spec.key] = value;
  }
  if (problems.length) throw new Error(`penult: invalid limits in the environment: ${problems.join("; ")}`);
  return limits;
}

/** The spec of one limit (for messages that name the variable an operator can raise). */
export function limitSpec(key: keyof JobLimits): LimitSpec {
  return LIMIT_SPECS.find((s) => s.key === key) as LimitSpec;
}
