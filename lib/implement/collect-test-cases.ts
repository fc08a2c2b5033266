import { cmp } from "../diagnostics.js";
import type { Model, StatementRef } from "../model/types.js";
import type { Statement, StepKeyword } from "../statements/types.js";
import type { CaseStep, InterfaceTarget, TestCase } from "./types.js";

/** Statement kinds that describe observable behaviour a test can check. */
const TESTABLE = new Set(["scenario", "ears-ubiquitous", "ears-event", "ears-state", "ears-unwanted", "ears-optional", "ears-complex", "shall"]);

/** The fields of a statement this module reads; a model StatementRef has the first five. */
type StatementLike = Pick<Statement, "id" | "file" | "kind" | "text"> & { line: number } & Partial<Pick<Statement, "label" | "parent" | "scenario" | "ears" | "story">>;

function fromStatement(s: Statement): StatementLike {
  return { ...s, line: s.span.start.line };
}

function fromRef(s: StatementRef): StatementLike {
  return { id: s.id, file: s.file, line: s.line, kind: s.kind as Statement["kind"], text: s.text };
}

const STEP_WORD = /\b(GIVEN|WHEN|THEN|AND|BUT|Given|When|Then|And|But)\b/g;

/** "Given a cart When the shopper adds an item Then the total grows" -> three steps. */
function readScenarioText(text: string): CaseStep[] {
  const marks = [...text.matchAll(STEP_WORD)];
  if (marks.length === 0) return [{ keyword: "then", text }];
  const steps: CaseStep[] = [];
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index ?? text.length : text.length;
    const body = text.slice(start, end).replace(/^[\s:,*]+|[\s,;*]+$/g, "");
    if (body) steps.push({ keyword: m[0].toLowerCase() as StepKeyword, text: body });
  });
  return steps;
}

const EARS_TEXT = /^(?:WHERE\s+(.+?),\s*)?(?:WHILE\s+(.+?),\s*)?(?:(WHEN|IF)\s+(.+?)(?:,\s*|\s+)(?:THEN\s+)?)?((?:THE|The|the)\s+.+?)\s+(SHALL|MUST|shall|must)\s+(.+)$/;

/** EARS clauses as steps: WHERE/WHILE -> given, WHEN/IF -> when, the response -> then. */
function readEars(s: StatementLike): CaseStep[] {
  const e = s.ears;
  if (e) {
    const steps: CaseStep[] = [];
    if (e.feature) steps.push({ keyword: "given", text: `the feature "${e.feature}" is enabled` });
    if (e.state) steps.push({ keyword: "given", text: e.state });
    if (e.trigger) steps.push({ keyword: "when", text: e.trigger });
    if (e.condition) steps.push({ keyword: "when", text: e.condition });
    steps.push({ keyword: "then", text: `the ${e.subject} ${e.modal.toLowerCase()} ${e.response}` });
    return steps;
  }
  const m = EARS_TEXT.exec(s.text.replace(/^\s*(?:\d+(?:\.\d+)*[.)]\s+)/, ""));
  if (!m) return [{ keyword: "then", text: s.text }];
  const steps: CaseStep[] = [];
  if (m[1]) steps.push({ keyword: "given", text: `the feature "${m[1]}" is enabled` });
  if (m[2]) steps.push({ keyword: "given", text: m[2] });
  if (m[4]) steps.push({ keyword: "when", text: m[4] });
  steps.push({ keyword: "then", text: `${m[5]} ${m[6]!.toLowerCase()} ${m[7]}` });
  return steps;
}

function stepsOf(s: StatementLike): CaseStep[] {
  if (s.scenario?.steps.length) return s.scenario.steps.map((st) => ({ keyword: st.keyword, text: st.text }));
  if (s.kind === "scenario") return readScenarioText(s.text);
  if (s.kind === "user-story") {
    const story = s.story;
    const m = story ? undefined : /^As an? (.+?),\s*I want(?: to)? (.+?)(?:,?\s*so that (.+?))?\.?$/i.exec(s.text);
    const role = story?.role ?? m?.[1];
    const want = story?.want ?? m?.[2];
    const benefit = story?.benefit ?? m?.[3];
    if (!role || !want) return [{ keyword: "then", text: s.text }];
    return [
      { keyword: "given", text: `a ${role}` },
      { keyword: "when", text: `they ${want}` },
      ...(benefit ? [{ keyword: "then" as const, text: benefit }] : []),
    ];
  }
  return readEars(s);
}

function titleOf(s: StatementLike): string {
  const text = s.text.length > 90 ? `${s.text.slice(0, 87).trimEnd()}...` : s.text;
  // A scenario or requirement name says what the case is about; the steps go in the body.
  const named = s.scenario?.name ?? /^(?:Requirement|Scenario):\s*(.+)$/.exec(s.label ?? "")?.[1];
  if (named) return named.replace(/^Scenario:\s*/, "");
  return s.label && !text.startsWith(s.label) ? `${s.label}: ${text}` : text;
}

/**
 * The test cases of an interface: every scenario and acceptance criterion (EARS or SHALL
 * statement) traced to the interface or one of its operations, plus those whose parent is (a
 * scenario under a requirement, an acceptance criterion under a user story), in file and line
 * order. An operation that no such statement covers still gets one pending case from its first
 * statement, so every method appears in the test file.
 */
export function collectTestCases(options: { model: Model; target: InterfaceTarget; statements?: readonly Statement[] }): TestCase[] {
  const { model, target } = options;
  const rows: StatementLike[] = options.statements ? options.statements.map(fromStatement) : model.statements.map(fromRef);
  const byId = new Map(rows.map((s) => [s.id, s]));
  const opOf = new Map<string, string>();
  for (const op of target.iface.operations) for (const id of op.sources) if (!opOf.has(id)) opOf.set(id, op.id);
  const traced = new Set([...target.iface.sources, ...target.iface.operations.flatMap((o) => o.sources)]);
  const chosen = rows.filter((s) => traced.has(s.id) || (s.parent !== undefined && traced.has(s.parent)));
  chosen.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.id, b.id));

  const cases: TestCase[] = [];
  const covered = new Set<string>();
  for (const s of chosen) {
    if (!TESTABLE.has(s.kind)) continue;
    const operation = opOf.get(s.id) ?? (s.parent ? opOf.get(s.parent) : undefined);
    if (operation) covered.add(operation);
    cases.push({ title: titleOf(s), statement: s.id, where: `${s.file}:${s.line}`, operation, steps: stepsOf(s) });
  }
  for (const op of target.iface.operations) {
    if (covered.has(op.id)) continue;
    const first = op.sources.map((id) => byId.get(id)).find((s) => s !== undefined);
    cases.push({
      title: first ? titleOf(first) : op.name,
      statement: first?.id ?? op.sources[0] ?? op.id,
      where: first ? `${first.file}:${first.line}` : "",
      operation: op.id,
      steps: first ? stepsOf(first) : [],
    });
  }
  return cases;
}
