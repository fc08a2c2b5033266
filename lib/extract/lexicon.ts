/**
 * Word lists the extractor uses. Each list was grounded in reading the corpora under
 * test/corpora (Dalpiaz backlogs, Kiro EARS files, OpenSpec and spec-kit specs, PROMISE
 * projects 1-10 only: projects 11-15 are held out for the benchmark).
 */

export { ACTION_VERBS } from "../nlp/verb-lexicon.js";

/** Particles that form phrasal verbs the model should keep ("log in" -> logIn). */
export const PHRASAL_PARTICLES: Record<string, readonly string[]> = {
  log: ["in", "out", "on", "off"],
  sign: ["in", "up", "out", "off"],
  check: ["in", "out"],
  set: ["up"],
  back: ["up"],
  look: ["up"],
  opt: ["in", "out"],
  roll: ["back", "out"],
  clean: ["up"],
  fill: ["in", "out"],
  shut: ["down"],
  start: ["up"],
  follow: ["up"],
};

/** Nouns that, after "provide/offer/have a ...", only announce the real action ("provide a way to export"). */
export const LIGHT_NOUNS = new Set([
  "ability", "capability", "way", "means", "mechanism", "option", "functionality", "function", "feature",
  "possibility", "facility", "interface", "opportunity", "tool", "method", "support", "capacity", "ui",
]);

/** Verbs that hand the action to an infinitive: "need to V", "be able to V", "want to V". */
export const CATENATIVE_VERBS = new Set(["need", "want", "wish", "try", "continue", "like", "love", "prefer", "attempt", "seek", "be", "have", "get"]);

/** Verbs whose object is an agent who then does the real action: "allow users to V". */
export const ENABLING_VERBS = new Set(["allow", "enable", "let", "permit", "authorize", "help", "empower", "require"]);

/** Verbs that are never actions on their own: they state structure or a quality. */
export const NON_ACTION_VERBS = new Set(["be", "have", "contain", "include", "consist", "comprise", "seem", "become", "remain", "exist", "mean"]);

/** Heads of noun phrases that name people, so "the administrator can ..." is an actor. */
export const PERSONA_HEADS = new Set([
  "actor", "admin", "administrator", "adopter", "agent", "analyst", "applicant", "approver", "architect",
  "assistant", "attendee", "auditor", "author", "buyer", "caller", "candidate", "caregiver", "chair", "citizen",
  "client", "clinician", "coach", "collaborator", "consumer", "contributor", "coordinator", "creator",
  "curator", "customer", "designer", "developer", "dispatcher", "doctor", "driver", "editor", "employee",
  "employer", "engineer", "expert", "facilitator", "faculty", "guest", "host", "instructor", "investigator",
  "lead", "learner", "leader", "librarian", "maintainer", "manager", "member", "moderator", "nurse",
  "officer", "operator", "organiser", "organizer", "owner", "participant", "patient", "person", "physician",
  "planner", "player", "professor", "programmer", "publisher", "purchaser", "reader", "recruiter",
  "registrar", "representative", "researcher", "resident", "reviewer", "scientist", "seller", "shopper",
  "sponsor", "staff", "stakeholder", "student", "subscriber", "superadmin", "superuser", "supervisor",
  "supplier", "teacher", "technician", "tester", "trainer", "tutor", "user", "vendor", "viewer", "visitor",
  "volunteer", "worker", "people", "someone", "anyone", "everyone", "team", "parent", "dancer", "partner",
  "receptionist", "secretary", "clerk", "cashier", "accountant", "lawyer", "judge", "official", "inspector",
  "pilot", "passenger", "traveler", "traveller", "tenant", "donor", "volunteer", "contractor", "homeowner",
]);

/** Subjects that mean "the system as a whole" rather than a named component. */
export const GENERIC_SUBJECTS = new Set([
  "system", "application", "app", "product", "software", "platform", "website", "site", "solution",
  "implementation", "it", "we", "tool", "program", "web site", "web application", "mobile app",
]);

/**
 * Nouns that are UI furniture, abstractions or placeholders, not things the system keeps. They are
 * left out of `entities` (the spec-kit data-model benchmark measures the precision this buys).
 */
export const NON_ENTITY_NOUNS = new Set([
  "ability", "access", "action", "activity", "amount", "app", "application", "area", "aspect", "button",
  "capability", "case", "change", "click", "content", "data", "detail", "dialog", "display", "effort",
  "element", "ease", "experience", "fact", "feature", "field", "form", "functionality", "goal", "help",
  "idea", "information", "interface", "issue", "it", "kind", "level", "link", "list", "lot", "manner", "means",
  "mechanism", "menu", "method", "mode", "modal", "need", "number", "one", "option", "overview", "page",
  "part", "place", "platform", "point", "popup", "possibility", "process", "purpose", "reason",
  "screen", "section", "set", "site", "software", "something", "sort", "step", "support", "system", "tab",
  "thing", "time", "tool", "type", "ui", "ux", "variety", "view", "way", "website", "window", "work",
  "them", "this", "that", "these", "those", "they", "he", "she", "i", "you", "we", "us", "me", "what",
  "which", "who", "all", "everything", "anything", "nothing", "basis", "end", "start", "side", "top",
  "bottom", "left", "right", "order of", "state", "status", "use", "usage", "value", "version", "way",
  "requirement", "functionality", "behavior", "behaviour", "result", "response", "error", "failure",
  "other", "others", "day", "week", "month", "year", "hour", "minute", "second", "demand", "impact",
  "leadership", "completion", "initialization", "initialisation", "generation", "implementation",
  "compliance", "selection", "benefit", "value", "sense", "reality", "future", "past", "present",
]);

/** Collective heads: "a list of events" names events. */
export const COLLECTIVE_HEADS = new Set([
  "list", "set", "number", "collection", "group", "kind", "type", "series", "variety", "range", "lot",
  "lots", "all", "each", "any", "some", "many", "most", "part", "subset", "batch", "array", "summary",
  "overview", "history", "record", "details", "detail", "copy", "version", "view", "display", "selection",
]);

/** Modal verbs that mark a requirement's response. */
export const MODALS = new Set(["shall", "must", "should", "will", "can", "may", "could", "would"]);

/** Adjectives dropped from entity names so "new event" and "existing event" meet. */
export const VAGUE_ADJECTIVES = new Set([
  "new", "existing", "available", "specific", "current", "selected", "multiple", "other", "various",
  "different", "certain", "given", "relevant", "appropriate", "valid", "invalid", "additional", "own",
  "single", "same", "particular", "individual", "corresponding", "respective", "necessary", "required",
  "previous", "next", "last", "first", "entire", "whole", "full", "such", "several", "many", "more",
  "most", "few", "all", "any", "each", "every", "some", "no", "both", "upcoming", "past", "recent",
  "clear", "detailed", "complete", "proper", "simple", "basic", "comprehensive", "important", "main",
  "good", "better", "best", "easy", "quick", "fast", "large", "small", "big", "high", "low", "possible",
  "above", "below", "following", "preferred", "desired", "requested", "supported", "configured",
  "specified", "defined", "listed", "provided", "given", "needed", "certain", "related", "associated",
  "accurate", "correct", "consistent", "useful", "helpful", "interactive", "optional", "extra", "actual",
]);

/**
 * Heads that make any phrase a UI element or an abstraction, whatever its modifiers
 * ("resources page", "logout button", "search functionality").
 */
export const NON_ENTITY_HEADS = new Set([
  "page", "button", "screen", "tab", "menu", "dialog", "window", "popup", "modal", "link", "section", "panel",
  "widget", "icon", "dropdown", "checkbox", "toolbar", "sidebar", "banner", "header", "footer", "ability",
  "way", "information", "functionality", "option", "possibility", "capability", "feature", "mechanism",
  "means", "ui", "ux", "interface", "system", "application", "website", "platform", "tool", "software", "app", "solution",
  "experience", "time", "manner", "basis", "purpose", "support", "need", "needs", "kind", "type", "lot",
  "thing", "something", "process", "step", "effort", "level", "aspect", "view", "field", "form", "area",
  "selector", "flow", "behavior", "behaviour", "requirement", "standard", "guideline", "practice", "number",
]);
