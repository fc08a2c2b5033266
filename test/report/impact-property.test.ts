import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../lib/compile.js";
import { computeImpactOfModels, type ImpactSide } from "../../lib/diff/compute-impact.js";
import { toPushSection } from "../../lib/report/build-impact-report.js";
import { renderFileNotes } from "../../lib/report/render-file-notes.js";
import { renderImpactMarkdown } from "../../lib/report/render-impact-markdown.js";
import type { ImpactReport } from "../../lib/report/types.js";
import type { SourceFile } from "../../lib/statements/types.js";
import { checkMarkdown } from "../helpers/check-markdown.js";
import { parseMermaidDiagrams } from "../helpers/compile/mermaid.js";

/**
 * Property: random sequences of statement edits on repositories made of vendored corpus files
 * (test/corpora, text nobody here wrote) go through the statement diff, the model diff, the
 * breaking rules and every report renderer without a crash, and every text is valid GitHub
 * markdown within its limit. Pairs of unrelated repositories are compared too: the diff must
 * never crash on any pair of models (elements of one kind on one side can hold the id of another
 * kind on the other). No element name is assumed anywhere.
 */
const CORPORA = join(import.meta.dirname, "../corpora");
const REPOS: SourceFile[][] = [
  ["ears-kiro/coreyalejandro_kiro-hackathon-mad-mall/image-upload-integration/requirements.md", "ears-kiro/kirodotdev_spirit-of-kiro/player-trail-effect/requirements.md"],
  ["openspec-specs/cli-show/spec.md", "openspec-specs/cli-list/spec.md"],
  ["openspec-specs/config-loading/spec.md"],
  ["speckit-specs/ukad-group_ecommerce-saas/004-tenant-market-management/spec.md"],
  ["speckit-specs/microsoft_CommunityManagement-Sample-Spec-Kit/007-simple-ui-pages/data-model.md"],
].map((paths) => paths.map((p) => ({ path: `statements/${p}`, content: readFileSync(join(CORPORA, p), "utf8") })));

/** Words and clauses an author (or an attacker) might type, markdown and HTML included. */
const WORDS = ["verified", "archived", "Order", "order item", "OrderItem", "@security-team", "<script>x</script>", "a | b", "`code`", "**bold**", "[x](http://e.test)", "<!--", "_x_", "日本語", "🛒", "3", "\\"];
const CLAUSES = [" and notify the administrator", " and record an audit entry", " and page @oncall", " within 200 ms", ", THEN THE Service SHALL reject it", " | with a pipe |", " <img src=x onerror=alert(1)>"];

type Edit =
  | { kind: "word"; at: number; word: string }
  | { kind: "clause"; at: number; clause: string }
  | { kind: "delete"; at: number }
  | { kind: "duplicate"; at: number; word: string }
  | { kind: "move"; at: number; to: number }
  | { kind: "rename"; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("word" as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant("clause" as const), at: fc.nat(), clause: fc.constantFrom(...CLAUSES) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant("move" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), at: fc.nat() }),
);

/** One edit applied to the non-blank lines of the repository (statements, headings, bullets). */
function applyEdit(files: readonly SourceFile[], e: Edit): SourceFile[] {
  const out = files.map((f) => ({ path: f.path, lines: String(f.content).split("\n") }));
  const spots = out.flatMap((f, fi) => f.lines.map((l, li) => ({ fi, li, l })).filter((x) => x.l.trim() !== ""));
  if (spots.length === 0) return files.map((f) => ({ ...f }));
  const s = spots[e.at % spots.length]!;
  const lines = out[s.fi]!.lines;
  switch (e.kind) {
    case "word": {
      const words = [...s.l.matchAll(/\b[A-Za-z]{4,}\b/g)];
      const w = words[e.at % Math.max(1, words.length)];
      lines[s.li] = w ? s.l.slice(0, w.index) + e.word + s.l.slice(w.index! + w[0].length) : `${s.l} ${e.word}`;
      break;
    }
    case "clause":
      lines[s.li] = s.l.replace(/[.\s]*$/, "") + e.clause + ".";
      break;
    case "delete":
      lines.splice(s.li, 1);
      break;
    case "duplicate":
      lines.splice(s.li + 1, 0, "", s.l.replace(/\b[a-z]{5,}\b/, e.word));
      break;
    case "move": {
      const t = spots[e.to % spots.length]!;
      lines.splice(s.li, 1);
      out[t.fi]!.lines.splice(Math.min(t.li, out[t.fi]!.lines.length), 0, "", s.l);
      break;
    }
    case "rename":
      out[s.fi]!.path = out[s.fi]!.path.replace(/([^/]+)\.md$/, `renamed-${e.at % 7}-$1.md`);
      break;
  }
  return out.map((f) => ({ path: f.path, content: f.lines.join("\n") }));
}

/** Compiled versions by content, so a sequence compiles each version once. */
const compiled = new Map<string, ImpactSide>();
function side(files: readonly SourceFile[]): ImpactSide {
  const key = JSON.stringify(files);
  let s = compiled.get(key);
  if (!s) {
    const c = compile({ files });
    s = { statements: c.statements, model: c.model };
    compiled.set(key, s);
  }
  return s;
}

const diagrams: { name: string; text: string }[] = [];

/** Every object of a model that is an element (has an id, a name and sources), in document order. */
function elementsOf(model: unknown): { id: string }[] {
  const out: { id: string }[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) return o.forEach(walk);
    if (!o || typeof o !== "object") return;
    const r = o as Record<string, unknown>;
    if (typeof r.id === "string" && typeof r.name === "string" && Array.isArray(r.sources)) out.push(r as { id: string });
    for (const [k, v] of Object.entries(r)) if (k !== "statements") walk(v);
  };
  walk(model);
  return out;
}

/** Every rendering of a report is valid markdown, each within its limit; returns the body. */
function checkRenderings(report: ImpactReport, limit: number, label: string): void {
  const body = renderImpactMarkdown(report, { limit, fullReport: "[The full report](https://example.test/IMPACT.md) has the rest.", fileComments: true });
  expect(body.length).toBeLessThanOrEqual(limit);
  // Summarised by importance, never cut at a line, down to bodies of a few thousand characters.
  if (limit >= 4_000) expect(body).not.toContain("_(cut here");
  const full = renderImpactMarkdown(report, { detail: "full" });
  for (const [name, text] of [["body", body], ["full", full], ...renderFileNotes(report).notes.map((n) => [`note ${n.path}`, n.body])] as const) {
    const check = checkMarkdown(text);
    if (check.problems.length) throw new Error(`${label} ${name}: ${check.problems.join("; ")}\n\n${text.slice(0, 3000)}`);
    check.mermaid.forEach((m, i) => diagrams.push({ name: `${label} ${name} ${i}`, text: m }));
  }
}

describe("property: random statement edits through diff and the report renderers", () => {
  it("the markdown checker itself catches what it is for", () => {
    expect(checkMarkdown("the error**, retry once** and").problems).toEqual(["2 bold markers but 0 bold spans"]);
    expect(checkMarkdown("hi @alice").problems[0]).toMatch(/live mention/);
    expect(checkMarkdown("x <script>y</script>").problems[0]).toMatch(/raw HTML/);
    expect(checkMarkdown("| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n").problems[0]).toMatch(/3 cells, the header 2/);
    expect(checkMarkdown("```mermaid\nflowchart LR\n").problems).toContain("a code fence is left open");
    expect(checkMarkdown("`@x` **y** \\*\\*z @&#8203;w").problems).toEqual([]);
  });

  it("never crashes, and every body is valid markdown under its limit", () => {
    fc.assert(
      fc.property(fc.nat(REPOS.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.integer({ min: 2_000, max: 65_536 }), (r, edits, limit) => {
        const versions = [REPOS[r]!];
        for (const e of edits) versions.push(applyEdit(versions.at(-1)!, e));
        const first = side(versions[0]!);
        const last = side(versions.at(-1)!);
        const previousPush = side(versions.at(-2)!);
        const cumulative = computeImpactOfModels({ previous: first, current: last, base: "v0", head: `v${edits.length}`, config: { targets: ["typescript"] } }).report;
        cumulative.push = toPushSection(computeImpactOfModels({ previous: previousPush, current: last, base: `v${edits.length - 1}`, head: `v${edits.length}`, emit: false }).report);
        checkRenderings(cumulative, limit, `repo ${r}, edits ${JSON.stringify(edits)}`);
        // The statement change is always accounted for: every edited statement has its row.
        expect(cumulative.statements.length).toBe(cumulative.summary.statements.added + cumulative.summary.statements.removed + cumulative.summary.statements.edited + cumulative.summary.statements.moved);
      }),
      { numRuns: 30, seed: 1414, endOnFailure: true },
    );
  }, 600_000);

  it("never crashes on any pair of models: unrelated ones, and ids traded between elements of any kinds", () => {
    fc.assert(
      fc.property(fc.nat(REPOS.length - 1), fc.nat(REPOS.length - 1), fc.array(edit, { maxLength: 2 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }), (a, b, edits, swaps) => {
        let files = REPOS[b]!;
        for (const e of edits) files = applyEdit(files, e);
        const current = structuredClone(side(files));
        // Two elements trade ids (an entity and a component, an operation and an interface...).
        const elements = elementsOf(current.model);
        for (const [i, j] of swaps) {
          const x = elements[i % elements.length]!;
          const y = elements[j % elements.length]!;
          [x.id, y.id] = [y.id, x.id];
        }
        const { report } = computeImpactOfModels({ previous: side(REPOS[a]!), current, emit: false });
        checkRenderings(report, 65_536, `pair ${a} -> ${b}, swaps ${JSON.stringify(swaps)}`);
      }),
      { numRuns: 25, seed: 2828, endOnFailure: true },
    );
  }, 600_000);

  it("every picture drawn above parses with Mermaid's own parser", async () => {
    const unique = [...new Map(diagrams.map((d) => [d.text, d])).values()];
    expect(unique.length).toBeGreaterThan(5);
    const results = await parseMermaidDiagrams(unique);
    expect([...results].filter(([, message]) => message !== undefined)).toEqual([]);
  }, 300_000);
});
