import type { PenultConfig } from "./types.js";

/**
 * `over` on top of `base`, as the GitHub App applies a repository's config over the shared one it
 * extends: mappings merge key by key (at any depth), lists and values of `over` replace those of
 * `base`. Both must already be valid; the result then is too, since the schema has no rule that
 * spans two keys.
 */
export function mergeConfigs(base: Partial<PenultConfig>, over: Partial<PenultConfig>): Partial<PenultConfig> {
  return mergeValues(base, over) as Partial<PenultConfig>;
}

function mergeValues(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValues(base[k], v);
  return out;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
