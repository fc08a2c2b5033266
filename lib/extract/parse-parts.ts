import type { ScenarioStep, StepKeyword, UserStoryParts } from "../statements/types.js";

const STORY = /^\s*(?:[-*]\s*)?(?:\*\*)?as\s+(?:an?\s+|the\s+)?(.+?)(?:\*\*)?\s*,?\s+(?:(?:\*\*)?i(?:\*\*)?\s*(?:(?:really\s+)?want|would like|'d like|’d like|need|wish|can|should be able|am able|'m able|’m able|expect|like|do not want|don't want|don’t want)\b)(.*?)(?:[,.;]?\s+(?:\*\*)?so\s+that(?:\*\*)?\s+(.*))?\s*$/is;

/**
 * Splits a user story written in text ("As a <role>, I want <goal>, so that <benefit>") when the
 * parser did not hand over its parts (hand-built statements, the Dalpiaz backlogs).
 */
export function parseStoryText(text: string): UserStoryParts | undefined {
  const m = STORY.exec(text.replace(/^#G\d+#\s*/, ""));
  if (!m) return undefined;
  const verb = /\bI\s*((?:really\s+)?want|would like|'d like|’d like|need|wish|can|should be able|am able|'m able|’m able|expect|like|do not want|don't want|don’t want)\b/i.exec(text);
  const said = (verb ? verb[1]! : "want").replace(/^['’]d like$/, "would like").replace(/^['’]m able$/, "am able");
  const want = `I ${said}${m[2]!.replace(/^\s*/, " ")}`.replace(/[.\s]+$/, "");
  const parts: UserStoryParts = { role: m[1]!.trim(), want };
  if (m[3]) parts.benefit = m[3].trim().replace(/\.$/, "");
  return parts;
}

/** Splits "Given .. When .. Then .. And .." text into steps when the parser gave none. */
export function parseScenarioText(text: string): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  // Step keywords are capitalised ("When", "WHEN"); a lower-case "when" is part of a step's text.
  const re = /\b(Given|When|Then|And|But|GIVEN|WHEN|THEN|AND|BUT)\b\s*(?:\*\*)?\s*/g;
  const marks: { keyword: StepKeyword; at: number; body: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kw = m[1]!.toLowerCase() as StepKeyword;
    if ((kw === "and" || kw === "but") && marks.length === 0) continue;
    marks.push({ keyword: kw, at: m.index, body: m.index + m[0].length });
  }
  if (!marks.some((m) => m.keyword === "given" || m.keyword === "when" || m.keyword === "then")) return [];
  for (let i = 0; i < marks.length; i++) {
    const body = text.slice(marks[i]!.body, marks[i + 1]?.at ?? text.length).replace(/^[\s*:]+|[\s,;*]+$/g, "");
    if (body) steps.push({ keyword: marks[i]!.keyword, text: body });
  }
  return steps;
}
