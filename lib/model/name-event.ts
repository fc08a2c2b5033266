import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { readConcept } from "./naming.js";

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

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
  nlp ??= winkNLP(model);
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
 * Words of an event name, past tense, from a trigger phrase (docs/model.md "Events"):
 * "the user adds an item to the cart" -> [item, added]; "the order is placed" -> [order, placed];
 * "the payment fails" -> [payment, failed]; "user logs in" -> [user, logged, in].
 */
export function nameEventWords(trigger: string): string[] {
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
  const past = state ? state[negated ? 1 : 0] : negated ? "not " + pastParticiple(verb.lemma) : pastParticiple(verb.lemma);
  const objectWords = passive ? [] : nounWords(after);
  const subjectWords = nounWords(before);
  const thing = objectWords.length > 0 ? objectWords : subjectWords;
  return [...thing, past, ...(particle ? [particle] : [])];
}
