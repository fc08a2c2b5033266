import Mustache from "mustache";
import { builtinTemplateSource, layerTemplateSources } from "../emitters/templates.js";
import type { TemplateSource } from "../emitters/types.js";
import { BODY_CAPS, buildImpactView, FULL_CAPS, type ViewCaps } from "./build-impact-view.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import type { ImpactReport } from "./types.js";

export { md } from "./escape-markdown.js";
export { describeStatementChange } from "./build-impact-view.js";

export interface RenderImpactMarkdownOptions {
  /** Template overrides, e.g. a repository's `.penult/templates/report/impact.md.mustache`. */
  templates?: TemplateSource;
  /**
   * `body` (default): shaped for review, sections capped by importance and the whole fitted to
   * `limit`. `full`: everything, with each contract file explained (the full report).
   */
  detail?: "body" | "full";
  /** Longest body, in characters (default GitHub's 65,536; room for markers is the caller's). */
  limit?: number;
  /** A markdown sentence saying where the full report is (a link), shown at the end of a body. */
  fullReport?: string;
  /** Each contract file gets a review comment with its explanation (the App): the body says so. */
  fileComments?: boolean;
}

/**
 * The full report's steps: per-file explanations first (each element change is also in the
 * statements table), then statement rows (the most telling kept), then the rest.
 */
const SHRINK_FULL: readonly ((c: ViewCaps) => ViewCaps)[] = [
  (c) => ({ ...c, files: Math.min(c.files, 200) }),
  (c) => ({ ...c, files: Math.min(c.files, 50), statements: Math.min(c.statements, 3000), elementsPerCell: Math.min(c.elementsPerCell, 12), nonBreaking: Math.min(c.nonBreaking, 500) }),
  (c) => ({ ...c, files: Math.min(c.files, 10), statements: Math.min(c.statements, 1000), push: Math.min(c.push, 1000), breaking: Math.min(c.breaking, 1000), untraced: Math.min(c.untraced, 200), notes: Math.min(c.notes, 200) }),
  (c) => ({ ...c, files: 0, statements: Math.min(c.statements, 200), push: Math.min(c.push, 200), breaking: Math.min(c.breaking, 200), elementsPerCell: 5 }),
];

/**
 * GitHub renders a markdown file as a page only below about 2 MB (larger ones show as raw text):
 * the full report stays under that, summarised by the same rules when a push is that large.
 */
export const FULL_REPORT_LIMIT = 1_900_000;

/** Template name under templates/. */
export const IMPACT_TEMPLATE = "report/impact.md.mustache";

/**
 * Steps that make a body shorter, least important first: the rest (notes, files, non-breaking
 * changes), then the picture, then the statements, and last what breaks. Each step keeps counts of
 * what it leaves out ("… and 12 more").
 */
const SHRINK_BODY: readonly ((c: ViewCaps) => ViewCaps)[] = [
  (c) => ({ ...c, notes: Math.min(c.notes, 3), untraced: Math.min(c.untraced, 5), files: Math.min(c.files, 8) }),
  (c) => ({ ...c, nonBreaking: Math.min(c.nonBreaking, 4), elementsPerCell: Math.min(c.elementsPerCell, 3) }),
  (c) => ({ ...c, diagram: false, notes: 0, files: 0, nonBreaking: 0, untraced: 0 }),
  (c) => ({ ...c, statements: Math.min(c.statements, 5), push: Math.min(c.push, 5), elementsPerCell: 1 }),
  (c) => ({ ...c, breaking: Math.min(c.breaking, 5), statements: Math.min(c.statements, 2), push: Math.min(c.push, 2) }),
  (c) => ({ ...c, breaking: 1, statements: 0, push: 0, elementsPerCell: 0 }),
];

/**
 * The impact report as GitHub-flavoured markdown: the PR body of a contracts PR, the preview
 * comment on a statements PR, `penult diff`'s output, and (with `detail: "full"`) the full report.
 * A body reads top to bottom: one summary line; what this push changed (when it updates an open
 * PR); what breaks, for implementers and for callers, each element once; the statements table, old
 * -> new with the changed words marked; a small picture; the rest folded. Nothing is cut blindly:
 * when a body would pass `limit`, sections are shortened least important first, every omission
 * counted, and only a pathological body (a single line longer than the limit) is cut at a line.
 * Layout and wording live in templates/report/impact.md.mustache (overridable); values arrive
 * escaped, each on one line.
 */
export function renderImpactMarkdown(report: ImpactReport, options: RenderImpactMarkdownOptions = {}): string {
  const source = layerTemplateSources(options.templates, builtinTemplateSource);
  const template = source(IMPACT_TEMPLATE);
  if (template === undefined) throw new Error(`penult: template ${IMPACT_TEMPLATE} not found`);
  const full = options.detail === "full";
  const limit = options.limit ?? (full ? FULL_REPORT_LIMIT : GITHUB_BODY_LIMIT);
  const render = (caps: ViewCaps): string => {
    const view = buildImpactView(report, caps, { perFile: full, fullReport: full ? "" : (options.fullReport ?? ""), fileComments: options.fileComments ?? false });
    // Values are escaped for markdown; the template escape only keeps every value on one line.
    const out = Mustache.render(template.replace(/\r\n?/g, "\n"), view, undefined, { escape: (v: unknown) => String(v).replace(/[\r\n]+/g, " ") });
    return out.replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
  };
  let caps = full ? FULL_CAPS : BODY_CAPS;
  let out = render(caps);
  for (const shrink of full ? SHRINK_FULL : SHRINK_BODY) {
    if (out.length <= limit) return out;
    caps = shrink(caps);
    out = render(caps);
  }
  return fitBody(out, { limit, whole: full ? "`penult diff --json` has every change." : (options.fullReport || "`penult diff --full` prints the whole report.") });
}
