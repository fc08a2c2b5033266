import { limitSpec, type JobLimits } from "./job-limits.js";

/**
 * A job went over one of its limits (lib/limits/job-limits.ts). It stops the whole job rather than
 * dropping the part that was too big: a contracts commit made without a statement file or a
 * target would delete what they generate. The message names the limit and, where there is one,
 * the file; it never quotes the content.
 */
export class LimitExceededError extends Error {
  override name = "LimitExceededError";
  constructor(
    /** Which limit. */
    readonly limit: keyof JobLimits,
    /** What went over it, for people: "templates rendered more than 64000000 characters". */
    readonly detail: string,
  ) {
    const spec = limitSpec(limit);
    super(`${detail} (limit ${limit}: ${spec.what}; the GitHub App's operator sets it with ${spec.env})`);
  }
}

