import type {
  EarsParts,
  EarsPattern,
  GlossaryParts,
  ScenarioStep,
  StatementKind,
  StepKeyword,
  UserStoryParts,
  CodeParts,
} from "./types.js";

/** Longer texts are kept as prose without pattern matching, so no input can make matching slow. */
export const MAX_CLASSIFIED_LENGTH = 4000;

export interface Classification {
  kind: StatementKind;
  ears?: EarsParts;
  story?: UserStoryParts;
  steps?: ScenarioStep[];
  glossary?: GlossaryParts;
  code?: CodeParts;
  /** A label found in the text itself (FR-001). */
  label?: string;
  /** The text with a label prefix removed ("FR-001: System MUST x" -> "System MUST x"). */
  text?: string;
}

const GENERIC_SUBJECTS = new Set([
  "system", "application", "app", "product", "software", "platform", "service", "tool", "solution",
  "website", "site", "program", "cli", "api", "command", "backend", "server",
]);

const CLAUSE_RE = /(?:^|,\s*|;\s*|\band\s+)(where|while|when|if)\s+/gi;

/** "As a <role>, I want <goal>, so that <benefit>" in its common spellings. */
export function parseUserStory(text: string): UserStoryParts | undefined {
  const m = /^as\s+(?:an?\s+|the\s+)?/i.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  // The role runs to the first "I"/"we" that starts the want clause.
  const w = /,?\s*\b(?:I|we)\s*(?:'m\s+able\s+to|am\s+able\s+to|want(?:\s+to)?|need(?:\s+to)?|would\s+like(?:\s+to)?|wish(?:\s+to)?|can|could|should\s+be\s+able\s+to|would\s+be\s+able\s+to|do\s+not\s+want(?:\s+to)?|don't\s+want(?:\s+to)?|only\s+want(?:\s+to)?|must(?:\s+be\s+able\s+to)?|expect(?:\s+to)?)\b|,\s*(?:would\s+like|want|wants|need|needs)(?:\s+to)?\b/i.exec(
    rest,
  );
  if (!w || w.index === 0) return undefined;
  const role = rest.slice(0, w.index).replace(/[,\s]+$/, "").trim();
  if (!role || role.split(/\s+/).length > 12) return undefined;
  let goal = rest.slice(w.index + w[0].length).trim();
  let benefit: string | undefined;
  // "so that ..." first; else the looser ", so I can ..." (but not "to do so", "(so the item ...").
  const s =
    /,?\s*\bso\s+that\b\s*/i.exec(goal) ??
    /(?:,\s*|\s+)(?<!\bdo\s)so\s+(?=(?:I|we|my|our|they|their|it|he|she|the|this|these|users?|patrons?|customers?|others|people|everyone)\b)/i.exec(goal);
  if (s) {
    benefit = trimEnd(goal.slice(s.index + s[0].length));
    goal = goal.slice(0, s.index);
  }
  goal = trimEnd(goal);
  if (!goal) return undefined;
  const story: UserStoryParts = { role, want: goal };
  if (benefit) story.benefit = benefit;
  return story;
}

function trimEnd(s: string): string {
  return s.replace(/[\s,.;:]+$/, "").trim();
}

function findModal(text: string): { index: number; modal: string; length: number } | undefined {
  const re = /\b(shall(?:\s+not)?|must(?:\s+not)?|should(?:\s+not)?|WILL(?:\s+NOT)?)\b/gi;
  let m: RegExpExecArray | null;
  let firstLower: { index: number; modal: string; length: number } | undefined;
  while ((m = re.exec(text))) {
    const word = m[1]!;
    if (/^will/i.test(word) && word !== word.toUpperCase()) continue;
    const hit = { index: m.index, modal: word.toUpperCase().replace(/\s+/g, " "), length: word.length };
    // An upper-case modal is a deliberate keyword; prefer it over an earlier lower-case "must".
    if (word === word.toUpperCase()) return hit;
    firstLower ??= hit;
  }
  return firstLower;
}

/**
 * Reads the EARS clauses: WHERE/WHILE/WHEN/IF prefixes, then "[THEN] THE <component> <modal>
 * <response>". Kiro's "WHEN x, THEN the Worker SHALL y" is accepted. Returns undefined when the
 * sentence is not shaped like EARS.
 */
export function parseEars(text: string): EarsParts | undefined {
  const modal = findModal(text);
  if (!modal) return undefined;
  const prefix = text.slice(0, modal.index);
  const response = trimEnd(text.slice(modal.index + modal.length));
  if (!response) return undefined;
  const clauses: { key: string; text: string }[] = [];
  const startsWithClause = /^(where|while|when|if)\s/i.test(prefix);
  let mainStart = 0;
  if (startsWithClause) {
    CLAUSE_RE.lastIndex = 0;
    const marks: { key: string; at: number; body: number }[] = [];
    let m: RegExpExecArray | null;
    while ((m = CLAUSE_RE.exec(prefix))) {
      if (m.index === 0 || /^[,;]/.test(m[0]) || /^and/i.test(m[0])) {
        marks.push({ key: m[1]!.toLowerCase(), at: m.index, body: m.index + m[0].length });
      }
    }
    // The main clause starts after the last comma / THEN that precedes the subject.
    const last = marks[marks.length - 1]!;
    const tail = prefix.slice(last.body);
    let sepEnd = -1;
    const sepRe = /,\s*(?:then\s+)?|\bthen\s+/gi;
    let sm: RegExpExecArray | null;
    while ((sm = sepRe.exec(tail))) sepEnd = sm.index + sm[0].length;
    let subjectStart: number;
    if (sepEnd >= 0) subjectStart = last.body + sepEnd;
    else {
      // No comma: "WHEN x THE Cart SHALL" - fall back to the last upper-case THE, then any "the".
      const upper = tail.lastIndexOf(" THE ");
      const lower = tail.search(/\s(?:the|The)\s+\S+(?:\s+\S+)?\s*$/);
      if (upper >= 0) subjectStart = last.body + upper + 1;
      else if (lower >= 0) subjectStart = last.body + lower + 1;
      else return undefined;
    }
    mainStart = subjectStart;
    for (let i = 0; i < marks.length; i++) {
      const mk = marks[i]!;
      const end = i + 1 < marks.length ? marks[i + 1]!.at : subjectStart;
      const body = trimEnd(prefix.slice(mk.body, end).replace(/,?\s*\bthen\s*$/i, ""));
      if (!body) return undefined;
      clauses.push({ key: mk.key, text: body });
    }
  }
  let subject = prefix.slice(mainStart).trim().replace(/,$/, "").trim();
  subject = subject.replace(/^then\s+/i, "").replace(/^(?:the|a|an)\s+/i, "").trim();
  if (!subject || subject.split(/\s+/).length > 6 || /[,;:]/.test(subject)) return undefined;
  if (!startsWithClause && !/^the\s/i.test(prefix.trim()) && !/^[A-Z][\w-]*$/.test(subject)) return undefined;
  const kinds = new Set(clauses.map((c) => c.key));
  let pattern: EarsPattern;
  if (kinds.size === 0) pattern = "ubiquitous";
  else if (kinds.size > 1) pattern = "complex";
  else
    pattern = ({ when: "event", while: "state", if: "unwanted", where: "optional" } as const)[
      [...kinds][0] as "when" | "while" | "if" | "where"
    ];
  const parts: EarsParts = { pattern, subject, modal: modal.modal, response };
  for (const c of clauses) {
    const field = ({ when: "trigger", while: "state", if: "condition", where: "feature" } as const)[
      c.key as "when" | "while" | "if" | "where"
    ];
    parts[field] = parts[field] ? `${parts[field]}; ${c.text}` : c.text;
  }
  return parts;
}

const STEP_RE = /(?:^|[,;]\s*|\s)(given|when|then|and|but)\s+/gi;

/**
 * Splits "Given a, When b, Then c" into steps. Keywords count when capitalised (Given) or upper-case
 * (GIVEN), so the lower-case "and" inside a step stays text.
 */
export function parseScenarioSteps(text: string): ScenarioStep[] | undefined {
  if (!/^(given|when)\s/i.test(text)) return undefined;
  const marks: { key: StepKeyword; at: number; body: number }[] = [];
  STEP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STEP_RE.exec(text))) {
    const word = m[1]!;
    const capital = word[0] === word[0]!.toUpperCase();
    if (!capital && m.index !== 0) continue;
    marks.push({ key: word.toLowerCase() as StepKeyword, at: m.index, body: m.index + m[0].length });
  }
  if (!marks.some((k) => k.key === "then")) return undefined;
  const steps: ScenarioStep[] = [];
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? marks[i + 1]!.at : text.length;
    const body = trimEnd(text.slice(marks[i]!.body, end));
    if (body) steps.push({ keyword: marks[i]!.key, text: body });
  }
  return steps.length >= 2 ? steps : undefined;
}

/** Labels that look like `**Term**:` but are document metadata (never statements). */
export const METADATA_LABELS = new Set([
  "feature branch", "branch", "created", "status", "input", "date", "last updated", "updated", "author",
  "authors", "owner", "version", "spec", "specification", "feature", "priority", "related", "epic",
  "constitution check", "depends on", "dependencies", "tags", "reviewers",
]);

/** Labels whose text is commentary about a requirement, read as prose, never as a requirement. */
export const ANNOTATION_LABELS = new Set([
  "why this priority", "independent test", "rationale", "note", "notes", "example", "examples", "assumption",
  "assumptions", "context", "reason", "reasoning", "background", "goal", "goals", "summary", "purpose",
  "problem", "motivation", "clarification", "tip", "warning", "important", "caveat", "out of scope",
  "fixes bug", "bug fix", "fix", "benefit", "benefits", "trade-off", "tradeoff", "trade-offs", "alternative",
  "alternatives", "alternatives considered", "decision", "risk", "risks", "impact", "migration", "todo", "question",
  "open question", "implementation note", "design note", "see also", "why", "how", "result", "outcome",
]);

/** Is a bold lead-in commentary ("**Denormalization note**:") rather than a glossary term? */
export function isAnnotationLabel(label: string): boolean {
  const l = label.toLowerCase().replace(/[:\s]+$/, "");
  return ANNOTATION_LABELS.has(l) || /\b(notes?|rationale|caveats?)$/.test(l);
}

/** `**FR-001**`, `NFR-2`, `REQ-12`, `US-3`, `SC-001`: requirement codes that sources assign. */
export const REQUIREMENT_CODE_RE = /^(?:FR|NFR|REQ|R|US|UR|SR|SC|BR|QR|PR|UC|AC)-?\d+(?:\.\d+)*[a-z]?$/i;

/** Recognises a glossary definition "Term: definition" given the (already separated) term. */
export function parseGlossary(term: string, definition: string): GlossaryParts | undefined {
  const t = term.replace(/[:\s]+$/, "").trim();
  const d = definition.replace(/^[\s:\-\u2013\u2014]+/, "").trim();
  if (!t || !d) return undefined;
  if (t.split(/\s+/).length > 6 || t.length > 60) return undefined;
  if (/[.?!]$/.test(t)) return undefined;
  return { term: t, definition: d };
}

/** Is this a question rather than a statement? */
export function isBareQuestion(text: string): boolean {
  return /\?["')\]]*$/.test(text.trim());
}

/**
 * Classifies one statement text (inline markdown already removed). `leadLabel` is the text of a
 * leading `**bold**` run, which tells FR codes, story keywords and glossary terms apart.
 */
export function classifyText(text: string, options: { leadLabel?: string; inGlossary?: boolean } = {}): Classification {
  if (text.length > MAX_CLASSIFIED_LENGTH) return { kind: "prose" };
  const lead = options.leadLabel?.replace(/[:\s]+$/, "").trim();
  // FR-001: System MUST ... (bold or plain).
  const code = /^\**((?:FR|NFR|REQ|US|SR|UR|BR|QR|SC)-?\d+(?:\.\d+)*[a-z]?)\**\s*[:.\-\u2013\u2014)]\s*(.+)$/is.exec(text);
  if (code && REQUIREMENT_CODE_RE.test(code[1]!)) {
    const body = code[2]!.trim();
    const inner = classifyText(body, {});
    const kind: StatementKind =
      inner.kind === "user-story" || inner.kind === "scenario" || inner.kind.startsWith("ears-") ? inner.kind : "shall";
    return { ...inner, kind, label: code[1]!.toUpperCase(), text: body };
  }
  // "#G04# As a ..." (backlog exports tag each line with its project).
  const tag = /^#([A-Za-z0-9_-]{1,20})#\s+(?=\S)/.exec(text);
  if (tag) {
    const inner = classifyText(text.slice(tag[0].length), options);
    return { ...inner, label: inner.label ?? tag[1]!, text: inner.text ?? text.slice(tag[0].length) };
  }
  // "1.2. WHEN ..." (Kiro numbering written as text, not as a list).
  const numbered = /^(\d+(?:\.\d+)+)\.?\s+(?=\S)/.exec(text);
  if (numbered) {
    const inner = classifyText(text.slice(numbered[0].length), options);
    return { ...inner, label: inner.label ?? numbered[1]!, text: inner.text ?? text.slice(numbered[0].length) };
  }
  const storyText = text.replace(/^user\s+story\s*:\s*/i, "");
  const story = parseUserStory(storyText);
  if (story) return { kind: "user-story", story, text: storyText };
  // "Given .. When .. Then the system SHALL .." is a scenario; "WHEN x, THEN the Worker SHALL y"
  // (Kiro) is EARS: only a scenario that starts with Given wins over a parsable EARS sentence.
  const steps = parseScenarioSteps(text);
  if (steps && /^given\b/i.test(text)) return { kind: "scenario", steps };
  const ears = parseEars(text);
  if (!ears && steps) return { kind: "scenario", steps };
  if (ears) {
    if (ears.pattern !== "ubiquitous") return { kind: `ears-${ears.pattern}` as StatementKind, ears };
    const generic = GENERIC_SUBJECTS.has(ears.subject.toLowerCase()) || !/^SHALL/.test(ears.modal);
    return { kind: generic ? "shall" : "ears-ubiquitous", ears };
  }
  if (lead && !METADATA_LABELS.has(lead.toLowerCase()) && !isAnnotationLabel(lead)) {
    const after = text.slice(text.indexOf(lead) + lead.length);
    if (/^\**\s*[:\-\u2013\u2014]/.test(after) || /:$/.test(options.leadLabel ?? "")) {
      const g = parseGlossary(lead, after.replace(/^\**/, ""));
      if (g) return { kind: "glossary", glossary: g };
    }
  }
  if (options.inGlossary) {
    const m = /^([^:\u2013\u2014]{1,60}?)\s*(?::|\s[-\u2013\u2014]\s)\s*(.+)$/s.exec(text);
    if (m) {
      const g = parseGlossary(m[1]!, m[2]!);
      if (g) return { kind: "glossary", glossary: g };
    }
  }
  if (/\bshall\b/i.test(text) || /\b(?:MUST|SHALL|SHOULD|REQUIRED)\b/.test(text)) return { kind: "shall" };
  if (/^(?:the\s+)?[\w/-]+(?:\s+[\w/-]+){0,3}\s+(?:must|shall)\s/i.test(text)) return { kind: "shall" };
  return { kind: "prose" };
}
