import { loadNlp } from "../nlp/tag-text.js";
import { readConcept, splitWords } from "./naming.js";

/** Irregular past participles of verbs that show up in triggers. */
const IRREGULAR: Record<string, string> = {
  pay: "paid", send: "sent", make: "made", build: "built", do: "done", give: "given", take: "taken",
  write: "written", sell: "sold", buy: "bought", hold: "held", lose: "lost", find: "found", leave: "left",
  meet: "met", set: "set", shut: "shut", put: "put", read: "read", run: "run", begin: "begun",
  choose: "chosen", win: "won", see: "seen", show: "shown", go: "gone", come: "come", get: "got",
  become: "become", break: "broken", bring: "brought", catch: "caught", draw: "drawn", drive: "driven",
  fall: "fallen", feel: "felt", forget: "forgotten", freeze: "frozen", grow: "grown", hide: "hidden",
  keep: "kept", know: "known", lay: "laid", lead: "led", lend: "lent", let: "let", light: "lit",
  mean: "meant", overwrite: "overwritten", rewrite: "rewritten", ring: "rung", rise: "risen", say: "said",
  seek: "sought", shake: "shaken", speak: "spoken", spend: "spent", stand: "stood", steal: "stolen",
  strike: "struck", swear: "sworn", teach: "taught", tell: "told", think: "thought", throw: "thrown",
  understand: "understood", undo: "undone", upload: "uploaded", wake: "woken", wear: "worn", withdraw: "withdrawn",
};

const PARTICIPLES = new Set(Object.values(IRREGULAR));
const AUXILIARIES = new Set(["is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "do", "did", "not", "no", "will", "can"]);

/** Two-syllable verbs stressed on the last syllable double their final consonant. */
const DOUBLING = new Set(["submit", "commit", "admit", "permit", "omit", "emit", "occur", "refer", "prefer", "transfer", "compel", "control", "equip", "regret", "rebut", "recur", "deter", "incur", "patrol"]);

const STATE_VERBS: Record<string, [string, string]> = {
  exist: ["found", "missing"],
  match: ["matched", "mismatched"],
  expire: ["expired", "unexpired"],
  contain: ["contained", "missing"],
};

const PARTICLES = new Set(["in", "out", "up", "off", "down", "back", "over"]);

/** Past participle of a verb lemma: "add" -> "added", "stop" -> "stopped", "pay" -> "paid". */
export function pastParticiple(lemma: string): string {
  const v = lemma.toLowerCase();
  const irregular = IRREGULAR[v];
  if (irregular) return irregular;
  if (/ed$/.test(v)) return v;
  if (/e$/.test(v)) return v + "d";
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + "ied";
  if (DOUBLING.has(v) || /^[^aeiou]*[aeiou][bdglmnprt]$/.test(v)) return v + v[v.length - 1] + "ed";
  return v + "ed";
}

interface Tok {
  lower: string;
  lemma: string;
  pos: string;
}

function tag(text: string): Tok[] {
  // The extractor's shared wink instance: loading the model twice costs a few hundred ms.
  const nlp = loadNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const lowers = (doc.tokens().out(its.value) as string[]).map((v) => v.toLowerCase());
  // wink types its.lemma with a signature `out` does not accept; it works at runtime.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  return lowers.map((lower, i) => ({ lower, lemma: lemmas[i] ?? lower, pos: pos[i] ?? "X" }));
}

function nounWords(toks: readonly Tok[]): string[] {
  const phrase = toks
    .filter((t) => t.pos !== "PUNCT")
    .map((t) => t.lower)
    .join(" ");
  return readConcept(phrase, 2).words;
}

/**
 * The action of a verb-initial fragment such as a capability bullet ("Parses intent from
 * statements", "Manifests implementations"): taggers read a capitalised first word as a noun, so
 * the fragment is read as "it <fragment>". Undefined when the first word is no verb.
 */
export function readFragmentAction(text: string): { verb: string; object?: string; complements?: { prep: string; phrase: string }[]; phrase: string } | undefined {
  const first = /^\s*([A-Z]?[a-z]+)\b/.exec(text)?.[1];
  if (!first || !/[^s]s$/.test(first)) return undefined;
  const toks = tag(`it ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
  const verb = toks[1];
  if (!verb || verb.pos !== "VERB") return undefined;
  const stops = new Set(["ADP", "PUNCT", "CCONJ", "SCONJ", "VERB", "AUX", "SYM"]);
  const rest: string[] = [];
  let i = 2;
  for (; i < toks.length && !stops.has(toks[i]!.pos); i++) rest.push(toks[i]!.lower);
  const complements: { prep: string; phrase: string }[] = [];
  // One prepositional complement: "from statements".
  if (toks[i]?.pos === "ADP") {
    const prep = toks[i]!.lower;
    const words: string[] = [];
    for (i++; i < toks.length && !stops.has(toks[i]!.pos); i++) words.push(toks[i]!.lower);
    if (words.length > 0) complements.push({ prep, phrase: words.join(" ") });
  }
  const object = rest.join(" ").trim();
  const phrase = text.replace(/\s*[(←✓].*$/, "").trim();
  return { verb: verb.lemma, ...(object ? { object } : {}), ...(complements.length ? { complements } : {}), phrase };
}

/** Verbs of an information need: "I want to know / see / have X" asks to get X. */
const NEED_VERBS = new Set(["know", "see", "have", "understand", "learn", "access", "view", "get", "obtain", "receive", "find", "check", "review", "inform"]);

const SKIP_VERBS = new Set(["be", "want", "need", "wish", "like", "able", "allow", "enable", "let", "help", "make", "try", "do", "can", "will"]);

/**
 * The operation a user story asks for, read from its "I want" clause when the extractor found no
 * usable action: the first content verb and the noun phrase after it ("to properly record all
 * metadata" -> record metadata). An information need ("to know how the data is used", "to have an
 * estimate of the volume") becomes a "get" of the first noun phrase that follows.
 */
export function readWantAction(want: string): { verb: string; object?: string; complements?: { prep: string; phrase: string }[]; phrase: string } | undefined {
  const toks = tag(`I want to ${want.replace(/^\s*to\s+/i, "")}`);
  // "to have references": taggers often read "have" as an auxiliary.
  let i = toks.findIndex((t, k) => k >= 2 && ((t.pos === "VERB" && !SKIP_VERBS.has(t.lemma)) || (t.lemma === "have" && toks[k - 1]?.lower === "to")));
  if (i === -1) return undefined;
  const verb = toks[i]!;
  const need = NEED_VERBS.has(verb.lemma);
  const nounRun = (from: number): { words: string[]; end: number } => {
    const words: string[] = [];
    let k = from;
    while (k < toks.length && ["DET", "PRON"].includes(toks[k]!.pos) && !["it", "i", "me", "you", "we", "they"].includes(toks[k]!.lower)) k++;
    for (; k < toks.length && ["NOUN", "PROPN", "ADJ", "NUM"].includes(toks[k]!.pos); k++) words.push(toks[k]!.lower);
    return { words, end: k };
  };
  i++;
  const particle = toks[i] && PARTICLES.has(toks[i]!.lower) && toks[i + 1] && ["DET", "NOUN", "PROPN", "ADJ"].includes(toks[i + 1]!.pos) ? toks[i++]!.lower : undefined;
  let obj = nounRun(i);
  if (need && obj.words.length === 0) {
    // "know how the data is used", "know about the resources": the first noun phrase after.
    for (let k = i; k < toks.length && obj.words.length === 0; k++) if (["NOUN", "PROPN"].includes(toks[k]!.pos)) obj = nounRun(k);
  }
  // "an estimate of the produced data volume": follow "of" once.
  const complements: { prep: string; phrase: string }[] = [];
  const next = toks[obj.end];
  if (next?.pos === "ADP" && obj.words.length > 0) {
    const c = nounRun(obj.end + 1);
    if (c.words.length > 0) complements.push({ prep: next.lower, phrase: c.words.join(" ") });
  }
  const object = obj.words.join(" ");
  if (need && !object) return undefined;
  const head = need ? "get" : verb.lemma + (particle ? ` ${particle}` : "");
  return { verb: need ? "get" : verb.lemma, ...(object ? { object } : {}), ...(complements.length ? { complements } : {}), phrase: [head, object].filter(Boolean).join(" ") };
}

/**
 * Words of an event name, past tense, from a trigger phrase (docs/model.md "Events"):
 * "the user adds an item to the cart" -> [item, added]; "the order is placed" -> [order, placed];
 * "the payment fails" -> [payment, failed]; "user logs in" -> [user, logged, in].
 */
export function nameEventWords(trigger: string): string[] {
  // Already a name ("item added", "directory browsed"): no tagging needed.
  const plain = splitWords(trigger).filter((w) => !["a", "an", "the", "this", "that", "its", "their"].includes(w));
  const last = plain[plain.length - 1];
  if (plain.length >= 2 && plain.length <= 4 && last && (/[^e]ed$|[^aeiou]ied$|[aeiou][^aeiou]ed$/.test(last) || PARTICIPLES.has(last)) && !plain.slice(0, -1).some((w) => AUXILIARIES.has(w))) {
    const state = Object.entries(STATE_VERBS).find(([lemma]) => pastParticiple(lemma) === last);
    return state ? [...plain.slice(0, -1), state[1][0]] : plain;
  }
  const toks = tag(trigger);
  const verbAt = toks.findIndex((t) => t.pos === "VERB");
  if (verbAt === -1) {
    // No verb: "a timeout", "the cart is empty" -> the nouns and adjectives as written.
    const words = readConcept(toks.filter((t) => t.pos !== "AUX" && t.pos !== "PUNCT").map((t) => t.lower).join(" "), 3).words;
    return words.length > 0 ? words : ["trigger"];
  }
  const verb = toks[verbAt]!;
  const particle = toks[verbAt + 1] && PARTICLES.has(toks[verbAt + 1]!.lower) && toks[verbAt + 1]!.pos === "ADP" ? toks[verbAt + 1]!.lower : undefined;
  const before = toks.slice(0, verbAt).filter((t) => t.pos !== "AUX" && t.pos !== "PART" && t.lower !== "not" && t.lower !== "n't");
  const passive = verbAt > 0 && toks[verbAt - 1]!.pos === "AUX" && /(?:ed|en|wn|ung|ought|ade|ent|aid|ost|ound|eft|old|eld|ut|et)$/.test(verb.lower);
  const afterEnd = toks.findIndex((t, i) => i > verbAt + (particle ? 1 : 0) && (t.pos === "ADP" || t.pos === "SCONJ" || t.pos === "CCONJ" || t.pos === "PUNCT"));
  const after = toks.slice(verbAt + (particle ? 2 : 1), afterEnd === -1 ? toks.length : afterEnd);
  const negated = toks.some((t) => t.lower === "not" || t.lower === "n't" || t.lower === "never");
  // State verbs name a finding, not an action: "the branch exists" -> BranchFound, "... does not exist" -> BranchMissing.
  const state = STATE_VERBS[verb.lemma];
  // A participle written in the trigger keeps the author's spelling ("cancelled", not "canceled").
  const written = passive ? verb.lower : pastParticiple(verb.lemma);
  const past = state ? state[negated ? 1 : 0] : negated ? "not " + written : written;
  const objectWords = passive ? [] : nounWords(after);
  const subjectWords = nounWords(before);
  const thing = objectWords.length > 0 ? objectWords : subjectWords;
  return [...thing, past, ...(particle ? [particle] : [])];
}
