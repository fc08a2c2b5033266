import { readNounPhrase } from "../nlp/read-noun-phrase.js";
import type { NounChunk, Token } from "../nlp/types.js";
import type { Action } from "./types.js";
import {
  ACTION_VERBS,
  CATENATIVE_VERBS,
  ENABLING_VERBS,
  LIGHT_NOUNS,
  NON_ACTION_VERBS,
  PHRASAL_PARTICLES,
} from "./lexicon.js";
import { isCollective, spanText } from "./normalise-phrase.js";

/** An action plus the token chunks it was read from, so callers can derive entities and fields. */
export interface FoundAction {
  action: Action;
  /** Objects of the action (coordinated objects give several), after "a list of X" -> X. */
  objects: NounChunk[];
  complements: { prep: string; chunk: NounChunk }[];
  /** The object is the clause subject ("the data SHALL be encrypted"). */
  passive?: boolean;
}

export interface ReadActionsResult {
  found: FoundAction[];
  /** Who an enabling verb hands the action to: "allow users to ..." -> users. */
  agents: NounChunk[];
  /** Token index just past the last token read. */
  end: number;
}

export interface ReadActionsOptions {
  text: string;
  tokens: readonly Token[];
  from: number;
  to: number;
  /** The clause subject, used as the object of a passive ("the data SHALL be encrypted"). */
  subject?: NounChunk;
  /** Read "include"/"contain" as actions (a person includes things; a record includes fields). */
  structuralAsActions?: boolean;
}

/** Verbs that refuse the action they govern ("refuse to add", "decline to process"). */
const REFUSING_VERBS = new Set(["refuse", "decline", "fail", "reject", "forbid", "prevent"]);
const MODAL_LIKE = new Set(["can", "could", "will", "would", "shall", "should", "may", "might", "must"]);
const NEGATIONS = new Set(["not", "never", "n't", "no longer"]);
const ABILITY_WORDS = new Set(["able", "capable", "allowed", "permitted", "required", "designed", "expected", "enabled", "configured", "unable"]);
const COORDINATORS = new Set([",", "and", "or", "and/or", "/", "&", "then", "as well as"]);
const CLAUSE_STOPS = new Set(["that", "which", "who", "whom", "whose", "so", "than", "as", "like", "because", "unless", "until", "while", "when", "whenever", "if", "where", "whereas"]);

/** Lemma of a token used as a verb, also when wink tagged it as a noun ("update" in a verb list). */
function verbLemma(t: Token): string {
  if (t.pos === "ADJ" && /ed$/.test(t.lower)) return participleStem(t.lower);
  if (t.pos === "VERB" || t.pos === "AUX") return t.lemma;
  return ACTION_VERBS.has(t.lower) ? t.lower : t.lemma;
}

/** True when token i can be the head verb of an action at a place where a verb is expected. */
function isVerbAt(tokens: readonly Token[], i: number, to: number): boolean {
  if (i >= to) return false;
  const t = tokens[i]!;
  if (t.pos === "VERB") return true;
  if (t.pos === "AUX") return ["be", "have", "do", "get"].includes(t.lemma);
  if ((t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "ADJ" || t.pos === "ADV") && (ACTION_VERBS.has(t.lower) || ACTION_VERBS.has(t.lemma))) {
    return !/s$/.test(t.lower) || t.lower === t.lemma;
  }
  return false;
}

function isParticiple(t: Token): boolean {
  if (t.pos === "ADJ") return /ed$/.test(t.lower) && t.lower.length > 4;
  return t.pos === "VERB" && /(?:ed|en|wn|lt|nt|ne|ut|ld|ght)$/.test(t.lower) && t.lower !== t.lemma;
}

/** "informed" -> "inform", "created" -> "create", "submitted" -> "submit" (wink tags these as adjectives). */
function participleStem(word: string): string {
  const candidates = [word.replace(/ied$/, "y"), word.slice(0, -1), word.slice(0, -2), word.replace(/(\w)\1ed$/, "$1")];
  return candidates.find((c) => ACTION_VERBS.has(c)) ?? (/(?:at|iz|is|us|v|c|g|dl|bl|pl|tl)ed$/.test(word) ? word.slice(0, -1) : word.slice(0, -2));
}

function isGerund(t: Token): boolean {
  return t.pos === "VERB" && t.lower.endsWith("ing");
}

/** Index of "access" in "have [full|remote|...] access to", or -1. */
function accessAt(tokens: readonly Token[], i: number, to: number): number {
  let k = i;
  while (k < to && k < i + 3 && tokens[k]!.lower !== "access" && (tokens[k]!.pos === "ADJ" || tokens[k]!.pos === "DET" || tokens[k]!.pos === "VERB")) k++;
  return k < to && tokens[k]!.lower === "access" && tokens[k + 1]?.lower === "to" ? k : -1;
}

/** Reads a noun phrase and its "of" attachments; collective heads defer to the attached phrase. */
function readObject(tokens: readonly Token[], i: number, to: number): { main: NounChunk; end: number } | undefined {
  const np = readNounPhrase(tokens, i, to);
  if (!np) return undefined;
  let main = np;
  let end = np.end;
  while (end < to && tokens[end]!.lower === "of") {
    const next = readNounPhrase(tokens, end + 1, to);
    if (!next) break;
    if (isCollective(tokens, main) || tokens[main.head]!.pos === "PRON") main = next;
    end = next.end;
  }
  return { main, end };
}

/** Index after a coordinator run at k (", and", "or", "/"), or -1 when none starts there. */
function skipCoordinator(tokens: readonly Token[], k: number, to: number): number {
  if (k >= to || !COORDINATORS.has(tokens[k]!.lower)) return -1;
  let m = k + 1;
  while (m < to && COORDINATORS.has(tokens[m]!.lower)) m++;
  return m < to ? m : -1;
}

/**
 * Reads the verb phrases that start at `from` (after a modal, "to", or at the start of a step),
 * looking through light constructions ("be able to", "allow users to", "provide a way to",
 * "support exporting") to the real action, splitting coordinated verbs and coordinated
 * verb phrases into several actions.
 */
export function readActions(options: ReadActionsOptions): ReadActionsResult {
  const result: ReadActionsResult = { found: [], agents: [], end: options.from };
  readInto(options, options.from, false, result, 0);
  return result;
}

function readInto(o: ReadActionsOptions, start: number, negatedIn: boolean, out: ReadActionsResult, depth: number): boolean {
  const { tokens, text, to } = o;
  if (depth > 8) return false;
  let i = start;
  let negated = negatedIn;
  while (i < to) {
    const t = tokens[i]!;
    if (NEGATIONS.has(t.lower)) negated = true;
    else if (!(t.pos === "ADV" && !isVerbAt(tokens, i, to)) && !(t.pos === "PUNCT" && /^[`*_"']$/.test(t.text))) break;
    i++;
  }
  if (!isVerbAt(tokens, i, to)) return false;
  const head = tokens[i]!;
  const lemma = verbLemma(head);
  const next = i + 1;
  const nextLower = tokens[next]?.lower ?? "";
  let passiveObject: NounChunk | undefined;
  let verbIndex = i;

  // "do not overwrite": the negated verb is the action.
  if (lemma === "do" && tokens[next] && NEGATIONS.has(tokens[next]!.lower)) return readInto(o, next + 1, true, out, depth + 1);
  // "refuse to add another copy": the governed verb is the action, refused (it guards that action).
  if (REFUSING_VERBS.has(lemma) && nextLower === "to" && isVerbAt(tokens, next + 1, to)) {
    const before = out.found.length;
    const ok = readInto(o, next + 1, negated, out, depth + 1);
    const first = out.found[before];
    for (const f of out.found.slice(before)) if (f === first || (first && f.action.object === first.action.object && f.action.object !== undefined)) f.action.refused = true;
    return ok;
  }
  if (lemma === "be") {
    let j = next;
    while (j < to && (tokens[j]!.pos === "ADV" || NEGATIONS.has(tokens[j]!.lower))) {
      if (NEGATIONS.has(tokens[j]!.lower)) negated = true;
      j++;
    }
    const w = tokens[j];
    if (w && ABILITY_WORDS.has(w.lower) && (tokens[j + 1]?.lower === "to" || tokens[j + 1]?.lower === "of")) {
      return readInto(o, j + 2, negated || w.lower === "unable", out, depth + 1);
    }
    // "be able start" (the "to" dropped)
    if (w && (w.lower === "able" || w.lower === "unable") && tokens[j + 1]?.pos === "VERB") return readInto(o, j + 1, negated || w.lower === "unable", out, depth + 1);
    if (w && isParticiple(w) && !ABILITY_WORDS.has(w.lower)) {
      verbIndex = j;
      passiveObject = o.subject;
    } else return false;
  } else if (CATENATIVE_VERBS.has(lemma) && nextLower === "to" && isVerbAt(tokens, next + 1, to)) {
    return readInto(o, next + 1, negated, out, depth + 1);
  } else if (lemma === "have" && tokens[next] && tokens[next]!.pos === "VERB" && isParticiple(tokens[next]!)) {
    // perfect: "I want to have created database indexes"
    return readInto(o, next, negated, out, depth + 1);
  } else if (lemma === "have" && accessAt(tokens, next, to) >= 0 && readObject(tokens, accessAt(tokens, next, to) + 2, to)) {
    // "have (full) access to X" -> access X
    const target = readObject(tokens, accessAt(tokens, next, to) + 2, to)!;
    const action: Action = { verb: "access", phrase: spanText(text, tokens, i, target.end), object: spanText(text, tokens, target.main.start, target.main.end) };
    if (negated) action.negated = true;
    out.found.push({ action, objects: [target.main], complements: [] });
    out.end = Math.max(out.end, target.end);
    return true;
  } else if (ENABLING_VERBS.has(lemma) || CATENATIVE_VERBS.has(lemma) || lemma === "make") {
    if (lemma === "make" && nextLower === "it") {
      for (let j = next + 1; j < Math.min(to, next + 8); j++) {
        if (tokens[j]!.lower === "to" && isVerbAt(tokens, j + 1, to)) return readInto(o, j + 1, negated, out, depth + 1);
      }
    }
    const np = readNounPhrase(tokens, next, to);
    if (np) {
      const after = tokens[np.end];
      if (after?.lower === "to" && isVerbAt(tokens, np.end + 1, to)) {
        // "to be <participle>": the noun phrase is what gets acted on ("I want my data to be saved").
        if (tokens[np.end + 1]!.lemma === "be" && tokens[np.end + 2] && isParticiple(tokens[np.end + 2]!)) {
          return readFrom(o, i, np.end + 2, negated, np, out, depth);
        }
        if (ENABLING_VERBS.has(lemma) || CATENATIVE_VERBS.has(lemma)) out.agents.push(np);
        return readInto(o, np.end + 1, negated, out, depth + 1);
      }
      if ((lemma === "let" || lemma === "help" || lemma === "make") && isVerbAt(tokens, np.end, to) && tokens[np.end]!.pos === "VERB") {
        out.agents.push(np);
        return readInto(o, np.end, negated, out, depth + 1);
      }
      // "have the deletions processed"
      if ((lemma === "have" || lemma === "get") && after && isParticiple(after)) {
        return readFrom(o, i, np.end, negated, np, out, depth);
      }
      if (lemma === "have" && after) {
        // "have an ALFRED device that repeats the last phrase", "have my dataset update automatically"
        let v = np.end;
        if (["that", "which", "who"].includes(after.lower)) v++;
        while (v < to && (tokens[v]!.pos === "ADV" || tokens[v]!.pos === "AUX" && MODAL_LIKE.has(tokens[v]!.lower))) v++;
        if (v < to && tokens[v]!.lemma === "be" && tokens[v + 1] && isParticiple(tokens[v + 1]!)) return readFrom(o, i, v + 1, negated, np, out, depth);
        if (v < to && tokens[v]!.pos === "VERB" && !isGerund(tokens[v]!)) return readInto({ ...o, subject: np }, v, negated, out, depth + 1);
        // After "that/which" the next word is the verb even when wink calls it a noun ("that repeats").
        const relative = ["that", "which", "who"].includes(after.lower);
        if (relative && v < to && tokens[v]!.pos === "NOUN" && /[^s]s$/.test(tokens[v]!.lower) && tokens[v]!.lemma !== tokens[v]!.lower) {
          return readFrom({ ...o, subject: np }, v, v, negated, undefined, out, depth);
        }
      }
    }
    if ((lemma === "allow" || lemma === "enable" || lemma === "permit") && tokens[next] && isGerund(tokens[next]!)) {
      return readInto(o, next, negated, out, depth + 1);
    }
    if ((lemma === "allow" || lemma === "enable") && nextLower === "for") {
      const np2 = readNounPhrase(tokens, next + 1, to);
      if (np2 && tokens[np2.end]?.lower === "to") {
        out.agents.push(np2);
        return readInto(o, np2.end + 1, negated, out, depth + 1);
      }
    }
  }
  if (["provide", "offer", "give", "have", "include", "support", "expose", "add", "present", "implement", "feature", "contain"].includes(lemma)) {
    let np = readNounPhrase(tokens, next, to);
    // "provide the users with the ability to V": the users are the agent.
    if (np && !LIGHT_NOUNS.has(tokens[np.head]!.lemma) && tokens[np.end]?.lower === "with") {
      const light = readNounPhrase(tokens, np.end + 1, to);
      if (light && LIGHT_NOUNS.has(tokens[light.head]!.lemma)) {
        out.agents.push(np);
        np = light;
      }
    }
    if (np && LIGHT_NOUNS.has(tokens[np.head]!.lemma)) {
      let j = np.end;
      if (tokens[j]?.lower === "for" || tokens[j]?.lower === "of") {
        if (tokens[j + 1] && isGerund(tokens[j + 1]!)) return readInto(o, j + 1, negated, out, depth + 1);
        const agent = readNounPhrase(tokens, j + 1, to);
        if (agent && tokens[agent.end]?.lower === "to") {
          out.agents.push(agent);
          return readInto(o, agent.end + 1, negated, out, depth + 1);
        }
      }
      if (tokens[j]?.lower === "that" || tokens[j]?.lower === "which") j++;
      if (tokens[j]?.lower === "to" && isVerbAt(tokens, j + 1, to)) return readInto(o, j + 1, negated, out, depth + 1);
      if (tokens[j]?.lower === "to") {
        const agent = readNounPhrase(tokens, j + 1, to);
        if (agent && tokens[agent.end]?.lower === "to") {
          out.agents.push(agent);
          return readInto(o, agent.end + 1, negated, out, depth + 1);
        }
      }
    }
  }
  if (["support", "facilitate", "enable", "allow", "start", "begin", "handle", "permit", "avoid", "stop"].includes(lemma) && tokens[next] && isGerund(tokens[next]!)) {
    const r = readInto(o, next, negated, out, depth + 1);
    if (r) return true;
  }
  if (NON_ACTION_VERBS.has(lemma) && verbIndex === i && !(o.structuralAsActions && (lemma === "include" || lemma === "contain"))) return false;
  return readFrom(o, i, verbIndex, negated, passiveObject, out, depth);
}

/** Reads the verb group at verbIndex (phrase starting at `phraseStart`), its object and complements. */
function readFrom(
  o: ReadActionsOptions,
  phraseStart: number,
  verbIndex: number,
  negated: boolean,
  passiveObject: NounChunk | undefined,
  out: ReadActionsResult,
  depth: number,
): boolean {
  const { tokens, text, to } = o;
  const verbs: { index: number; end: number; verb: string }[] = [];
  const readVerb = (v: number): number => {
    const lemma = verbLemma(tokens[v]!);
    const particle = tokens[v + 1];
    if (particle && v + 1 < to && PHRASAL_PARTICLES[lemma]?.includes(particle.lower)) {
      verbs.push({ index: v, end: v + 2, verb: `${lemma} ${particle.lower}` });
      return v + 2;
    }
    verbs.push({ index: v, end: v + 1, verb: lemma });
    return v + 1;
  };
  let k = readVerb(verbIndex);
  // Coordinated verbs that share what follows: "create, update and delete events".
  for (;;) {
    const m = skipCoordinator(tokens, k, to);
    if (m < 0 || !isVerbAt(tokens, m, to) || NON_ACTION_VERBS.has(verbLemma(tokens[m]!))) break;
    const after = m + 1;
    const follower = tokens[after];
    const shares = !follower || COORDINATORS.has(follower.lower) || !!readNounPhrase(tokens, after, to) || !!PHRASAL_PARTICLES[verbLemma(tokens[m]!)]?.includes(follower.lower);
    if (!shares) break;
    k = readVerb(m);
  }
  // "list only books whose ...": a focusing adverb before the object is not part of it.
  while (k < to && /^(?:only|just|also|exactly|precisely|merely|solely)$/.test(tokens[k]!.lower) && readNounPhrase(tokens, k + 1, to)) k++;
  // "add that many copies of the book": a quantity determiner, not a relative clause.
  if (k + 2 < to && /^(?:that|this|so|as)$/.test(tokens[k]!.lower) && /^(?:many|much)$/.test(tokens[k + 1]!.lower) && readNounPhrase(tokens, k + 2, to)) k += 2;
  const objStart = k;
  const objects: NounChunk[] = [];
  if (passiveObject && tokens[passiveObject.head]!.pos === "PRON") passiveObject = undefined;
  if (passiveObject) objects.push(passiveObject);
  else {
    const first = readObject(tokens, k, to);
    if (first && tokens[first.main.head]!.pos !== "PRON") {
      objects.push(first.main);
      k = first.end;
      for (;;) {
        const m = skipCoordinator(tokens, k, to);
        if (m < 0 || (isVerbAt(tokens, m, to) && tokens[m]!.pos === "VERB" && tokens[m]!.lower === tokens[m]!.lemma)) break;
        // "fail the build and report test failures": a known verb followed by its own object.
        if (ACTION_VERBS.has(tokens[m]!.lower) && tokens[m + 1] && ["DET", "NOUN", "PROPN", "ADJ"].includes(tokens[m + 1]!.pos) && readNounPhrase(tokens, m + 1, to)) break;
        const more = readObject(tokens, m, to);
        if (!more || tokens[more.main.head]!.pos === "PRON") break;
        objects.push(more.main);
        k = more.end;
      }
    }
  }
  // "validate that SKU is unique", "verify whether the file exists": the clause subject is what is acted on.
  let clauseObject: NounChunk | undefined;
  if (objects.length === 0 && k < to && /^(?:that|whether|if)$/.test(tokens[k]!.lower)) {
    const np = readNounPhrase(tokens, k + 1, to);
    if (np && tokens[np.head]!.pos !== "PRON" && tokens[np.end] && (tokens[np.end]!.pos === "AUX" || tokens[np.end]!.pos === "VERB")) {
      clauseObject = np;
      objects.push(np);
      k = np.end;
    }
  }
  const objEnd = k;
  const complements: { prep: string; chunk: NounChunk }[] = [];
  while (k < to) {
    let t = tokens[k]!;
    let p = k;
    if (t.pos === "ADV" && tokens[k + 1]?.pos === "ADP") t = tokens[++p]!;
    if (t.pos !== "ADP" || CLAUSE_STOPS.has(t.lower)) break;
    if (t.lower === "to" && isVerbAt(tokens, p + 1, to) && tokens[p + 1]!.pos === "VERB") break;
    const np = readObject(tokens, p + 1, to);
    // Measures ("within 200 ms") are constraints, not complements.
    if (!np || tokens.slice(np.main.start, np.main.end).some((x) => x.pos === "NUM")) break;
    complements.push({ prep: t.lower, chunk: np.main });
    k = np.end;
    // "by topic, activity level, and member count": one preposition, several phrases.
    for (;;) {
      const m = skipCoordinator(tokens, k, to);
      if (m < 0 || isVerbAt(tokens, m, to) || tokens[m]!.pos === "ADP") break;
      const more = readObject(tokens, m, to);
      if (!more || tokens.slice(more.main.start, more.main.end).some((x) => x.pos === "NUM" || x.pos === "PRON")) break;
      complements.push({ prep: t.lower, chunk: more.main });
      k = more.end;
    }
  }
  const end = k;
  for (const v of verbs) {
    const tail = spanText(text, tokens, objStart, end);
    const phrase =
      verbs.length === 1 ? spanText(text, tokens, phraseStart, end) : [spanText(text, tokens, v.index, v.end), tail].filter(Boolean).join(" ");
    const action: Action = { verb: v.verb, phrase };
    if (passiveObject) action.object = spanText(text, tokens, passiveObject.start, passiveObject.end);
    else if (clauseObject) action.object = spanText(text, tokens, clauseObject.start, clauseObject.end);
    else if (objEnd > objStart) action.object = spanText(text, tokens, objStart, objEnd);
    if (complements.length > 0) {
      action.complements = complements.map((c) => ({ prep: c.prep, phrase: spanText(text, tokens, c.chunk.start, c.chunk.end) }));
    }
    if (negated) action.negated = true;
    out.found.push(passiveObject ? { action, objects, complements, passive: true } : { action, objects, complements });
  }
  out.end = Math.max(out.end, end);
  // A further coordinated verb phrase with its own object: "save progress and allow resumption".
  const m = skipCoordinator(tokens, end, to);
  // A third-person form after a base-form verb is a noun or a new clause ("progress or counts").
  const third = m >= 0 && tokens[m] && tokens[m]!.lower !== tokens[m]!.lemma && tokens[m]!.pos === "VERB";
  if (m >= 0 && !third && isVerbAt(tokens, m, to)) readInto(o, m, false, out, depth + 1);
  return true;
}
