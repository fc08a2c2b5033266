import { cmp } from "../diagnostics.js";
import { diceSimilarity, normaliseText, tokenSet } from "../diff/text-similarity.js";
import type { Statement } from "../statements/types.js";
import type { ModelDraft, OperationDraft, TypeSpec } from "./draft.js";
import { splitWords } from "./naming.js";
import type { Model } from "./types.js";
import { crudClassOf } from "./vocabulary.js";

/**
 * Pass "lock" (docs/model.md "Stable names"): the previous `contracts/model.json` pins the names of
 * operations, the way a lockfile pins versions. When a statement is reworded (its id changes with its
 * text), the operation it makes keeps its old name if it is the same operation: same component and
 * role, same entity words, and a verb of the same class or a synonym ("revoke the charge" keeps
 * `cancelCharge`). A changed meaning ("remove" for "add") gets the new name. Same statements and same
 * lock give the same model; `penult generate --refresh-names` builds without the lock.
 */

/** Domain verbs that mean the same in a requirement (CRUD verbs are one class already). */
const SYNONYMS: readonly (readonly string[])[] = [
  ["cancel", "void", "revoke", "abort", "annul", "rescind"],
  ["send", "dispatch", "transmit", "deliver", "email", "mail"],
  ["notify", "alert", "inform", "tell", "warn", "message"],
  ["approve", "accept", "authorise", "authorize", "sanction", "endorse"],
  ["reject", "decline", "deny", "refuse", "disapprove"],
  ["calculate", "compute", "work out", "determine", "derive"],
  ["validate", "verify", "check", "confirm"],
  ["charge", "bill", "invoice"],
  ["refund", "reimburse", "repay"],
  ["archive", "shelve", "retire"],
  ["restore", "recover", "reinstate", "undelete"],
  ["export", "download", "extract"],
  ["import", "ingest", "load"],
  ["publish", "release", "post"],
  ["assign", "allocate", "allot"],
  ["schedule", "plan", "book"],
  ["track", "monitor", "follow", "watch"],
  ["suggest", "recommend", "propose"],
  ["generate", "produce", "create", "build", "make"],
  ["start", "begin", "launch", "initiate", "trigger"],
  ["stop", "end", "halt", "terminate", "finish"],
  ["pause", "suspend", "hold"],
  ["resume", "continue", "unpause"],
  ["rate", "score", "grade"],
  ["share", "forward"],
  ["reserve", "hold", "book"],
  ["mark", "flag", "label", "tag"],
  ["contain", "include", "hold", "comprise", "have"],
  ["receive", "get", "obtain"],
  ["complete", "finish", "end", "conclude"],
  ["fail", "error", "break"],
];

const SYNONYM_OF = new Map<string, Set<number>>();
SYNONYMS.forEach((group, i) => {
  for (const v of group) SYNONYM_OF.set(v, (SYNONYM_OF.get(v) ?? new Set()).add(i));
});

/** Same meaning: one CRUD class, or one synonym group, or the same verb. */
export function sameVerbMeaning(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = crudClassOf(a);
  const cb = crudClassOf(b);
  if (ca !== undefined && ca === cb) return true;
  const ga = SYNONYM_OF.get(a);
  const gb = SYNONYM_OF.get(b);
  return !!ga && !!gb && [...ga].some((g) => gb.has(g));
}

/** Below this, a reworded statement is a different statement (same threshold idea as lib/diff). */
const PAIRING = 0.5;

export function applyLock(options: { draft: ModelDraft; statements: readonly Statement[]; lock: Model }): void {
  const { draft, lock } = options;
  const newIds = new Set(options.statements.map((s) => s.id));
  // Pair each new statement with its old self: same id, else the most similar old statement of the
  // same file that no longer exists (reworded statements change their derived id).
  const gone = lock.statements.filter((s) => !newIds.has(s.id));
  const oldIds = new Set(lock.statements.map((s) => s.id));
  const pairOf = new Map<string, string>();
  const goneTokens = gone.map((s) => ({ s, t: tokenSet(normaliseText(s.text)) }));
  for (const st of options.statements) {
    if (oldIds.has(st.id)) {
      pairOf.set(st.id, st.id);
      continue;
    }
    const t = tokenSet(normaliseText(st.text));
    let best: { id: string; score: number } | undefined;
    for (const g of goneTokens) {
      if (g.s.file !== st.file) continue;
      const score = diceSimilarity(t, g.t);
      if (score >= PAIRING && (!best || score > best.score || (score === best.score && cmp(g.s.id, best.id) < 0))) best = { id: g.s.id, score };
    }
    if (best) pairOf.set(st.id, best.id);
  }
  // The previous operations by component and interface role.
  const old = new Map<string, { name: string; sources: string[] }[]>();
  for (const walk of [lock.system, ...allSubsystems(lock.system)]) {
    for (const c of walk.components) {
      for (const i of c.interfaces) {
        const role = i.operations.some((o) => o.handles !== undefined) ? "handlers" : "api";
        const k = `${c.name}/${role}`;
        old.set(k, [...(old.get(k) ?? []), ...i.operations.map((o) => ({ name: o.name, sources: o.sources }))]);
      }
    }
  }
  // Events: a reworded trigger keeps its event when the thing is the same and the verb means the same.
  const oldEvents = [...allEvents(lock.system)];
  const oldEventNames = new Set(oldEvents.map((e) => e.name));
  for (const [name, ev] of [...draft.events]) {
    if (oldEventNames.has(name)) continue;
    const pairedOld = new Set(ev.sources.map((s) => pairOf.get(s)).filter((x): x is string => x !== undefined));
    const candidates = oldEvents.filter((o) => !draft.events.has(o.name) && o.sources.some((s) => pairedOld.has(s)) && sameEvent(name, o.name));
    if (candidates.length !== 1) continue;
    const locked = candidates[0]!.name;
    draft.events.delete(name);
    ev.name = locked;
    draft.events.set(locked, ev);
    for (const comp of draft.components.values()) for (const ops of comp.interfaces.values()) for (const op of ops.values()) if (op.handles === name) op.handles = locked;
    retarget(draft, name, locked);
  }
  for (const [cname, comp] of draft.components) {
    for (const [role, ops] of comp.interfaces) {
      const previous = old.get(`${cname}/${role}`);
      if (!previous) continue;
      const previousNames = new Set(previous.map((p) => p.name));
      for (const op of [...ops.values()]) {
        if (previousNames.has(op.name) || op.declared) continue;
        const pairedOld = new Set(op.sources.map((s) => pairOf.get(s)).filter((x): x is string => x !== undefined));
        const candidates = previous.filter((p) => !ops.has(p.name) && p.sources.some((s) => pairedOld.has(s)) && sameOperation(op, p.name));
        if (candidates.length !== 1) continue;
        const name = candidates[0]!.name;
        ops.delete(op.name);
        op.name = name;
        ops.set(name, op);
      }
    }
  }
}

/** The same operation under another verb: equal object words after the verb, verbs of one meaning. */
function sameOperation(op: OperationDraft, oldName: string): boolean {
  const a = splitWords(op.name);
  const b = splitWords(oldName);
  if (a.length !== b.length || a.length < 2) return false;
  if (a.slice(1).join(" ") !== b.slice(1).join(" ")) return false;
  return sameVerbMeaning(op.verb, b[0]!) || sameVerbMeaning(a[0]!, b[0]!);
}

function allSubsystems(s: Model["system"]): Model["system"][] {
  return s.subsystems.flatMap((c) => [c, ...allSubsystems(c)]);
}

function allEvents(s: Model["system"]): { name: string; sources: string[] }[] {
  return [...s.events, ...s.subsystems.flatMap(allEvents)];
}

/** The same event under another participle: equal leading words, last words of one meaning. */
function sameEvent(a: string, b: string): boolean {
  const x = splitWords(a);
  const y = splitWords(b);
  if (x.length !== y.length || x.length < 2) return false;
  if (x.slice(0, -1).join(" ") !== y.slice(0, -1).join(" ")) return false;
  const lemmas = (w: string) => [w, w.replace(/ied$/, "y"), w.replace(/ed$/, ""), w.replace(/d$/, "")];
  return lemmas(x[x.length - 1]!).some((a) => lemmas(y[y.length - 1]!).some((b) => sameVerbMeaning(a, b)));
}

/** Event fields and parameters typed with a renamed event follow it. */
function retarget(draft: ModelDraft, from: string, to: string): void {
  const fix = (t: TypeSpec): TypeSpec => (t.kind === "event" && t.name === from ? { kind: "event", name: to } : t.kind === "list" ? { kind: "list", of: fix(t.of) } : t);
  for (const comp of draft.components.values()) for (const ops of comp.interfaces.values()) for (const op of ops.values()) for (const p of op.params.values()) p.type = fix(p.type);
}
