import type { Code, Heading, List, ListItem, Nodes, Paragraph, Parent, Root, RootContent, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Diagnostic } from "../diagnostics.js";
import { LineIndex, takeAuthoredId, type Candidate, type ReadResult } from "./candidate.js";
import {
  METADATA_LABELS,
  REQUIREMENT_CODE_RE,
  classifyText,
  isAnnotationLabel,
  isBareQuestion,
  parseGlossary,
  parseScenarioSteps,
  type Classification,
} from "./classify-statement.js";
import { MAX_MARKER_RUN, flattenDeepNesting } from "./flatten-deep-nesting.js";
import { parsePlainParagraphs } from "./parse-plain-paragraphs.js";
import { slugify } from "./slugify.js";
import { splitIntoChunks } from "./split-into-chunks.js";
import { splitSentences } from "./split-sentences.js";
import { makeDiagnostic } from "./statement-diagnostics.js";
import type { ScenarioStep, StepKeyword } from "./types.js";

/** Recursion bound of the walker; the nesting guard keeps real input far below it. */
const MAX_DEPTH = 200;

const withGfm = unified().use(remarkParse).use(remarkGfm);
const withoutGfm = unified().use(remarkParse);

/** Only files that may hold GFM syntax pay for the GFM extensions (they double the parse time). */
function needsGfm(text: string): boolean {
  // A table delimiter row, strikethrough or footnotes. Task-list boxes are stripped by hand.
  return /^[ \t]*(?:\|[ \t]*:?-+|:?-+:?[ \t]*\|)/m.test(text) || /~~/.test(text) || /\[\^/.test(text);
}

interface FlatText {
  text: string;
  /** Pairs (out index, source offset) at the start of each text run, ascending. */
  segs: number[];
  lead?: string;
  /** Keywords written in bold, with their out index: how scenario steps are marked up. */
  boldMarks: { at: number; word: string }[];
  onlyCode: boolean;
  onlyLinks: boolean;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** Languages whose blocks can declare interfaces, abstract classes, traits or types. */
export const CODE_LANGUAGES = new Set(["python", "py", "java", "typescript", "ts", "javascript", "js", "rust", "rs", "go", "golang", "csharp", "cs", "c#", "kotlin", "kt", "scala", "swift", "php", "ruby", "rb"]);

/**
 * The label a paragraph gives what follows it: a short bold-only paragraph ("**BudgetConfig**") or a
 * short one ending in a colon ("Fields:"), without the colon.
 */
function labelOf(node: Paragraph): string | undefined {
  const flat = flattenInline(node.children, 0);
  const text = flat.text.trim();
  if (!text || text.split(/\s+/).length > 6 || text.length > 60) return undefined;
  const bold = node.children.length === 1 && node.children[0]!.type === "strong";
  if (!bold && !/:$/.test(text)) return undefined;
  return text.replace(/[:\s]+$/, "");
}

/** Flattens inline markdown to plain text with collapsed white space, remembering where runs came from. */
function flattenInline(nodes: readonly Nodes[], base: number): FlatText {
  const out: string[] = [];
  let len = 0;
  let lastSpace = true;
  const segs: number[] = [];
  const boldMarks: { at: number; word: string }[] = [];
  let sawCode = false;
  let sawOtherText = false;
  let sawLink = false;
  let sawNonLinkText = false;
  const append = (value: string, src: number | undefined, inLink: boolean): void => {
    if (src !== undefined) segs.push(len, src + base);
    // Whole runs, not characters: white space is already collapsed to single spaces, so only a
    // space at the join with the previous run can double up.
    let run = value.replace(/\s+/g, " ");
    if (lastSpace && run.startsWith(" ")) run = run.slice(1);
    if (run.length > 0) {
      out.push(run);
      // `len` counts code points (as it always has): astral characters are one each.
      len += SURROGATE_PAIR.test(run) ? [...run].length : run.length;
      lastSpace = run.endsWith(" ");
    }
    if (!inLink && /[\p{L}\p{N}]/u.test(value)) sawNonLinkText = true;
  };
  const visit = (node: Nodes, inLink: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    switch (node.type) {
      case "text":
        if (/\S/.test(node.value)) sawOtherText ||= /[\p{L}\p{N}]/u.test(node.value);
        append(node.value, node.position?.start.offset, inLink);
        return;
      case "inlineCode":
        sawCode = true;
        append(node.value, node.position?.start.offset, inLink);
        return;
      case "break":
        append(" ", undefined, inLink);
        return;
      case "html":
      case "image":
      case "imageReference":
      case "footnoteReference":
      case "delete":
        return;
      case "link":
      case "linkReference":
        sawLink = true;
        for (const c of node.children) visit(c, true, depth + 1);
        return;
      case "strong": {
        const at = len + (lastSpace ? 0 : 1);
        const inner = flattenInline(node.children, 0).text.trim();
        if (/^(given|when|then|and|but)$/i.test(inner.replace(/[:,]$/, ""))) boldMarks.push({ at, word: inner });
        for (const c of node.children) visit(c, inLink, depth + 1);
        return;
      }
      default:
        if ("children" in node) for (const c of (node as Parent).children) visit(c as Nodes, inLink, depth + 1);
        else if ("value" in node && typeof node.value === "string") append(node.value, node.position?.start.offset, inLink);
    }
  };
  for (const n of nodes) visit(n, false, 0);
  let text = out.join("");
  const trimmedStart = text.length - text.trimStart().length;
  text = text.trim();
  if (trimmedStart) for (let i = 0; i < segs.length; i += 2) segs[i] = segs[i]! - trimmedStart;
  let lead: string | undefined;
  const first = nodes.find((n) => !(n.type === "text" && !/\S/.test(n.value)));
  if (first && first.type === "strong") lead = flattenInline(first.children, 0).text.trim();
  for (const m of boldMarks) m.at = Math.max(0, m.at - trimmedStart);
  return {
    text,
    segs,
    lead,
    boldMarks,
    onlyCode: sawCode && !sawOtherText,
    onlyLinks: sawLink && !sawNonLinkText,
  };
}

/** Source offset of an index into flattened text. */
function sourceOffset(flat: FlatText, index: number, fallback: number): number {
  // Binary search over the (out, src) pairs: a paragraph can hold thousands of inline runs.
  let lo = 0;
  let hi = flat.segs.length / 2 - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat.segs[mid * 2]! <= index) {
      best = mid * 2;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return fallback;
  return flat.segs[best + 1]! + (index - flat.segs[best]!);
}

interface HeadingFrame {
  depth: number;
  title: string;
  uid: number;
  line: number;
  /** OpenSpec "Requirement: <name>" */
  requirement?: string;
  /** OpenSpec "Scenario: <name>" */
  scenario?: string;
  /** "US-3", "User Story 1", "Requirement 2" - a label for the story in this section. */
  storyLabel?: string;
  authoredId?: string;
  /** Whether the authored id / requirement label was already given to a statement. */
  used?: boolean;
}

interface Anchor {
  path: number[];
  index: number;
  kind: "story" | "requirement";
  labelId?: string;
  number?: string;
}

/** State of one file's walk, shared across chunks so headings carry over. */
class MarkdownWalker {
  readonly candidates: Candidate[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly skipped = { questions: 0, tables: 0, fragments: 0 };
  private headings: HeadingFrame[] = [];
  private uid = 0;
  private anchors: Anchor[] = [];
  private base = 0;
  /** Lead-in labels of the list being read ("**BudgetConfig**", "Fields:"), outermost first. */
  private labels: string[] = [];
  /** A bold-only paragraph just read: it labels the list that follows it. */
  private pendingLabel: string | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lineOf: (offset: number) => number,
  ) {}

  walkRoot(root: Root, base: number): void {
    this.base = base;
    for (const child of root.children) this.walkBlock(child, 0);
  }

  /** Reports ids left on headings that no statement took. */
  finish(): void {
    this.enterHeading({ type: "heading", depth: 1, children: [] });
  }

  private get headingPath(): string[] {
    return this.headings.map((h) => h.title);
  }

  private get pathUids(): number[] {
    return this.headings.map((h) => h.uid);
  }

  private get inGlossary(): boolean {
    return this.headings.some((h) => /\b(glossary|definitions|terminology|terms)\b/i.test(h.title));
  }

  private offset(node: Nodes, end = false): number {
    const p = end ? node.position?.end.offset : node.position?.start.offset;
    return (p ?? 0) + this.base;
  }

  private walkBlock(node: RootContent | Nodes, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const label = node.type === "paragraph" ? labelOf(node) : undefined;
    if (node.type !== "list") this.pendingLabel = label;
    switch (node.type) {
      case "heading":
        this.enterHeading(node);
        return;
      case "paragraph":
        this.readParagraph(node, false);
        return;
      case "list":
        this.readList(node, depth);
        return;
      case "table":
        this.readTable(node);
        return;
      case "code":
        this.checkFence(node);
        this.readCode(node);
        return;
      case "blockquote":
      case "footnoteDefinition":
        for (const c of node.children) this.walkBlock(c, depth + 1);
        return;
      default:
        // html (comments), thematicBreak, definition, yaml: never statements.
        return;
    }
  }

  /** A fenced block in a programming language may declare interfaces (docs/statements.md "Code"). */
  private readCode(node: Code): void {
    const language = node.lang?.toLowerCase();
    if (!language || !CODE_LANGUAGES.has(language) || !node.value.trim()) return;
    this.emit({
      text: node.value.replace(/\s+/g, " ").trim(),
      start: this.offset(node),
      end: this.offset(node, true),
      cls: { kind: "code", code: { language, text: node.value } },
    });
  }

  private checkFence(node: Nodes): void {
    const start = this.offset(node);
    const end = this.offset(node, true);
    const raw = this.text.slice(start, end);
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (!fence) return;
    const lastLine = raw.slice(raw.lastIndexOf("\n") + 1);
    const closed = raw.includes("\n") && new RegExp(`^ {0,3}${fence[1]![0] === "`" ? "`" : "~"}{${fence[1]!.length},}\\s*$`).test(lastLine);
    if (!closed && this.text.slice(end).trim() === "") {
      this.diagnostics.push(
        makeDiagnostic({
          code: "PARSE_UNCLOSED_FENCE",
          message: "code fence is never closed: the rest of the file is read as code",
          file: this.file,
          line: this.lineOf(start),
        }),
      );
    }
  }

  private enterHeading(node: Heading): void {
    const flat = flattenInline(node.children, this.base);
    const taken = takeAuthoredId(flat.text);
    this.reportInvalidId(taken.invalid, this.offset(node));
    const title = taken.text.trim();
    const top = this.headings[this.headings.length - 1];
    if (top?.authoredId && !top.used) {
      // The id on a heading names the first statement under it; a heading with none loses it loudly.
      this.diagnostics.push(
        makeDiagnostic({
          code: "PARSE_INVALID_ID",
          message: `id "{#${top.authoredId}}" on heading "${top.title}" names no statement (no statement follows before the next heading)`,
          file: this.file,
          line: top.line,
        }),
      );
      top.used = true;
    }
    while (this.headings.length && this.headings[this.headings.length - 1]!.depth >= node.depth) this.headings.pop();
    const frame: HeadingFrame = { depth: node.depth, title, uid: ++this.uid, line: this.lineOf(this.offset(node)) };
    if (taken.id) frame.authoredId = taken.id;
    const req = /^requirement\s*:\s*(.+)$/i.exec(title);
    if (req) frame.requirement = req[1]!.trim();
    const scn = /^scenario\s*(?:\d+)?\s*:\s*(.+)$/i.exec(title);
    if (scn) frame.scenario = scn[1]!.trim();
    const story = /^((?:US|UC)-?\d+|user\s+story\s+\d+|story\s+\d+|requirement\s+\d+(?:\.\d+)*)\b/i.exec(title);
    if (story) frame.storyLabel = story[1]!.replace(/\s+/g, " ");
    this.headings.push(frame);
  }

  private reportInvalidId(invalid: string | undefined, offset: number): void {
    if (invalid === undefined) return;
    this.diagnostics.push(
      makeDiagnostic({
        code: "PARSE_INVALID_ID",
        message: `"{#${invalid}}" is not a valid statement id (use letters, digits, ".", "_", "-"; 1-80 characters); kept as text`,
        file: this.file,
        line: this.lineOf(offset),
      }),
    );
  }

  private readParagraph(node: Paragraph, listItem: boolean, ordinal?: number): void {
    const flat = flattenInline(node.children, this.base);
    this.readFlat(flat, this.offset(node), this.offset(node, true), listItem, ordinal);
  }

  /** The innermost heading frame that still has an unused authored id or an open requirement. */
  private pendingFrame(): HeadingFrame | undefined {
    const top = this.headings[this.headings.length - 1];
    if (top && !top.used && (top.authoredId || top.requirement)) return top;
    return undefined;
  }

  private readFlat(flat: FlatText, start: number, end: number, listItem: boolean, ordinal?: number): void {
    if (flat.onlyCode || flat.onlyLinks) return;
    const taken = takeAuthoredId(flat.text);
    this.reportInvalidId(taken.invalid, start);
    // "[ ] task" when the file was parsed without GFM.
    let text = listItem ? taken.text.replace(/^\[[ xX]\]\s+/, "") : taken.text;
    if (!/[\p{L}]/u.test(text)) return;
    const lead = flat.lead?.replace(/[:\s]+$/, "");
    const leadKey = lead?.toLowerCase();
    // Document metadata: **Status**: Draft, > Priority: P0.
    // Only paragraphs: in a list, "`status`: Active/Inactive" is an entity field, not metadata.
    // Judged on the first source line: "> Priority: P0\n> Status: Implemented" is one paragraph.
    const firstLine = this.text.slice(start, Math.min(end, start + 400)).split("\n")[0]!;
    const plain = /^([A-Za-z][A-Za-z ]{1,30}?)\s*:\s(.*)$/.exec(firstLine);
    const plainKey = plain?.[1]?.toLowerCase();
    const shortValue = (plain?.[2] ?? "").split(/\s+/).length <= 10;
    if (!listItem && ((leadKey && METADATA_LABELS.has(leadKey)) || (plainKey && METADATA_LABELS.has(plainKey) && !leadKey && shortValue)))
      return;
    let forcedProse = false;
    let label: string | undefined;
    if (lead && isAnnotationLabel(lead)) {
      forcedProse = true;
      label = lead;
      text = text.slice(text.indexOf(lead!) + lead!.length).replace(/^[*\s]*[:\-\u2013\u2014]?\s*/, "");
      if (!text) return;
    }
    // Lead-ins ("Options:", "**Acceptance Scenarios**:") introduce what follows; they say nothing.
    if (/:$/.test(text) && text.split(/\s+/).length <= 4) return;
    const frame = this.pendingFrame();
    const scenarioName = this.currentScenario();
    const whole = forcedProse ? ({ kind: "prose" } as Classification) : this.classify(text, flat);
    const keepWhole = whole.kind !== "prose" || !!taken.id || (frame?.requirement !== undefined && !frame.used);
    if (keepWhole) {
      if (whole.kind === "prose" && isBareQuestion(text) && !taken.id) {
        this.skipped.questions++;
        return;
      }
      this.emit({ text, start, end, cls: whole, label, authoredId: taken.id, scenarioName, ordinal });
      return;
    }
    if (listItem) {
      if (isBareQuestion(text)) {
        this.skipped.questions++;
        return;
      }
      this.emit({ text, start, end, cls: whole, label, scenarioName, ordinal });
      return;
    }
    const offsetShift = flat.text.indexOf(text);
    for (const r of splitSentences(text)) {
      const sentence = text.slice(r.start, r.end);
      if (!/[\p{L}]/u.test(sentence)) continue;
      if (isBareQuestion(sentence)) {
        this.skipped.questions++;
        continue;
      }
      if (/:$/.test(sentence) && sentence.split(/\s+/).length <= 4) continue;
      const cls = forcedProse ? ({ kind: "prose" } as Classification) : this.classify(sentence, { ...flat, lead: undefined });
      const s = sourceOffset(flat, r.start + Math.max(0, offsetShift), start);
      const e = sourceOffset(flat, r.end + Math.max(0, offsetShift) - 1, end - 1) + 1;
      this.emit({ text: sentence, start: s, end: Math.max(e, s + 1), cls, label, scenarioName });
    }
  }

  private classify(text: string, flat: FlatText): Classification {
    const cls = classifyText(text, { leadLabel: flat.lead, inGlossary: this.inGlossary });
    if (cls.kind === "scenario" && flat.boldMarks.length >= 2) {
      const steps = stepsFromMarks(text, flat);
      if (steps) cls.steps = steps;
    }
    return cls;
  }

  private currentScenario(): string | undefined {
    for (let i = this.headings.length - 1; i >= 0; i--) {
      const h = this.headings[i]!;
      if (h.scenario) return h.scenario;
      if (h.requirement) return undefined;
    }
    return undefined;
  }

  private emit(o: {
    text: string;
    start: number;
    end: number;
    cls: Classification;
    label?: string;
    authoredId?: string;
    scenarioName?: string;
    ordinal?: number;
  }): void {
    const cls = o.cls;
    const text = (cls.text ?? o.text).trim();
    if (!text) return;
    // "None." or "Optional" alone says nothing about the system.
    if (cls.kind === "prose" && !o.authoredId && !/\s/.test(text)) {
      this.skipped.fragments++;
      return;
    }
    const c: Candidate = { text, start: o.start, end: o.end, headingPath: this.headingPath, cls };
    if (this.labels.length > 0) c.labels = [...this.labels];
    let label = o.label ?? cls.label;
    if (o.authoredId) c.authoredId = o.authoredId;
    // A code block never takes a heading's id or requirement: those name the statement under it.
    const frame = cls.kind === "code" ? undefined : this.pendingFrame();
    let anchor: Anchor | undefined;
    if (frame) {
      frame.used = true;
      if (frame.authoredId && !c.authoredId) c.authoredId = frame.authoredId;
      if (frame.requirement) {
        // OpenSpec: the first statement under "### Requirement: X" is that requirement.
        if (!cls.kind.startsWith("ears-") || cls.kind === "ears-ubiquitous") cls.kind = "shall";
        label = `Requirement: ${frame.requirement}`;
        c.labelId = slugify(frame.requirement);
        anchor = { path: this.pathUids, index: this.candidates.length, kind: "requirement", labelId: c.labelId };
      }
    }
    if (cls.kind === "scenario" && o.scenarioName) {
      c.scenarioName = o.scenarioName;
      label ??= `Scenario: ${o.scenarioName}`;
    }
    if (cls.kind === "user-story") {
      const storyLabel = this.headings[this.headings.length - 1]?.storyLabel;
      label ??= storyLabel;
      anchor = {
        path: this.pathUids,
        index: this.candidates.length,
        kind: "story",
        number: /(\d+(?:\.\d+)*)$/.exec(storyLabel ?? "")?.[1],
      };
    }
    if (!anchor && (cls.kind === "scenario" || cls.kind === "shall" || cls.kind.startsWith("ears-"))) {
      const parent = this.findAnchor();
      if (parent) {
        c.parent = parent.index;
        if (cls.kind === "scenario" && parent.kind === "requirement" && parent.labelId && c.scenarioName)
          c.labelId = `${parent.labelId}.${slugify(c.scenarioName)}`;
        if (!label && o.ordinal !== undefined && parent.number) label = `${parent.number}.${o.ordinal}`;
      }
    }
    if (label && REQUIREMENT_CODE_RE.test(label) && !c.labelId) c.labelId = slugify(label);
    if (label) c.label = label;
    if (anchor) this.anchors.push(anchor);
    this.candidates.push(c);
  }

  private findAnchor(): Anchor | undefined {
    const path = this.pathUids;
    for (let i = this.anchors.length - 1; i >= 0; i--) {
      const a = this.anchors[i]!;
      if (a.path.length <= path.length && a.path.every((u, k) => path[k] === u)) return a;
    }
    return undefined;
  }

  private readList(list: List, depth: number): void {
    const label = this.pendingLabel;
    this.pendingLabel = undefined;
    if (label) this.labels.push(label);
    try {
      if (this.readScenarioList(list)) return;
      let n = list.start ?? 1;
      for (const item of list.children) {
        this.readListItem(item, depth, list.ordered ? n : undefined);
        n++;
      }
    } finally {
      if (label) this.labels.pop();
    }
  }

  private readListItem(item: ListItem, depth: number, ordinal?: number): void {
    let first = true;
    // "- Fields:" with a nested list: the nested items are read under that label.
    const head = item.children[0];
    const label = head?.type === "paragraph" && item.children.length > 1 ? labelOf(head) : undefined;
    if (label) this.labels.push(label);
    try {
      for (const child of item.children) {
        if (first && child.type === "paragraph") {
          this.readParagraph(child, true, ordinal);
        } else this.walkBlock(child, depth + 1);
        first = false;
      }
    } finally {
      if (label) this.labels.pop();
    }
  }

  /** A list whose items are Given/When/Then (or OpenSpec WHEN/THEN/AND) steps is one scenario. */
  private readScenarioList(list: List): boolean {
    const items: { keyword: StepKeyword; written: string; text: string }[] = [];
    const inScenario = this.currentScenario() !== undefined;
    for (const item of list.children) {
      const para = item.children[0];
      if (!para || para.type !== "paragraph" || item.children.length > 2) return false;
      const flat = flattenInline(para.children, this.base);
      const m = /^(given|when|then|and|but)\b[:,]?\s*(.*)$/is.exec(flat.text);
      if (!m) {
        if (!inScenario) return false;
        items.push({ keyword: "and", written: "", text: flat.text });
        continue;
      }
      const written = m[1]!;
      // Lower-case "when the ..." bullets are prose, not steps, unless bold or capitalised.
      if (written === written.toLowerCase() && !flat.lead) return false;
      items.push({ keyword: written.toLowerCase() as StepKeyword, written, text: m[2]!.trim() });
    }
    if (items.length === 0) return false;
    // Inside a Scenario section a list still needs one keyword bullet: "The dir SHALL contain:" + a
    // plain list is a requirement with its parts, not a second scenario.
    if (!items.some((i) => i.written)) return false;
    const firstKey = items[0]!.keyword;
    if (!inScenario && (firstKey !== "given" && firstKey !== "when")) return false;
    if (!inScenario && !items.some((i) => i.keyword === "then")) return false;
    const steps: ScenarioStep[] = items.filter((i) => i.text).map((i) => ({ keyword: i.keyword, text: i.text }));
    const text = items.map((i) => (i.written ? `${i.written} ${i.text}` : i.text)).join(" ");
    this.emit({
      text,
      start: this.offset(list),
      end: this.offset(list, true),
      cls: { kind: "scenario", steps },
      scenarioName: this.currentScenario(),
    });
    return true;
  }

  private readGlossaryTable(table: Table, termCol: number, defCol: number): void {
    for (const row of table.children.slice(1)) {
      const termCell = row.children[termCol];
      const defCell = row.children[defCol];
      if (!termCell || !defCell) continue;
      const term = flattenInline(termCell.children, this.base).text;
      const def = flattenInline(defCell.children, this.base).text;
      const g = parseGlossary(term, def);
      if (!g) continue;
      this.emit({ text: `${g.term}: ${g.definition}`, start: this.offset(row), end: this.offset(row, true), cls: { kind: "glossary", glossary: g } });
    }
  }

  private readTable(table: Table): void {
    const rows = table.children;
    const header = rows[0]?.children.map((c) => flattenInline(c.children, this.base).text.toLowerCase()) ?? [];
    const termCol = header.findIndex((h) => /^(term|name|concept|entity)$/.test(h.trim()));
    const defCol = header.findIndex((h) => /^(definition|description|meaning)$/.test(h.trim()));
    if (termCol >= 0 && defCol >= 0 && !header.some((h) => /requirement/.test(h))) {
      this.readGlossaryTable(table, termCol, defCol);
      return;
    }
    let textCol = header.findIndex((h) => /\b(requirements?|description|statement|criteri(a|on)|user story|story|rule)\b/.test(h));
    let idCol = header.findIndex((h) => /^(id|#|ref|req(uirement)?\s*id|code|key|no\.?)$/.test(h.trim()));
    const body = rows.slice(1);
    if (idCol < 0 && body.length) {
      // First column full of requirement codes.
      const codes = body.filter((r) => REQUIREMENT_CODE_RE.test(flattenInline(r.children[0]?.children ?? [], 0).text)).length;
      if (codes >= Math.max(1, body.length * 0.6)) idCol = 0;
    }
    if (textCol < 0 && idCol >= 0 && header.length > 1) {
      // The widest other column holds the requirement text.
      let best = -1;
      let bestLen = 0;
      for (let c = 0; c < header.length; c++) {
        if (c === idCol) continue;
        const total = body.reduce((n, r) => n + flattenInline(r.children[c]?.children ?? [], 0).text.length, 0);
        if (total > bestLen) {
          bestLen = total;
          best = c;
        }
      }
      textCol = best;
    }
    if (textCol < 0 || (idCol < 0 && !/\b(requirements?|statement|criteri(a|on)|user story)\b/.test(header[textCol] ?? ""))) {
      this.skipped.tables++;
      return;
    }
    for (const row of body) {
      const cell = row.children[textCol];
      if (!cell) continue;
      const flat = flattenInline(cell.children, this.base);
      const taken = takeAuthoredId(flat.text);
      const text = taken.text;
      if (!/[\p{L}]/u.test(text)) continue;
      const idText = idCol >= 0 ? flattenInline(row.children[idCol]?.children ?? [], 0).text.trim() : "";
      const label = idText && /^[\w.-]{1,20}$/.test(idText) ? idText : undefined;
      let cls = this.classify(text, flat);
      if (label && REQUIREMENT_CODE_RE.test(label) && /^(FR|NFR|REQ|SR|UR|BR|QR)/i.test(label) && cls.kind === "prose")
        cls = { ...cls, kind: "shall" };
      this.emit({ text, start: this.offset(cell), end: this.offset(cell, true), cls, label, authoredId: taken.id });
    }
  }
}

function stepsFromMarks(text: string, flat: FlatText): ScenarioStep[] | undefined {
  const marks = flat.boldMarks
    .map((m) => ({ at: text.indexOf(m.word, Math.max(0, m.at - 2)), word: m.word }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (marks.length < 2 || marks[0]!.at > 1) return undefined;
  const steps: ScenarioStep[] = [];
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    const end = i + 1 < marks.length ? marks[i + 1]!.at : text.length;
    const body = text
      .slice(m.at + m.word.length, end)
      .replace(/^[\s:,]+/, "")
      .replace(/[\s,;.]+$/, "");
    if (body) steps.push({ keyword: m.word.replace(/[:,]$/, "").toLowerCase() as StepKeyword, text: body });
  }
  return steps.length >= 2 ? steps : parseScenarioSteps(text);
}

/** Reads statements from a markdown text (already decoded, LF). */
export function readMarkdown(options: { file: string; text: string; chunkSize?: number }): ReadResult & {
  skipped: { questions: number; tables: number; fragments: number };
  /** The text the offsets refer to (deep nesting flattened; same lines as the input). */
  text: string;
} {
  const { file } = options;
  const diagnostics: Diagnostic[] = [];
  const flattened = flattenDeepNesting(options.text);
  if (flattened.firstLine !== undefined) {
    diagnostics.push(
      makeDiagnostic({
        code: "PARSE_DEEP_NESTING",
        message: `lists or quotes nested deeper than ${MAX_MARKER_RUN} levels were flattened (columns on those lines are approximate)`,
        file,
        line: flattened.firstLine,
      }),
    );
  }
  const text = flattened.text;
  const index = new LineIndex(text);
  const walker = new MarkdownWalker(file, text, (offset) => index.position(offset).line);
  const processor = needsGfm(text) ? withGfm : withoutGfm;
  const chunks = splitIntoChunks(text, options.chunkSize);
  for (const ch of chunks) {
    const slice = text.slice(ch.start, ch.end);
    // Plain paragraphs (a backlog of one story per line) need no markdown parser: the fast path
    // builds the very tree remark would, about ten times faster.
    const root = (processor === withoutGfm && parsePlainParagraphs(slice)) || (processor.parse(slice) as Root);
    walker.walkRoot(root, ch.start);
  }
  walker.finish();
  return {
    candidates: walker.candidates,
    diagnostics: diagnostics.concat(walker.diagnostics),
    skipped: walker.skipped,
    text,
  };
}
