import type { Candidate } from "./candidate.js";
import { splitSentences } from "./split-sentences.js";

/**
 * Chat transcripts: a conversation pasted as text, with or without speaker markers. Each turn's
 * sentences and list lines become "chat" statements with a speaker; code pasted without fences,
 * web-search residue, diagrams and conversational filler are skipped and counted.
 */

type Speaker = "user" | "assistant" | "system";

const MARKER_RE =
  /^[ \t]{0,3}(?:#{1,6}[ \t]+)?(?:\*\*|__)?(user|human|me|you|assistant|ai|bot|chatgpt|claude|gpt|gemini|copilot|model|system)(?:\*\*|__)?[ \t]*(?:\((?:[^)]{0,40})\))?[ \t]*(?::(?:\*\*|__)?|(?:\*\*|__)?:|$)[ \t]*/i;

const LANGUAGES = new Set([
  "python", "py", "java", "rust", "yaml", "yml", "json", "javascript", "js", "typescript", "ts", "tsx", "jsx", "go",
  "golang", "c", "cpp", "c++", "c#", "csharp", "cs", "bash", "sh", "shell", "zsh", "powershell", "sql", "html", "css",
  "xml", "kotlin", "swift", "ruby", "php", "scala", "toml", "ini", "dockerfile", "makefile", "mermaid", "graphql",
  "protobuf", "proto", "hcl", "terraform", "lua", "perl", "r", "haskell", "elixir", "dart", "plaintext", "text",
  "console", "diff", "nginx", "jsonc", "env",
]);

const OPENER_RE =
  /^(?:I'd be (?:happy|glad)|I would be (?:happy|glad)|Ah[,!]|Great question|Good question|Sure[,!]|Certainly|Absolutely|Of course|YES[!.]|Yes[,!]|No[,!]|Exactly|Excellent|You're (?:absolutely )?right|That's (?:a )?(?:great|good|excellent|fascinating))/;

const FILLER_RE =
  /^(?:would you like|do you want|want to (?:explore|dive|go)|want me to|should we|shall we|are you ready|let me (?:search|know|break|look|dive|explore|check|find|think)|now let me|i'd be (?:happy|glad) to|i would be (?:happy|glad) to|i can help|hope this helps|feel free|what aspect|which aspect|is there anything|let's (?:dive|explore))/i;

const CODE_PUNCT_RE = /[{};]|\w\(|^[ \t]*[#@/]|^[ \t]*[\])}]|"""|'''|^\s*\w+\s*=[^=]|=>|::/;

function speakerOf(word: string): Speaker {
  const w = word.toLowerCase();
  if (w === "user" || w === "human" || w === "me") return "user";
  if (w === "system") return "system";
  return "assistant";
}

interface Line {
  raw: string;
  start: number;
  /** What this line is once classified. */
  role: "code" | "residue" | "diagram" | "blank" | "text" | "marker";
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    lines.push({ raw, start: pos, role: raw.trim() === "" ? "blank" : "text" });
    pos = nl + 1;
    if (nl >= text.length) break;
  }
  return lines;
}

/** A line that plausibly ends a run of unfenced code: unindented prose starting with a capital. */
function looksLikeProse(raw: string): boolean {
  if (/^[ \t]/.test(raw)) return false;
  // A line opening with a quote is a bare string inside code far more often than prose.
  if (!/^(?:\d+\.\s+)?[A-Z]/.test(raw)) return false;
  return !CODE_PUNCT_RE.test(raw);
}

function isLanguageMarker(raw: string): boolean {
  return LANGUAGES.has(raw.trim().toLowerCase()) && !/^[ \t]/.test(raw);
}

/** Marks unfenced code (after a bare language name), fenced code, and triple-quoted strings inside them. */
function markCode(lines: Line[]): void {
  // Fences that are closed later are exact; an unclosed opener is read like a bare language name.
  const fenceLines: number[] = [];
  lines.forEach((l, i) => {
    if (/^[ \t]{0,3}(```|~~~)/.test(l.raw)) fenceLines.push(i);
  });
  const closedPairs = new Map<number, number>();
  for (let k = 0; k + 1 < fenceLines.length; k += 2) closedPairs.set(fenceLines[k]!, fenceLines[k + 1]!);
  let inCode = false;
  let inString = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const pair = closedPairs.get(i);
    if (pair !== undefined) {
      for (let j = i; j <= pair; j++) lines[j]!.role = "code";
      i = pair;
      inCode = false;
      continue;
    }
    const opener = /^[ \t]{0,3}(```|~~~)/.test(l.raw);
    if (isLanguageMarker(l.raw) || opener) {
      l.role = "code";
      inCode = true;
      inString = false;
      continue;
    }
    if (!inCode) continue;
    if (l.role === "blank") continue;
    if (!inString && looksLikeProse(l.raw)) {
      inCode = false;
      continue;
    }
    l.role = "code";
    const quotes = (l.raw.match(/"""|'''/g) ?? []).length;
    if (quotes % 2 === 1) inString = !inString;
  }
}

function endsSentence(s: string): boolean {
  return /[.!?:;)"'”]\s*$/.test(s);
}

/** Web-search residue: "10 results", the query above it, article titles ("Title | Site"), citation titles. */
function markResidue(lines: Line[]): void {
  let prevText = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.role !== "text") continue;
    const t = l.raw.trim();
    if (/^\d+\s+results?$/i.test(t)) {
      l.role = "residue";
      if (prevText >= 0 && !endsSentence(lines[prevText]!.raw)) lines[prevText]!.role = "residue";
    } else if (/\s\|\s/.test(t) && !endsSentence(t) && !/^\|/.test(t)) {
      l.role = "residue";
    } else if (
      prevText >= 0 &&
      lines[prevText]!.role === "text" &&
      /[\p{L}\p{N}] $/u.test(lines[prevText]!.raw) &&
      lines[prevText]!.raw.trim().split(/\s+/).length >= 8 &&
      /^[A-Z]/.test(lines[prevText]!.raw) &&
      !endsSentence(t) &&
      t.split(/\s+/).length <= 14
    ) {
      // A sentence cut off by a citation: the line after it is the cited page's title.
      l.role = "residue";
    } else if (!/[\p{L}\p{N}]/u.test(t)) {
      l.role = "residue";
    }
    prevText = i;
  }
}

/** Removes tree-drawing characters, list bullets, quotes and inline emphasis from a chat line. */
function cleanLine(raw: string): { text: string; offset: number; diagram: boolean } {
  let s = raw;
  let offset = 0;
  const lead = /^[\s│├└┌┐┘┬┴┼─━┃|>]*(?:[-*+•]\s+|\d+[.)]\s+)?/.exec(s)![0];
  offset += lead.length;
  s = s.slice(lead.length);
  const arrows = /^[↓↑→←⇒⇐⇓⇑\s]+/.exec(s)?.[0] ?? "";
  const hadArrow = arrows.trim() !== "";
  s = s.slice(arrows.length);
  offset += arrows.length;
  const text = s
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const unquoted = /^["“](.*)["”]$/.exec(text)?.[1] ?? text;
  const diagram = (hadArrow && (unquoted === "" || /^\([^)]*\)$/.test(unquoted))) || !/[\p{L}\p{N}]/u.test(unquoted);
  return { text: unquoted.trim(), offset, diagram };
}

/** Short title-case lines ("Key Design Considerations", "Infrastructure Layer:") head what follows. */
function isTitleLine(text: string): boolean {
  const t = text.replace(/^\d+\.\s+/, "");
  if (/[.!?]$/.test(t)) return false;
  const words = t.replace(/:$/, "").split(/\s+/).filter((w) => /[\p{L}]/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  const colon = /^([^:]+):\s*(.+)$/.exec(t);
  // "Input: Requirements/Observations" is a key and its value, not a heading.
  if (colon && !/\s/.test(colon[1]!.trim()) && !/\s/.test(colon[2]!.trim())) return false;
  if (/:./.test(t) && !/^[A-Z][\w-]*\s+\d+:/.test(t)) {
    // "Single Agent: One LLM handling all tasks" is a definition; "Pattern 1: Failure Mode Analysis" a title.
    const after = t.slice(t.indexOf(":") + 1);
    if (!after.split(/\s+/).filter((w) => /[\p{L}]/u.test(w)).every((w) => /^[A-Z0-9("“]/.test(w) || SMALL_WORDS.has(w)))
      return false;
  }
  // "n-1" or a lone letter is notation, neither capitalised nor a small word.
  return words.every((w) => /^[A-Z0-9("“]/.test(w) || SMALL_WORDS.has(w.toLowerCase()) || /\d/.test(w) || w.length === 1);
}

const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "vs", "vs.", "with", "&", "via"]);

/** Is this line written like the user's side of an unmarked chat (short, lower-case, question-like)? */
function isUserish(raw: string): boolean {
  if (!/^[a-z]/.test(raw)) return false;
  if (isLanguageMarker(raw)) return false;
  const t = raw.trim();
  if (/\?\s*$/.test(t)) return true;
  if (CODE_PUNCT_RE.test(raw) || /=/.test(raw)) return false;
  return t.split(/\s+/).length >= 3;
}

/** Speaker markers on lines, when the transcript has them. */
function findMarkers(lines: readonly Line[]): Map<number, { speaker: Speaker; rest: string; restOffset: number }> {
  const markers = new Map<number, { speaker: Speaker; rest: string; restOffset: number }>();
  lines.forEach((l, i) => {
    const m = MARKER_RE.exec(l.raw);
    if (!m) return;
    // "User" alone on a line, a heading "## Assistant", or "User: text".
    const colon = /:/.test(m[0]);
    const heading = /^[ \t]{0,3}#/.test(l.raw);
    const alone = m[0].length >= l.raw.trimEnd().length;
    if (!colon && !heading && !(alone && /\*\*|__/.test(l.raw))) return;
    markers.set(i, { speaker: speakerOf(m[1]!), rest: l.raw.slice(m[0].length), restOffset: m[0].length });
  });
  return markers;
}

function hasBothSpeakers(markers: Map<number, { speaker: Speaker }>): boolean {
  const s = new Set([...markers.values()].map((m) => m.speaker));
  return s.has("user") && s.has("assistant");
}

/**
 * Is this text a chat transcript? True when it has speaker markers for both sides, or when it
 * reads like an unmarked paste: a short lower-case opening line and at least two replies that
 * open like an assistant ("I'd be happy", "Ah, ...", "YES! ...") right after such lines.
 */
export function detectTranscript(text: string): boolean {
  const lines = splitLines(text.length > 2_000_000 ? text.slice(0, 2_000_000) : text);
  if (hasBothSpeakers(findMarkers(lines))) return true;
  const first = lines.find((l) => l.role !== "blank");
  if (!first || !isUserish(first.raw)) return false;
  let replies = 0;
  let prev: Line | undefined;
  for (const l of lines) {
    if (l.role === "blank") continue;
    if (prev && isUserish(prev.raw) && OPENER_RE.test(l.raw)) replies++;
    prev = l;
  }
  return replies >= 2;
}

export interface ChatRead {
  candidates: Candidate[];
  skipped: Record<string, number>;
}

/**
 * Reads a transcript. Turn boundaries come from speaker markers ("User:", "**Assistant**:",
 * "## Human"), from quoting ("> " lines are the user's) when `quoted` is set, or else from the
 * unmarked heuristic: runs of short lower-case lines are the user's, everything between them the
 * assistant's.
 */
export function readChat(text: string, options: { quoted?: boolean } = {}): ChatRead {
  const lines = splitLines(text);
  const skipped = { "code lines": 0, "search-result lines": 0, "diagram lines": 0, "filler sentences": 0, "assistant questions": 0 };
  const markers = findMarkers(lines);
  const marked = hasBothSpeakers(markers);
  for (const i of markers.keys()) if (marked) lines[i]!.role = "marker";
  markCode(lines);
  for (const i of markers.keys()) if (marked && lines[i]!.role === "code") markers.delete(i);
  markResidue(lines);
  const quoted = !marked && (options.quoted || false);
  // Speaker per line.
  const speakers: (Speaker | undefined)[] = new Array(lines.length);
  let current: Speaker = "user";
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (marked) {
      const m = markers.get(i);
      if (m) current = m.speaker;
    } else if (quoted) {
      if (l.role !== "blank") current = /^[ \t]{0,3}>/.test(l.raw) ? "user" : "assistant";
    } else if (l.role === "text") {
      current = isUserish(l.raw) ? "user" : "assistant";
    }
    speakers[i] = current;
  }
  const candidates: Candidate[] = [];
  let major: string | undefined;
  let minor: string | undefined;
  let prevSpeaker: Speaker | undefined;
  let skipRestOfTurn = false;
  let lastCandidate: Candidate | undefined;
  let lastWasResidue = false;
  // The last few section titles of the turn: a code block under "... Example" then "Abstract Contract"
  // is still the example (titles in a transcript are flat lines, they do not nest).
  let recentTitles: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const speaker = speakers[i]!;
    if (speaker !== prevSpeaker) {
      major = minor = undefined;
      recentTitles = [];
      skipRestOfTurn = false;
      prevSpeaker = speaker;
    }
    if (l.role === "code") {
      // A run of code lines is one code statement: it may declare the abstractions the conversation wants.
      const marker = isLanguageMarker(l.raw) ? l.raw.trim().toLowerCase() : /^\s*(?:```|~~~)\s*(\w+)?/.exec(l.raw)?.[1]?.toLowerCase();
      let j = i;
      const body: Line[] = [];
      while (j < lines.length && (lines[j]!.role === "code" || (lines[j]!.role === "blank" && lines[j + 1]?.role === "code"))) {
        const x = lines[j]!;
        if (x.role === "code" && !(j === i && isLanguageMarker(x.raw)) && !/^\s*(```|~~~)/.test(x.raw)) body.push(x);
        j++;
      }
      const codeText = body.map((x) => x.raw).join("\n");
      if (codeText.trim()) {
        candidates.push({
          text: codeText.replace(/\s+/g, " ").trim(),
          start: body[0]!.start,
          end: body[body.length - 1]!.start + body[body.length - 1]!.raw.length,
          headingPath: [major, minor].filter((h): h is string => h !== undefined),
          cls: { kind: "code", code: { ...(marker ? { language: marker } : {}), text: codeText } },
          speaker,
          ...(recentTitles.length > 0 ? { labels: [...recentTitles] } : {}),
        });
      }
      skipped["code lines"] += 0;
      i = j - 1;
      continue;
    }
    if (l.role === "residue") {
      skipped["search-result lines"]++;
      lastWasResidue = true;
      continue;
    }
    if (l.role === "blank") continue;
    let raw = l.raw;
    let base = l.start;
    if (l.role === "marker") {
      const m = markers.get(i)!;
      raw = m.rest;
      base += m.restOffset;
      major = minor = undefined;
      if (!raw.trim()) continue;
    }
    // A sentence that a citation title interrupted continues on an indented lower-case line.
    if (lastWasResidue && lastCandidate && /^\s+[a-z]/.test(raw) && !isUserish(raw)) {
      const cont = raw.replace(/\s+/g, " ").trim();
      lastCandidate.text = `${lastCandidate.text} ${cont}`;
      lastCandidate.end = l.start + raw.length;
      lastWasResidue = false;
      continue;
    }
    lastWasResidue = false;
    if (quoted) raw = raw.replace(/^[ \t]{0,3}>[ \t]?/, (m) => " ".repeat(m.length));
    // A markdown heading inside a transcript heads the lines under it, like a title line.
    const heading = /^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(raw);
    if (heading) {
      const title = heading[1]!.replace(/\*\*|__|`/g, "").trim();
      if (title) {
        major = title;
        minor = undefined;
      }
      continue;
    }
    const cleaned = cleanLine(raw);
    if (cleaned.diagram) {
      skipped["diagram lines"]++;
      continue;
    }
    if (skipRestOfTurn) {
      skipped["filler sentences"]++;
      continue;
    }
    const body = cleaned.text;
    if (speaker !== "user" && isTitleLine(body)) {
      recentTitles = [...recentTitles, body.replace(/:$/, "")].slice(-3);
      if (/:$/.test(body) && major !== undefined) minor = body.replace(/:$/, "");
      else {
        major = body.replace(/:$/, "");
        minor = undefined;
      }
      continue;
    }
    const headingPath = [major, minor].filter((h): h is string => h !== undefined);
    const start = base + cleaned.offset + Math.max(0, raw.slice(cleaned.offset).indexOf(body.slice(0, 8)));
    const sentences = speaker === "user" ? [{ start: 0, end: body.length }] : splitSentences(body);
    for (const r of sentences) {
      const sentence = body.slice(r.start, r.end);
      if (skipRestOfTurn) {
        skipped["filler sentences"]++;
        continue;
      }
      if (speaker !== "user") {
        // Interjections ("YES!", "Great!") carry nothing to build from.
        if (sentence.split(/\s+/).length < 3 && /!$/.test(sentence)) {
          skipped["filler sentences"]++;
          continue;
        }
        if (FILLER_RE.test(sentence)) {
          skipped["filler sentences"]++;
          // "Would you like me to dive deeper? For example:" - the offer list that follows is filler too.
          if (remainingTurnLines(lines, speakers, i) <= 8) skipRestOfTurn = true;
          continue;
        }
        if (/\?["')\]]*$/.test(sentence)) {
          skipped["assistant questions"]++;
          continue;
        }
      }
      const c: Candidate = {
        text: sentence,
        start: start + r.start,
        end: start + r.end,
        headingPath,
        cls: { kind: "chat" },
        speaker,
      };
      candidates.push(c);
      lastCandidate = c;
    }
    if (skipRestOfTurn) continue;
  }
  return { candidates, skipped };
}

function remainingTurnLines(lines: readonly Line[], speakers: readonly (Speaker | undefined)[], i: number): number {
  let n = 0;
  for (let j = i + 1; j < lines.length && speakers[j] === speakers[i]; j++) if (lines[j]!.role !== "blank") n++;
  return n;
}
