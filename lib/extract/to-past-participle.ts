const IRREGULAR: Record<string, string> = {
  be: "been", become: "become", begin: "begun", break: "broken", bring: "brought", build: "built",
  buy: "bought", catch: "caught", choose: "chosen", come: "come", cut: "cut", do: "done", draw: "drawn",
  drive: "driven", eat: "eaten", fall: "fallen", feed: "fed", feel: "felt", find: "found", fly: "flown",
  forget: "forgotten", freeze: "frozen", get: "got", give: "given", go: "gone", grow: "grown", have: "had",
  hear: "heard", hide: "hidden", hold: "held", keep: "kept", know: "known", lay: "laid", lead: "led",
  leave: "left", lend: "lent", let: "let", lose: "lost", make: "made", mean: "meant", meet: "met",
  pay: "paid", put: "put", quit: "quit", read: "read", ride: "ridden", ring: "rung", rise: "risen",
  run: "run", say: "said", see: "seen", seek: "sought", sell: "sold", send: "sent", set: "set",
  shake: "shaken", show: "shown", shut: "shut", sing: "sung", sit: "sat", sleep: "slept", speak: "spoken",
  spend: "spent", split: "split", spread: "spread", stand: "stood", steal: "stolen", stick: "stuck",
  strike: "struck", swim: "swum", take: "taken", teach: "taught", tear: "torn", tell: "told",
  think: "thought", throw: "thrown", understand: "understood", upset: "upset", wake: "woken", wear: "worn",
  win: "won", withdraw: "withdrawn", write: "written", rebuild: "rebuilt", rewrite: "rewritten",
  upload: "uploaded", download: "downloaded", overwrite: "overwritten", undo: "undone", redo: "redone",
  reset: "reset", input: "input", output: "output", broadcast: "broadcast",
};

// Short verbs whose final consonant doubles ("submit" -> "submitted"); the rule needs stress, which
// plain text does not carry, so the common ones in requirement text are listed.
const DOUBLING = new Set([
  "submit", "stop", "drop", "plan", "ship", "tag", "log", "commit", "permit", "admit", "omit", "emit",
  "transmit", "refer", "prefer", "transfer", "occur", "recur", "ban", "chat", "flag", "map", "pin",
  "plug", "rob", "scan", "skip", "slip", "snap", "swap", "tap", "trim", "wrap", "zip", "grab", "hug",
  "shop", "star", "stir", "upset", "control", "patrol", "label",
]);

/** Past participle of an English verb lemma: "add" -> "added", "create" -> "created", "send" -> "sent". */
export function toPastParticiple(lemma: string): string {
  const verb = lemma.toLowerCase();
  const parts = verb.split(" ");
  if (parts.length > 1) return [toPastParticiple(parts[0]!), ...parts.slice(1)].join(" ");
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular;
  if (DOUBLING.has(verb)) return verb + verb.at(-1) + "ed";
  if (verb.endsWith("e")) return verb + "d";
  if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + "ied";
  return verb + "ed";
}
