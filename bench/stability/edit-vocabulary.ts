/**
 * The words the stability edits are made of. Written for the bench, small and fixed: a change here
 * changes every edit, so the "before" and "after" numbers of an issue must come from the same table.
 */

/** A verb's forms: base, third person singular, past (and participle), -ing. */
export type VerbForms = readonly [base: string, third: string, past: string, ing: string];

/**
 * Same-meaning verb replacements, read in context as a reviewer would (add a book = insert a book,
 * show the price = display the price). Only tokens tagged VERB are replaced, so "a change" or
 * "order records" (nouns) are left alone.
 */
export const VERB_SYNONYMS: readonly (readonly [VerbForms, VerbForms])[] = [
  [["add", "adds", "added", "adding"], ["insert", "inserts", "inserted", "inserting"]],
  [["remove", "removes", "removed", "removing"], ["delete", "deletes", "deleted", "deleting"]],
  [["delete", "deletes", "deleted", "deleting"], ["remove", "removes", "removed", "removing"]],
  [["show", "shows", "shown", "showing"], ["display", "displays", "displayed", "displaying"]],
  [["display", "displays", "displayed", "displaying"], ["show", "shows", "shown", "showing"]],
  [["change", "changes", "changed", "changing"], ["update", "updates", "updated", "updating"]],
  [["update", "updates", "updated", "updating"], ["modify", "modifies", "modified", "modifying"]],
  [["edit", "edits", "edited", "editing"], ["modify", "modifies", "modified", "modifying"]],
  [["modify", "modifies", "modified", "modifying"], ["change", "changes", "changed", "changing"]],
  [["create", "creates", "created", "creating"], ["make", "makes", "made", "making"]],
  [["see", "sees", "seen", "seeing"], ["view", "views", "viewed", "viewing"]],
  [["view", "views", "viewed", "viewing"], ["see", "sees", "seen", "seeing"]],
  [["get", "gets", "got", "getting"], ["obtain", "obtains", "obtained", "obtaining"]],
  [["fetch", "fetches", "fetched", "fetching"], ["retrieve", "retrieves", "retrieved", "retrieving"]],
  [["retrieve", "retrieves", "retrieved", "retrieving"], ["fetch", "fetches", "fetched", "fetching"]],
  [["find", "finds", "found", "finding"], ["locate", "locates", "located", "locating"]],
  [["browse", "browses", "browsed", "browsing"], ["explore", "explores", "explored", "exploring"]],
  [["send", "sends", "sent", "sending"], ["transmit", "transmits", "transmitted", "transmitting"]],
  [["receive", "receives", "received", "receiving"], ["get", "gets", "got", "getting"]],
  [["check", "checks", "checked", "checking"], ["verify", "verifies", "verified", "verifying"]],
  [["verify", "verifies", "verified", "verifying"], ["check", "checks", "checked", "checking"]],
  [["validate", "validates", "validated", "validating"], ["check", "checks", "checked", "checking"]],
  [["provide", "provides", "provided", "providing"], ["supply", "supplies", "supplied", "supplying"]],
  [["store", "stores", "stored", "storing"], ["save", "saves", "saved", "saving"]],
  [["save", "saves", "saved", "saving"], ["store", "stores", "stored", "storing"]],
  [["keep", "keeps", "kept", "keeping"], ["retain", "retains", "retained", "retaining"]],
  [["record", "records", "recorded", "recording"], ["log", "logs", "logged", "logging"]],
  [["track", "tracks", "tracked", "tracking"], ["monitor", "monitors", "monitored", "monitoring"]],
  [["choose", "chooses", "chosen", "choosing"], ["select", "selects", "selected", "selecting"]],
  [["select", "selects", "selected", "selecting"], ["choose", "chooses", "chosen", "choosing"]],
  [["generate", "generates", "generated", "generating"], ["produce", "produces", "produced", "producing"]],
  [["notify", "notifies", "notified", "notifying"], ["inform", "informs", "informed", "informing"]],
  [["reduce", "reduces", "reduced", "reducing"], ["decrease", "decreases", "decreased", "decreasing"]],
  [["support", "supports", "supported", "supporting"], ["handle", "handles", "handled", "handling"]],
  [["need", "needs", "needed", "needing"], ["require", "requires", "required", "requiring"]],
  [["require", "requires", "required", "requiring"], ["need", "needs", "needed", "needing"]],
  [["buy", "buys", "bought", "buying"], ["purchase", "purchases", "purchased", "purchasing"]],
  [["purchase", "purchases", "purchased", "purchasing"], ["buy", "buys", "bought", "buying"]],
  [["include", "includes", "included", "including"], ["contain", "contains", "contained", "containing"]],
  [["contain", "contains", "contained", "containing"], ["include", "includes", "included", "including"]],
  [["execute", "executes", "executed", "executing"], ["run", "runs", "ran", "running"]],
  [["perform", "performs", "performed", "performing"], ["execute", "executes", "executed", "executing"]],
  [["start", "starts", "started", "starting"], ["begin", "begins", "begun", "beginning"]],
  [["begin", "begins", "begun", "beginning"], ["start", "starts", "started", "starting"]],
  [["stop", "stops", "stopped", "stopping"], ["halt", "halts", "halted", "halting"]],
  [["mark", "marks", "marked", "marking"], ["flag", "flags", "flagged", "flagging"]],
  [["flag", "flags", "flagged", "flagging"], ["mark", "marks", "marked", "marking"]],
  [["refuse", "refuses", "refused", "refusing"], ["decline", "declines", "declined", "declining"]],
  [["reject", "rejects", "rejected", "rejecting"], ["refuse", "refuses", "refused", "refusing"]],
  [["submit", "submits", "submitted", "submitting"], ["send", "sends", "sent", "sending"]],
  [["publish", "publishes", "published", "publishing"], ["post", "posts", "posted", "posting"]],
  [["assign", "assigns", "assigned", "assigning"], ["allocate", "allocates", "allocated", "allocating"]],
  [["help", "helps", "helped", "helping"], ["assist", "assists", "assisted", "assisting"]],
  [["allow", "allows", "allowed", "allowing"], ["permit", "permits", "permitted", "permitting"]],
  [["enable", "enables", "enabled", "enabling"], ["allow", "allows", "allowed", "allowing"]],
  [["review", "reviews", "reviewed", "reviewing"], ["examine", "examines", "examined", "examining"]],
  [["upload", "uploads", "uploaded", "uploading"], ["transfer", "transfers", "transferred", "transferring"]],
  [["list", "lists", "listed", "listing"], ["enumerate", "enumerates", "enumerated", "enumerating"]],
  [["return", "returns", "returned", "returning"], ["give back", "gives back", "given back", "giving back"]],
  [["use", "uses", "used", "using"], ["utilise", "utilises", "utilised", "utilising"]],
  [["apply", "applies", "applied", "applying"], ["employ", "employs", "employed", "employing"]],
  [["access", "accesses", "accessed", "accessing"], ["reach", "reaches", "reached", "reaching"]],
  [["manage", "manages", "managed", "managing"], ["administer", "administers", "administered", "administering"]],
];

/** Determiner swaps that keep the meaning ("each book" = "every book"). */
export const DETERMINER_SWAPS: Readonly<Record<string, string>> = { each: "every", every: "each" };

/** A clause that names a new verb and object, appended to a statement ("... and notify the account owner"). */
export interface ClauseTemplate {
  /** Base form, for statements with a modal verb or a user story's want. */
  verb: string;
  /** Third person, for statements written in the present ("Then the system archives ..."). */
  third: string;
  object: string;
}

/**
 * Clauses of a kind requirement writers add in review (notify, audit, confirm). A template whose
 * verb or any word of its object already occurs in the input is not used there: the clause must
 * name something new, so that modelling it means a new element (or a NOT_MODELLED diagnostic).
 */
export const CLAUSE_TEMPLATES: readonly ClauseTemplate[] = [
  { verb: "notify", third: "notifies", object: "the account owner" },
  { verb: "record", third: "records", object: "an audit entry" },
  { verb: "send", third: "sends", object: "a confirmation email" },
  { verb: "archive", third: "archives", object: "the previous version" },
  { verb: "export", third: "exports", object: "a usage report" },
  { verb: "schedule", third: "schedules", object: "a reminder" },
  { verb: "print", third: "prints", object: "a receipt" },
  { verb: "lock", third: "locks", object: "the session" },
  { verb: "escalate", third: "escalates", object: "the incident" },
  { verb: "attach", third: "attaches", object: "a signature" },
  { verb: "publish", third: "publishes", object: "a status bulletin" },
  { verb: "invoice", third: "invoices", object: "the sponsor" },
  { verb: "reward", third: "rewards", object: "the referrer" },
  { verb: "quarantine", third: "quarantines", object: "the attachment" },
  { verb: "survey", third: "surveys", object: "the tenant" },
];

/** Number words the "changed number" edit may change (one more), when no digits are written. */
export const NUMBER_WORDS: readonly string[] = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/**
 * Verbs that are not the content verb of a requirement (modals, auxiliaries, the story frame):
 * skipped when looking for the verb whose object a statement acts on.
 */
export const FRAME_VERBS: ReadonlySet<string> = new Set([
  "be", "have", "do", "shall", "must", "should", "will", "would", "can", "could", "may", "might",
  "want", "need", "like", "wish", "able", "let", "allow", "enable", "try",
]);
