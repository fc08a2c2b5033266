import type { ClauseFact } from "../extract/types.js";
import { splitWords, toTypeName } from "./naming.js";
import { contentWords } from "./resolve-phrase.js";

/** What an unwanted condition says happened, as the last words of an error name (docs/model.md "Errors"). */
const OUTCOMES: [RegExp, string][] = [
  [/\b(?:does not|doesn't|did not|fails? to|cannot|can't)\s+(?:answer|respond|reply|complete|finish)\b.*\bwithin\b|\btimes?\s*out\b|\btimeout\b/i, "timeout"],
  [/\b(?:more than|exceeds?|exceeding|over|above|beyond|too many|greater than|larger than)\b/i, "limit exceeded"],
  [/\b(?:not found|(?:do|does|did) not exist|(?:don't|doesn't|didn't) exist|missing|unknown|no longer exists?)\b/i, "not found"],
  [/\b(?:already exists?|duplicate|taken|in use)\b/i, "already exists"],
  [/\b(?:invalid|malformed|incorrect|wrong|cannot be parsed|can't be parsed|unparseable|corrupt(?:ed)?)\b/i, "invalid"],
  [/\b(?:expire[sd]?|expiry)\b/i, "expired"],
  [/\b(?:declines?|declined)\b/i, "declined"],
  [/\b(?:rejects?|rejected|denie[sd]|deny)\b/i, "rejected"],
  [/\b(?:unauthori[sz]ed|not authori[sz]ed|forbidden|lacks? permission|without permission)\b/i, "unauthorized"],
  [/\b(?:unavailable|unreachable|down|offline|not available|cannot be reached)\b/i, "unavailable"],
  [/\bout of stock\b/i, "out of stock"],
  [/\b(?:fails?|failed|failure|errors?)\b/i, "failed"],
  [/\b(?:insufficient|not enough)\b/i, "insufficient"],
  [/\b(?:conflicts?)\b/i, "conflict"],
  [/\b(?:locked)\b/i, "locked"],
  [/\b(?:empty|blank)\b/i, "empty"],
];

/** Words an error name leaves out: articles, pronouns, auxiliaries, fillers. */
const FILLER = new Set([
  "the", "a", "an", "its", "their", "any", "is", "are", "was", "were", "be", "been", "has", "have", "does", "do", "did",
  "they", "it", "he", "she", "we", "you", "i", "them", "his", "her", "our", "my", "your", "anymore", "longer", "ever", "still",
]);

/**
 * The name of an error case from its condition: what it is about (the clause subject, else its
 * first noun phrase) plus what happened, read from a fixed table of outcomes ("the payment
 * provider does not answer within 10 seconds" -> PaymentProviderTimeoutError; "the cart holds
 * more than 20 copies" -> CartLimitExceededError). Without a known outcome the condition's first
 * words name it.
 */
export function nameError(condition: ClauseFact | string): string {
  const c: ClauseFact = typeof condition === "string" ? { text: condition } : condition;
  const text = c.text;
  const subjectWords = c.subject ? contentWords(c.subject) : c.actor ? splitWords(c.actor) : contentWords(text);
  const about = subjectWords.slice(-3);
  for (const [re, outcome] of OUTCOMES) {
    if (re.test(text)) return toTypeName([...about, ...outcome.split(" ")], "Condition") + "Error";
  }
  // "they don't attend the camp anymore" -> NotAttendCampError: contractions read out, pronouns and fillers dropped.
  const plain = text.replace(/\bcan['’]t\b|\bcannot\b/gi, "can not").replace(/\bwon['’]t\b/gi, "will not").replace(/n['’]t\b/gi, " not");
  const words = splitWords(plain).filter((w) => !FILLER.has(w)).slice(0, 5);
  const base = toTypeName(words, "Condition");
  return base.endsWith("Error") ? base : base + "Error";
}
