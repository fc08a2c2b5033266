/** Exit codes, as documented in `penult --help` and docs/cli.md (ESLint's convention). */
export const EXIT = {
  /** Success, nothing to report. */
  ok: 0,
  /** Findings: lint/check errors, contracts out of date, statement errors. */
  findings: 1,
  /** Usage, configuration or internal error. */
  usage: 2,
} as const;
