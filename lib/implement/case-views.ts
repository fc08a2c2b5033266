import { makeIdentifier, NameScope, sanitizeCommentText, type CaseStyle, type CommentStyle, type LanguageNaming } from "../emitters/identifiers.js";
import type { InterfaceTarget, TestCase } from "./types.js";

/** A test case, ready for a template: a unique method name, a title literal, step comments. */
export interface CaseView {
  /** Method/function name, unique in the test file. */
  name: string;
  /** The title as a string literal of the language. */
  title: string;
  /** Comment lines (already inert in the language's comment syntax), without the comment marker. */
  comments: string[];
  /** Failure message as a string literal of the language. */
  message: string;
  /** Emitted name of the operation the case exercises, when known. */
  method?: string;
}

const LABEL: Record<string, string> = { given: "Given", when: "When", then: "Then", and: "And", but: "But" };

/** The scaffold's own header lines: what it is and that penult will not touch it again. */
export function describeScaffold(target: InterfaceTarget, what: string): string[] {
  return [
    `${what} for ${target.iface.name} (${target.iface.id}), generated once by \`penult implement\`.`,
    "This file is yours: penult never overwrites it. The contract it implements is regenerated from the statements.",
  ];
}

/**
 * Views of the test cases for one language: method names cased and made unique, titles and
 * messages quoted with the language's literal syntax, steps as inert comment lines.
 */
export function buildCaseViews(options: {
  cases: readonly TestCase[];
  naming: LanguageNaming;
  style: CaseStyle;
  /** Prefix of every method name ("test" for Python/Go, "" elsewhere). */
  prefix?: string;
  comment: CommentStyle;
  quote: (text: string) => string;
  /** Operation id -> emitted method name. */
  methodOf: ReadonlyMap<string, string>;
  /** Name the test refers to in its message ("CartServiceImpl"). */
  className: string;
  /** Longest method name before the uniqueness suffix. */
  maxName?: number;
}): CaseView[] {
  const scope = new NameScope({ separator: options.style === "snake" ? "_" : "" });
  return options.cases.map((c) => {
    const method = c.operation ? options.methodOf.get(c.operation) : undefined;
    const title = method && !c.title.startsWith(method) ? `${method}: ${c.title}` : c.title;
    const words = `${options.prefix ?? ""} ${title}`.replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").slice(0, 12).join(" ");
    let name = makeIdentifier(words, { naming: options.naming, style: options.style, kind: "member" });
    const max = options.maxName ?? 80;
    if (name.length > max) name = name.slice(0, max).replace(/_+$/, "");
    name = scope.claim(name);
    const comments = [
      ...c.steps.map((s) => `${LABEL[s.keyword] ?? s.keyword} ${s.text}`),
      ...(method ? [`Exercise: ${method}`] : []),
      `From statement ${c.statement}${c.where ? ` (${c.where})` : ""}`,
    ].map((l) => sanitizeCommentText(l, options.comment));
    return {
      name,
      title: options.quote(title),
      comments,
      message: options.quote(`not written yet: "${title}" against ${options.className}`),
      ...(method ? { method } : {}),
    };
  });
}
