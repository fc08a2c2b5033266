import type { Constraint, QualityAttribute } from "./types.js";

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
  thousand: 1000, million: 1000000,
};
const NUM = String.raw`(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand)`;
const MULT = String.raw`(?:\s*(k|thousand|million|m)\b)?`;

function toNumber(raw: string, mult?: string): number {
  const base = NUMBER_WORDS[raw.toLowerCase()] ?? Number(raw.replace(/[, ]/g, ""));
  const m = mult?.toLowerCase();
  return m === "k" || m === "thousand" ? base * 1000 : m === "million" || m === "m" ? base * 1000000 : base;
}

type Unit = { unit: string; kind: "time" | "size" | "long-time" };
function readUnit(raw: string): Unit | undefined {
  const u = raw.toLowerCase().replace(/\.$/, "");
  if (/^(?:ms|msec|millisecond|milliseconds)$/.test(u)) return { unit: "ms", kind: "time" };
  if (/^(?:s|sec|secs|second|seconds)$/.test(u)) return { unit: "s", kind: "time" };
  if (/^(?:min|mins|minute|minutes)$/.test(u)) return { unit: "min", kind: "time" };
  if (/^(?:h|hr|hrs|hour|hours)$/.test(u)) return { unit: "h", kind: "long-time" };
  if (/^(?:day|days)$/.test(u)) return { unit: "d", kind: "long-time" };
  if (/^(?:week|weeks)$/.test(u)) return { unit: "week", kind: "long-time" };
  if (/^(?:month|months)$/.test(u)) return { unit: "month", kind: "long-time" };
  if (/^(?:year|years)$/.test(u)) return { unit: "year", kind: "long-time" };
  if (/^(?:b|bytes?)$/.test(u)) return { unit: "B", kind: "size" };
  if (/^(?:kb|kilobytes?)$/.test(u)) return { unit: "KB", kind: "size" };
  if (/^(?:mb|megabytes?)$/.test(u)) return { unit: "MB", kind: "size" };
  if (/^(?:gb|gigabytes?)$/.test(u)) return { unit: "GB", kind: "size" };
  if (/^(?:tb|terabytes?)$/.test(u)) return { unit: "TB", kind: "size" };
  return undefined;
}

const UNIT = String.raw`(ms|msecs?|milliseconds?|secs?|seconds?|s|mins?|minutes?|hrs?|hours?|h|days?|weeks?|months?|years?|bytes?|kb|mb|gb|tb|kilobytes?|megabytes?|gigabytes?|terabytes?)\b`;
const UPPER = String.raw`(within|in under|in less than|under|less than|no (?:more|longer|later) than|not (?:to )?exceed(?:ing)?|at most|a maximum of|maximum of|max(?:imum)?\.?|up to|no greater than|below|in|after|every|of|takes?|at least|minimum of|a minimum of|more than|over|exceeding|for)`;

interface Rule {
  re: RegExp;
  read: (m: RegExpExecArray, text: string) => Omit<Constraint, "text"> | undefined;
}

function opOf(word: string | undefined): Constraint["op"] {
  const w = (word ?? "").toLowerCase();
  if (/^(?:at least|minimum of|a minimum of|for)$/.test(w)) return ">=";
  if (/^(?:more than|over|exceeding)$/.test(w)) return ">";
  if (/^(?:less than|in less than|under|in under|below)$/.test(w)) return "<";
  if (/^(?:every|of|in|after|takes?)$/.test(w)) return w === "in" ? "<=" : "=";
  return "<=";
}

/** Which metric a time bound measures, from the words around it. */
function timeMetric(before: string, after: string, word: string): { metric: string; attribute: QualityAttribute } {
  const ctx = `${before} ${after}`.toLowerCase();
  if (/\bevery\b/.test(word.toLowerCase()) || /\b(?:refresh|poll|interval|update[ds]? every)\b/.test(ctx)) return { metric: "interval", attribute: "performance" };
  if (/\b(?:retain|retained|retention|keep|kept|archiv|store[ds]?|stored|preserv|log[s]? (?:are|shall be) kept)/.test(ctx)) return { metric: "retention", attribute: "legal" };
  if (/\b(?:train|training|learn|learning)\b/.test(ctx)) return { metric: "learning-time", attribute: "usability" };
  if (/\b(?:downtime|outage|repair|recover|recovery|restor|mttr|back (?:up|online))/.test(ctx)) return { metric: "recovery-time", attribute: "availability" };
  if (/\b(?:backup|backed up)/.test(ctx)) return { metric: "backup-interval", attribute: "fault-tolerance" };
  return { metric: "latency", attribute: "performance" };
}

const RULES: Rule[] = [
  // availability: "99.9% of the time", "99% uptime", "available 99.5%"
  {
    re: new RegExp(String.raw`(\d+(?:\.\d+)?)\s*(?:\\)?%\s*(?:of the time|uptime|availability|available|of (?:the )?(?:operating|business|working) (?:time|hours))|(?:availability|uptime|available)\s+(?:of\s+|at least\s+|rate of\s+)?(\d+(?:\.\d+)?)\s*(?:\\)?%`, "gi"),
    read: (m) => ({ metric: "availability", op: ">=", value: Number(m[1] ?? m[2]), unit: "%", attribute: "availability" }),
  },
  // concurrency: "at least 1000 concurrent users", "up to 500 simultaneous users"
  {
    re: new RegExp(String.raw`(?:(at least|up to|a minimum of|minimum of|more than|over|maximum of|max(?:imum)?)\s+)?${NUM}${MULT}\s*\+?\s+(?:concurrent|simultaneous|parallel|active|online)\s+(users?|sessions?|connections?|requests?|players?|customers?|clients?)`, "gi"),
    read: (m) => ({ metric: `concurrent-${m[4]!.toLowerCase().replace(/s$/, "")}s`, op: m[1] && /more than|over/i.test(m[1]) ? ">" : ">=", value: toNumber(m[2]!, m[3]), unit: m[4]!.toLowerCase().replace(/s?$/, "s"), attribute: "scalability" }),
  },
  // throughput: "100 requests per second", "1,000 transactions/minute"
  {
    re: new RegExp(String.raw`(?:(at least|up to|a minimum of|minimum of|more than|over)\s+)?${NUM}${MULT}\s+(requests?|transactions?|messages?|events?|orders?|queries|query|calls?|records?|operations?|searches|uploads?|jobs?|pages?|users?)\s+(?:per|a|an|each|/)\s*(second|sec|minute|min|hour|day|s)\b`, "gi"),
    read: (m) => {
      const per = m[5]!.toLowerCase();
      const unit = `${m[4]!.toLowerCase().replace(/(?:ies|y)$/, "y").replace(/s$/, "")}/${per.startsWith("s") ? "s" : per.startsWith("min") ? "min" : per === "hour" ? "h" : "d"}`;
      return { metric: "throughput", op: m[1] && /more than|over/i.test(m[1]) ? ">" : ">=", value: toNumber(m[2]!, m[3]), unit, attribute: "performance" };
    },
  },
  // capacity: "support 10,000 users", "up to 5000 records"
  {
    re: new RegExp(String.raw`(?:(at least|up to|a minimum of|minimum of|more than|over|maximum of|a maximum of|support(?:ing)?|handl(?:e|ing)|accommodat(?:e|ing)|cater(?:ing)? (?:to|for))\s+)${NUM}${MULT}\s+(users?|customers?|accounts?|records?|products?|items?|members?|tenants?|events?|files?|entries|rows?|documents?|transactions?|devices?|movies?|games?|players?|students?|videos?|images?|requests?|sessions?|connections?)\b(?!\s+(?:per|a|an|each|/)\s*(?:second|sec|minute|min|hour|day)\b)`, "gi"),
    read: (m) => {
      const what = m[4]!.toLowerCase().replace(/ies$/, "y").replace(/s$/, "");
      const w = m[1]!.toLowerCase();
      const op: Constraint["op"] = /more than|over/.test(w) ? ">" : /maximum|max/.test(w) ? "<=" : ">=";
      // "at least 10 users" with no verb of capacity around is still a scale requirement.
      return { metric: `${what}-count`, op, value: toNumber(m[2]!, m[3]), unit: `${what}s`, attribute: "scalability" };
    },
  },
  // time and size bounds: "within 200 ms", "in less than 2 seconds", "up to 10 MB", "for 7 years"
  {
    re: new RegExp(String.raw`\b${UPPER}\s+(?:the\s+|a\s+)?(?:period of\s+)?${NUM}${MULT}[\s-]*${UNIT}`, "gi"),
    read: (m, text) => {
      const unit = readUnit(m[4]!);
      if (!unit) return undefined;
      const value = toNumber(m[2]!, m[3]);
      const word = m[1]!;
      if (unit.kind === "size") return { metric: "size", op: opOf(word) === "=" ? "<=" : opOf(word), value, unit: unit.unit, attribute: "performance" };
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const { metric, attribute } = timeMetric(before, after, word);
      if (metric === "latency" && /^(?:for|after|of)$/i.test(word)) return undefined;
      // Hours to years are deadlines ("allow resumption within 7 days"), not response times.
      if (metric === "latency" && unit.kind === "long-time") return { metric: "time-limit", op: opOf(word) === "=" ? "<=" : opOf(word), value, unit: unit.unit, attribute: "operational" };
      const op: Constraint["op"] = metric === "retention" ? ">=" : metric === "interval" ? "=" : opOf(word) === ">=" ? ">=" : opOf(word) === "=" ? "<=" : opOf(word);
      return { metric, op, value, unit: unit.unit, attribute };
    },
  },
  // "response time of 2 seconds", "2 second response time"
  {
    re: new RegExp(String.raw`(?:response|load|loading|processing|execution|turnaround|wait(?:ing)?)\s+times?\s+(?:of\s+|shall be\s+|must be\s+|is\s+|should be\s+)?(?:(less than|under|below|at most|no more than|within)\s+)?${NUM}${MULT}\s*${UNIT}`, "gi"),
    read: (m) => {
      const unit = readUnit(m[4]!);
      if (!unit || unit.kind === "size") return undefined;
      return { metric: "latency", op: m[1] && /less than|under|below/i.test(m[1]) ? "<" : "<=", value: toNumber(m[2]!, m[3]), unit: unit.unit, attribute: "performance" };
    },
  },
  // "90% of users shall ...": a success rate.
  {
    re: /(\d+(?:\.\d+)?)\s*(?:\\)?%\s+of\s+(?:all\s+|the\s+)?(users|viewers|customers|participants|people|testers|respondents|visitors|requests|transactions|queries)/gi,
    read: (m) => {
      const who = m[2]!.toLowerCase();
      const people = !/requests|transactions|queries/.test(who);
      return { metric: people ? "user-success-rate" : "request-success-rate", op: ">=", value: Number(m[1]), unit: "%", attribute: people ? "usability" : "performance" };
    },
  },
];

/**
 * Numbers with units attached to a metric: "within 200 ms" -> latency <= 200 ms, "99.9% of the
 * time" -> availability >= 99.9 %, "up to 10 MB" -> size <= 10 MB. Each keeps its source phrase.
 * Overlapping matches keep the earlier rule (rules go from most to least specific).
 */
export function findConstraints(text: string): Constraint[] {
  const out: Constraint[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const read = rule.read(m, text);
      if (!read || !Number.isFinite(read.value)) continue;
      taken.push([start, end]);
      out.push({ ...read, text: m[0].trim().replace(/\\%/g, "%") });
    }
  }
  const order = new Map(out.map((c) => [c, text.indexOf(c.text)]));
  return out.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
