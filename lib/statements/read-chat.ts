import type { Candidate } from "./candidate.js";

/** Is this text a chat transcript? (first version: explicit speaker markers only) */
export function detectTranscript(_text: string): boolean {
  return false;
}

/** Reads a chat transcript into per-turn candidates. */
export function readChat(_text: string): { candidates: Candidate[]; skipped: Record<string, number> } {
  return { candidates: [], skipped: {} };
}
