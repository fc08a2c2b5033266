/**
 * The word classes the model passes decide with. Every list here is cited by a rule in
 * docs/model.md; a word's class depends on the word alone, never on other statements.
 */

/** Operation classes that get one consistent name per entity (docs/model.md "Operations"). */
export type CrudClass = "create" | "get" | "list" | "search" | "update" | "delete";

/** Verbs of each CRUD class. A verb in none of them is a domain verb and names its own operation. */
export const CRUD_VERBS: Record<CrudClass, ReadonlySet<string>> = {
  create: new Set(["create", "add", "register", "submit", "post", "upload", "insert", "put", "compose", "make", "place"]),
  get: new Set(["get", "view", "see", "show", "display", "retrieve", "fetch", "read", "inspect", "access", "preview", "load", "obtain", "look", "lookup", "consult", "track", "monitor"]),
  list: new Set(["list", "browse", "enumerate", "sort", "paginate"]),
  search: new Set(["search", "find", "filter", "query", "locate", "discover", "explore"]),
  update: new Set(["update", "edit", "change", "modify", "set", "rename", "adjust", "amend", "correct", "alter", "replace", "revise"]),
  delete: new Set(["delete", "remove", "erase", "drop", "discard", "destroy", "trash"]),
};

/** Default verb of each CRUD class in operation names; configurable (`naming.operations`). */
export const DEFAULT_CRUD_NAMES: Record<CrudClass, string> = {
  create: "create",
  get: "get",
  list: "list",
  search: "search",
  update: "update",
  delete: "delete",
};

/** Class of a verb lemma, or undefined for a domain verb. */
export function crudClassOf(verb: string): CrudClass | undefined {
  for (const cls of Object.keys(CRUD_VERBS) as CrudClass[]) if (CRUD_VERBS[cls].has(verb)) return cls;
  return undefined;
}

/**
 * Verbs that put one thing into or take it out of another: with a target that is another entity
 * ("add a book to the cart") they keep their own name and name the target, instead of creating or
 * deleting the object.
 */
export const ASSOCIATION_VERBS = new Set(["add", "remove", "assign", "unassign", "attach", "detach", "link", "unlink", "move", "put", "insert", "apply", "tag", "invite", "enrol", "enroll"]);

/** Verbs that carry no operation of their own ("allow users to ...", "be able to ..."). */
export const LIGHT_VERBS = new Set([
  "be", "have", "do", "need", "want", "wish", "like", "allow", "enable", "let", "permit", "ensure", "help",
  "try", "able", "can", "use", "require", "include", "contain", "support", "consist", "remain", "become",
  "seem", "should", "must", "shall", "will", "may", "would", "could", "take", "go", "provide", "offer",
  "know", "understand", "think", "feel", "hope", "love", "prefer", "expect", "happen", "stay", "work",
  "make sure", "get to", "come", "give", "involve", "mean", "ask", "decide", "plan", "consider", "organize",
  "organise", "handle", "deal", "enter", "type", "fill", "complete", "finish", "start", "begin", "attempt",
]);

/** Verbs that only say data is kept: with a field of an entity as object they add the field, not an operation. */
export const KEEPING_VERBS = new Set(["record", "store", "keep", "save", "persist", "retain", "log", "remember", "capture", "maintain", "hold", "preserve"]);

/** Verbs that hand back a value ("calculate the total" -> number). */
export const PRODUCING_VERBS = new Set([
  "generate", "build", "produce", "derive", "infer", "extract", "parse", "compute", "calculate", "estimate",
  "synthesize", "synthesise", "predict", "recommend", "suggest", "identify", "determine", "render", "export",
  "summarize", "summarise", "translate", "convert", "transform", "format", "classify", "score", "rank",
]);

/** Verbs that answer yes or no. */
export const BOOLEAN_VERBS = new Set(["validate", "verify", "detect", "test", "match", "authenticate", "authorize", "authorise", "confirm"]);

/** Verbs that do no I/O: their operations stay synchronous. */
export const SYNC_VERBS = new Set([
  "calculate", "compute", "validate", "verify", "format", "parse", "convert", "transform", "render",
  "compare", "estimate", "translate", "detect", "match", "derive", "infer", "count", "sum", "round",
  "normalize", "normalise", "hash", "encode", "decode", "classify", "score", "rank", "summarize", "summarise",
]);

/** Verbs that tell a person something: in an IF-THEN response they are the error's handling, not an operation. */
export const TELLING_VERBS = new Set(["tell", "inform", "notify", "show", "display", "warn", "alert", "ask", "prompt", "present", "report", "explain", "message", "signal", "indicate"]);

/** Verbs that refuse the action they govern: "refuse to add another copy" guards `add`. */
export const REFUSING_VERBS = new Set(["refuse", "reject", "deny", "block", "prevent", "disallow", "forbid", "decline", "stop", "abort"]);

/** Verbs of user-interface gestures: a trigger or clause made of them is presentation, not domain. */
export const GESTURE_VERBS = new Set([
  "click", "tap", "hover", "scroll", "swipe", "drag", "press", "type", "toggle", "expand", "collapse", "zoom",
  "focus", "blur", "navigate", "resize", "highlight", "pinch", "double-click", "right-click", "mouse", "tab",
  "select", "choose", "pick", "hover", "scroll", "visit", "dismiss", "refresh", "reload",
]);

/**
 * Head nouns of user-interface things. An object made of them is presentation: no entity, and a
 * clause that only shows them is reported, not modelled.
 */
export const UI_NOUNS = new Set([
  "page", "screen", "pane", "panel", "button", "form", "dialog", "modal", "layout", "tab", "menu", "icon",
  "tooltip", "toast", "banner", "spinner", "indicator", "control", "widget", "dropdown", "checkbox", "textbox",
  "header", "footer", "sidebar", "navbar", "navigation", "ui", "ux", "interface", "overlay", "animation",
  "scrollbar", "cursor", "popup", "popover", "placeholder", "window", "view", "column", "grid", "chart",
  "graph", "tile", "badge", "theme", "font", "style", "skeleton", "loader", "breadcrumb", "hint", "feedback",
  "notice", "editor", "input", "selector", "picker", "slider", "toolbar", "accordion", "carousel", "wizard",
  "dashboard", "viewport", "pixel", "px", "keyboard", "shortcut", "highlight", "tooltip", "prompt", "bar",
  "section", "pagination", "scrollbar", "thumbnail", "icon",
]);

/**
 * Head nouns that name a value rather than a thing with identity: as an object they are a
 * parameter or a field of the entity they belong to, never an entity of their own.
 */
export const VALUE_NOUNS = new Set([
  "name", "title", "description", "text", "note", "notes", "comment", "message", "label", "email", "address",
  "url", "uri", "phone", "date", "time", "timestamp", "datetime", "amount", "price", "cost", "total", "subtotal",
  "balance", "quantity", "count", "number", "status", "state", "rating", "score", "level", "code", "password",
  "reason", "flag", "preference", "percentage", "percent", "rate", "value", "id", "identifier", "type", "kind",
  "size", "weight", "height", "width", "length", "duration", "deadline", "limit", "threshold", "colour", "color",
  "language", "locale", "format", "version", "position", "summary", "content", "body", "keyword", "token",
  "secret", "key", "hash", "path", "filename", "currency", "fee", "tax", "discount", "margin", "ratio",
  "latitude", "longitude", "age", "birthday", "gender", "bio", "avatar", "photo", "image", "picture", "icon",
  "slug", "alias", "nickname", "handle", "username", "mobile", "fax", "zip", "postcode", "city", "country",
  "street", "capacity", "priority", "visibility", "frequency", "interval", "timezone", "unit", "mime",
  "checksum", "signature", "salary", "income", "budget", "expense", "spending", "savings", "interest",
  "metric", "percentile", "progress", "estimate", "deposit", "credit", "debit", "points", "point", "stars",
  "star", "end", "start", "expiry", "expiration", "instructions", "contents", "confirmation", "feedback",
]);

/** Value nouns for media, which named alone (no owner) are things of their own: "upload an image". */
export const MEDIA_NOUNS = new Set(["image", "photo", "picture", "video", "recording"]);

/** Words that name no domain thing on their own: never entities, never parameter names alone. */
export const NON_CONCEPTS = new Set([
  "system", "software", "solution", "website", "way", "time", "thing", "something", "anything", "everything",
  "nothing", "ability", "option", "feature", "functionality", "function", "capability", "process", "part", "need", "use", "case", "end", "me", "i", "you", "we", "they", "them", "it", "he", "she", "us", "him",
  "one", "someone", "anyone", "everyone", "people", "lot", "kind", "sort", "example", "reason", "purpose",
  "default", "requirement", "user story", "story", "scenario", "spec", "specification", "statement", "change",
  "update", "issue", "problem", "error", "failure", "success", "result", "results", "response", "request",
  "support", "access", "mode", "place", "manner", "fact", "information", "data", "detail", "details",
  "content", "list", "minute", "second", "hour", "day", "week", "month", "year", "ms", "millisecond",
  "percent", "user interface", "application", "app", "platform", "tool", "service", "site",
  "server", "database", "backend", "frontend", "api", "endpoint", "storage", "cache", "memory",
  "disk", "network", "connection", "internet", "web", "browser", "mobile", "desktop", "work", "behavior", "behaviour", "logic", "approach", "method", "mechanism", "capacity", "performance", "security", "availability", "reliability",
  "usability", "quality", "experience", "flow", "pipeline", "interaction", "context", "level",
  "value", "values", "object", "objects", "element",
  "instance", "version", "state", "status", "everything", "other", "others", "rest", "same", "all", "copy",
]);

/** Words that introduce the real thing in "X of Y": "one copy of the book" -> book, "the list of events" -> events. */
export const PARTITIVES = new Set([
  "copy", "copies", "unit", "units", "piece", "pieces", "instance", "instances", "list", "set", "collection",
  "group", "series", "batch", "subset", "number", "count", "lot", "kind", "type", "version", "selection",
  "array", "sequence", "queue", "stream", "feed", "page", "pages", "each", "all", "any", "some", "one", "most",
  "none", "both", "rest", "part", "portion", "bunch", "pair", "details", "detail", "summary", "history",
]);

/** Subjects that mean the whole system ("THE system SHALL"): they name no component. */
export const GENERIC_SUBJECTS = new Set([
  "system", "the system", "application", "app", "software", "platform", "product", "tool", "solution",
  "service", "website", "site", "web site", "web app", "web application", "it", "server", "backend", "frontend",
  "client", "ui", "interface", "user interface", "component", "module", "feature", "implementation", "code",
  "dashboard", "page", "screen", "api", "cli",
]);

/**
 * Words a heading may carry that say what kind of section it is, not what it is about: such a
 * heading never names a component (docs/model.md "Components").
 */
export const GENERIC_HEADING_WORDS = new Set([
  "spec", "specs", "specification", "specifications", "requirement", "requirements", "document", "doc", "docs",
  "readme", "index", "stories", "story", "statements", "statement", "feature", "features", "overview", "main",
  "prd", "srs", "notes", "draft", "brief", "functional", "non", "nonfunctional", "user", "users", "scenario",
  "scenarios", "testing", "tests", "test", "acceptance", "criteria", "edge", "cases", "case", "key", "entities",
  "entity", "glossary", "terms", "definitions", "quality", "qualities", "constraints", "constraint",
  "assumptions", "assumption", "dependencies", "dependency", "scope", "goals", "goal", "background", "context",
  "introduction", "summary", "purpose", "clarifications", "clarification", "session", "sessions", "checklist",
  "review", "execution", "flow", "success", "metrics", "measurable", "outcomes", "outcome", "mandatory",
  "optional", "include", "if", "involves", "data", "out", "of", "and", "the", "a", "an", "for", "with", "to",
  "in", "on", "at", "by", "general", "other", "misc", "miscellaneous", "additional", "details", "detail",
  "description", "descriptions", "design", "technical", "business", "rules", "rule", "ui", "ux", "appendix",
  "open", "questions", "question", "risks", "risk", "priority", "p1", "p2", "p3", "p4", "p5", "p6", "p7",
  "p8", "p9", "performance", "security", "accessibility", "reliability", "non-functional", "nfr", "nfrs",
  "fr", "frs", "model", "models", "domain", "notes", "changes", "change", "history", "changelog", "v1", "v2",
  "mvp", "phase", "iteration", "sprint", "epic", "epics", "functionality", "capabilities", "capability",
  "behaviour", "behavior", "behaviours", "behaviors", "interface", "interfaces", "integration", "integrations",
  "platform", "system", "systems", "api", "apis",
]);

/** Heading words that mark a data-model section: its bullets declare entities. */
export const ENTITY_HEADING = /\b(?:key\s+)?entit(?:y|ies)\b|\bdata\s*model\b|\bdomain\s*model\b|\bdata\s+entities\b|\bdata\s+structures?\b|\bschema\b/i;

/** Heading words that mark a glossary: its terms are declarations. */
export const GLOSSARY_HEADING = /\bglossary\b|\bterms\b|\bterminology\b|\bdefinitions\b|\bvocabulary\b|\bubiquitous\s+language\b/i;

/** Headings under which code is an illustration, not a declaration ("Example", "e.g."). */
export const EXAMPLE_HEADING = /\bexamples?\b|\be\.g\.|\bsample\b|\billustrat/i;

/** Words that mark a person: a phrase ending in one is an actor. */
export const PERSON_NOUNS = new Set([
  "user", "users", "customer", "customers", "admin", "administrator", "manager", "owner", "member", "visitor",
  "guest", "author", "reviewer", "approver", "operator", "developer", "engineer", "maintainer",
  "teacher", "student", "parent", "child", "patient", "doctor", "nurse", "employee", "staff", "agent",
  "cashier", "salesperson", "clerk", "buyer", "seller", "shopper", "vendor", "supplier", "volunteer",
  "coach", "player", "participant", "attendee", "organizer", "organiser", "host", "curator", "creator",
  "subscriber", "follower", "reader", "writer", "viewer", "listener", "person", "people", "persona", "client",
  "consumer", "contributor", "moderator", "leader", "analyst", "researcher", "scientist", "planner",
  "accountant", "auditor", "officer", "representative", "rep", "driver", "passenger", "traveller", "traveler",
  "tenant", "landlord", "resident", "citizen", "applicant", "candidate", "recruiter", "investor", "partner",
  "stakeholder", "team", "lead", "architect", "designer", "tester", "sysadmin", "superuser", "cook", "chef",
  "librarian", "borrower", "learner", "instructor", "mentor", "mentee", "volunteer", "donor", "recipient",
  "sender", "assignee", "requester", "worker", "caller", "hiker", "guide", "farmer", "citizen", "homeowner",
  "novice", "expert", "beginner", "professional", "human", "individual", "facilitator", "ambassador",
]);

/** Prepositions whose complement is a parameter ("add an item to the cart" -> cart). */
export const PARAM_PREPS = new Set(["to", "from", "into", "for", "with", "on", "in", "by", "at", "of", "as", "onto", "about", "per", "within", "via", "using"]);
