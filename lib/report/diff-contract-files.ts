import { diffLines } from "diff";
import { cmp } from "../diagnostics.js";
import type { ContractFileChange } from "./types.js";

/** A contract file as the emitters return it. */
export interface ContractFile {
  path: string;
  content: string;
}

/**
 * Which contract files differ between two emits, with the lines added and removed in each.
 * Emitters are pure, so emitting both models and comparing is exact: no guessing which file an
 * element lands in.
 */
export function diffContractFiles(options: { previous: readonly ContractFile[]; current: readonly ContractFile[] }): ContractFileChange[] {
  const before = new Map(options.previous.map((f) => [f.path, f.content]));
  const after = new Map(options.current.map((f) => [f.path, f.content]));
  const out: ContractFileChange[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort(cmp)) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) continue;
    if (a === undefined) out.push({ path, status: "added", addedLines: lines(b!), removedLines: [] });
    else if (b === undefined) out.push({ path, status: "removed", addedLines: [], removedLines: lines(a) });
    else {
      const addedLines: string[] = [];
      const removedLines: string[] = [];
      for (const part of diffLines(a, b)) {
        if (part.added) addedLines.push(...lines(part.value));
        else if (part.removed) removedLines.push(...lines(part.value));
      }
      out.push({ path, status: "modified", addedLines, removedLines });
    }
  }
  return out;
}

function lines(text: string): string[] {
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}
