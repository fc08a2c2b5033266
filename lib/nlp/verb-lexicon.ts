/**
 * Software verbs that wink's tagger often tags as nouns ("update", "list", "export") when they
 * stand where a verb is expected (after a modal, "to", a comma in a verb list, or first in a step).
 */
export const ACTION_VERBS: ReadonlySet<string> = new Set([
  "access", "add", "alert", "apply", "approve", "archive", "assign", "attach", "audit", "authenticate",
  "authorize", "backup", "block", "book", "bookmark", "browse", "calculate", "cancel", "change", "charge",
  "check", "choose", "clear", "close", "comment", "compare", "complete", "configure", "confirm", "contact",
  "copy", "create", "delete", "deliver", "deploy", "disable", "display", "download", "edit", "email",
  "enable", "enter", "export", "fetch", "filter", "find", "flag", "follow", "generate", "group", "hide",
  "import", "install", "invite", "join", "label", "link", "list", "load", "lock", "log", "login", "logout",
  "manage", "map", "mark", "merge", "message", "migrate", "modify", "monitor", "move", "notify", "open",
  "order", "pay", "post", "preview", "print", "process", "publish", "purchase", "query", "rank", "rate",
  "read", "receive", "record", "refresh", "refund", "register", "reject", "remove", "rename", "reorder",
  "replace", "reply", "report", "request", "reschedule", "reset", "restore", "retrieve", "return", "review",
  "run", "save", "scan", "schedule", "search", "select", "send", "set", "share", "ship", "show", "sign",
  "sort", "start", "stop", "store", "submit", "subscribe", "suggest", "sync", "tag", "track", "transfer",
  "unlock", "unsubscribe", "update", "upload", "validate", "verify", "view", "vote", "withdraw", "write",
  "accept", "emit", "handle", "parse", "produce", "provide", "render", "resolve", "support", "warn", "abort",
  "skip", "prompt", "output", "detect", "convert", "install", "read", "fail", "succeed", "increase", "decrease",
  "use", "ensure", "allow", "keep", "proceed", "continue", "perform", "call", "invoke", "execute", "retry",
]);

/** Third-person singular of a base verb: "add" -> "adds", "search" -> "searches", "apply" -> "applies". */
export function toThirdPerson(verb: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return verb + "es";
  if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + "ies";
  return verb + "s";
}
