import type { Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import { applyPinnedName, normalizePhrase, splitWords, toTypeName } from "./naming.js";
import { key } from "./resolve-phrase.js";
import { GENERIC_HEADING_WORDS, GENERIC_SUBJECTS, NON_CONCEPTS, PERSON_NOUNS, UI_NOUNS, VALUE_NOUNS } from "./vocabulary.js";

/**
 * Pass "components" (docs/model.md "Components"): the component a requirement statement's
 * operations belong to, decided from the statement, its parents and its headings only:
 * 1. the subject an EARS statement names (`THE Cart SHALL`), or a modal subject that names a
 *    system part (`The Payment service MUST`);
 * 2. its parent's component (a scenario or acceptance criterion);
 * 3. the nearest heading that names a responsibility (`# Cart`, `## Order history`), never a
 *    section label (`Functional Requirements`, `User Story 2 - ...`, `Requirement: X`);
 * 4. none: the operations then go to the component of the entity they act on (see
 *    derive-operations), or to the feature the file specifies.
 */

export interface ComponentChoice {
  name: string;
  /** Named by the statement itself (an EARS subject). */
  explicit: boolean;
  rule: string;
  words: string;
}

/** Words that mark a noun phrase as a part of a system ("payment service", "build worker"). */
const PART_WORDS = new Set([
  "service", "manager", "engine", "module", "gateway", "worker", "processor", "handler", "scheduler", "store",
  "repository", "registry", "adapter", "controller", "agent", "bot", "pipeline", "queue", "broker", "cache",
  "orchestrator", "router", "proxy", "provider", "monitor", "validator", "generator", "parser", "compiler",
  "emitter", "dispatcher", "listener", "watcher", "collector", "exporter", "importer", "indexer", "crawler",
  "notifier", "publisher", "subscriber", "server", "daemon", "cli", "sdk", "library", "plugin", "extension",
  "app", "subsystem", "component", "backend", "frontend", "portal", "console", "assistant", "runner", "builder", "loader",
  "tracker", "planner", "analyzer", "analyser", "classifier", "resolver", "calculator", "converter", "renderer",
]);

export interface AssignComponentOptions {
  statement: Statement;
  facts: Facts | undefined;
  byId: ReadonlyMap<string, Statement>;
  factsById: ReadonlyMap<string, Facts>;
  pins: ReadonlyMap<string, string>;
  systemName?: string;
}

export function assignComponent(o: AssignComponentOptions): ComponentChoice | undefined {
  const own = subjectComponent(o.statement, o.facts, o.pins, o.systemName);
  if (own) return own;
  const seen = new Set<string>();
  let parentId = o.statement.parent;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const p = o.byId.get(parentId);
    if (!p) break;
    const c = subjectComponent(p, o.factsById.get(parentId), o.pins, o.systemName);
    if (c) return { ...c, explicit: false, rule: "components/parent" };
    parentId = p.parent;
  }
  return sectionComponent(o.statement, o.pins);
}

/** The component a statement's own subject names, if any. */
function subjectComponent(st: Statement, facts: Facts | undefined, pins: ReadonlyMap<string, string>, systemName?: string): ComponentChoice | undefined {
  const ears = st.kind.startsWith("ears-") ? (st.ears?.subject ?? facts?.subject) : undefined;
  const earsWords = splitWords(ears ?? "");
  const earsHead = earsWords[earsWords.length - 1] ?? "";
  // "THE user SHALL" names a person; "THE Kiro_Worker SHALL", "THE Build Worker SHALL" name parts.
  const person = earsWords.length === 1 && PERSON_NOUNS.has(earsHead) && !/[_A-Z]/.test((ears ?? "").slice(1));
  if (ears !== undefined && !person && !UI_NOUNS.has(earsHead) && !UI_NOUNS.has(earsHead.replace(/s$/, ""))) {
    const name = componentName(ears, pins, systemName);
    return name ? { name, explicit: true, rule: "components/ears-subject", words: ears } : undefined;
  }
  if (st.kind !== "shall" || !/\b(?:shall|must|should|will)\b/i.test(st.text)) return undefined;
  const subject = facts?.subject ?? st.ears?.subject;
  if (!subject) return undefined;
  const words = splitWords(subject);
  const head = words[words.length - 1];
  // Only a subject that names a part of the system is a component ("The Payment service MUST");
  // "Tags MUST be unique" speaks of data, "Budget calculations MUST work" of a behaviour.
  if (!head || !(PART_WORDS.has(head) || /^[A-Z][a-z]+[A-Z]/.test(subject.trim()) || /_/.test(subject))) return undefined;
  const name = componentName(subject, pins, systemName);
  return name ? { name, explicit: true, rule: "components/modal-subject", words: subject } : undefined;
}

/** PascalCase component name for a subject, or undefined when it means the whole system. */
export function componentName(subject: string, pins: ReadonlyMap<string, string>, systemName?: string): string | undefined {
  const norm = normalizePhrase(subject);
  if (!norm || GENERIC_SUBJECTS.has(norm)) return undefined;
  if (systemName && norm === normalizePhrase(systemName)) return undefined;
  const words = splitWords(subject).filter((w, i) => i > 0 || !["the", "a", "an", "our", "this", "each", "every"].includes(w));
  if (words.length === 0) return undefined;
  if (words.length <= 2 && GENERIC_SUBJECTS.has(words[words.length - 1]!) && words.length === 1) return undefined;
  const pinned = pins.get(norm) ?? pins.get(key(words));
  if (pinned) return applyPinnedName(pinned, "type", "Component");
  return toTypeName(words.slice(-4), "Component");
}

/** The nearest heading that names a responsibility (never a transcript's section titles). */
function sectionComponent(st: Statement, pins: ReadonlyMap<string, string>): ComponentChoice | undefined {
  if (st.kind === "chat") return undefined;
  for (let i = st.headingPath.length - 1; i >= 0; i--) {
    const h = st.headingPath[i]!;
    const words = responsibilityWords(h);
    if (!words) continue;
    const pinned = pins.get(words.join(" ")) ?? pins.get(key(words));
    const name = pinned ? applyPinnedName(pinned, "type", "Component") : toTypeName(words, "Component");
    return { name, explicit: false, rule: "components/heading", words: h };
  }
  return undefined;
}

/**
 * The words of a heading that names a responsibility, or undefined for a section label, a story
 * title, a feature title, an activity ("Browsing", "Managing the catalogue") or a generic section.
 */
export function responsibilityWords(heading: string): string[] | undefined {
  const h = heading.replace(/[*_`]/g, "").replace(/\([^)]*\)/g, " ").trim();
  if (/^(?:user\s+)?stor(?:y|ies)\b|^(?:requirement|scenario|feature|epic|use\s+case|story|us|fr|nfr|req)\b\s*[\d:.-]|^(?:requirement|scenario|feature|epic)s?\s*:/i.test(h)) return undefined;
  if (isFeatureTitle(h)) return undefined;
  const body = h.replace(/^[\d.)\s-]+/, "").replace(/^[A-Z]{1,4}-\d+[:.]?\s*/, "");
  const all = splitWords(body);
  // A heading about the document's structure ("Primary User Story", "Acceptance Criteria") names no part.
  if (all.some((w) => STRUCTURE_WORDS.has(w))) return undefined;
  if (all.length === 0 || all.length > 6) return undefined;
  // An activity names what people do, not a part: "Browsing", "Managing the catalogue", "Browsing
  // recipes"; "Shopping Cart" is a compound noun.
  const next = all[1];
  const activity = next === undefined || ["the", "a", "an", "my", "your", "their", "our", "his", "her", "its", "all", "and"].includes(next) || (/s$/.test(next) && !/ss$/.test(next));
  if (activity && /ing$/.test(all[0]!) && all[0]!.length > 4 && !["listing", "pricing", "billing", "shipping", "booking", "ordering", "routing", "logging", "tracking", "reporting", "messaging", "onboarding", "scheduling", "printing", "ticketing", "parking", "hosting", "streaming", "mapping", "sharing", "matching", "rating", "tagging", "banking", "accounting", "training", "marketing", "clustering", "monitoring", "caching", "rendering", "testing", "building", "planning", "learning", "sync", "syncing", "processing"].includes(all[0]!)) return undefined;
  const words = all.filter((w) => !GENERIC_HEADING_WORDS.has(w) && !/^\d+$/.test(w));
  if (words.length === 0 || words.length > 4) return undefined;
  const head = words[words.length - 1]!;
  if (UI_NOUNS.has(head) || (words.length === 1 && (NON_CONCEPTS.has(head) || VALUE_NOUNS.has(head))) || PERSON_NOUNS.has(head)) return undefined;
  if (words.every((w) => ["and", "or", "the", "of", "for", "to", "with"].includes(w))) return undefined;
  return words;
}

/** Words of headings that organise a document rather than name a part of the system. */
const STRUCTURE_WORDS = new Set([
  "story", "stories", "scenario", "scenarios", "requirement", "requirements", "criteria", "acceptance", "test",
  "tests", "testing", "edge", "cases", "checklist", "clarification", "clarifications", "assumption",
  "assumptions", "glossary", "entities", "spec", "specification", "specifications", "overview", "background",
  "introduction", "summary", "appendix", "notes", "questions", "risks", "goals", "scope", "outcomes", "metrics",
  "primary", "secondary", "dependencies", "constraints", "nfr", "nfrs", "execution", "review", "changelog",
  "prd", "srs", "readme", "context", "purpose", "motivation", "rationale", "definitions", "terminology",
]);

/** "Feature Specification: Recipe Manager", "Feature: Checkout", "PRD - Podcasts": a title naming a whole feature. */
export function isFeatureTitle(heading: string): boolean {
  return /\bfeature\b.*(?:spec|specification)?\s*[:—–-]|^(?:feature|prd|spec|specification|product requirements?(?: document)?)\s*[:—–-]/i.test(heading);
}

/** The feature a file specifies, named from its title ("Feature Specification: Recipe Manager" -> RecipeManager). */
export function featureName(statements: readonly Statement[]): string | undefined {
  const titles = [...new Set(statements.map((s) => s.headingPath[0]).filter((h): h is string => h !== undefined))];
  if (titles.length !== 1) return undefined;
  const title = titles[0]!.replace(/[*_`]/g, "").replace(/\([^)]*\)/g, " ");
  const after = title.includes(":") ? title.slice(title.lastIndexOf(":") + 1) : title;
  const words = splitWords(after).filter((w) => !GENERIC_HEADING_WORDS.has(w) || ["user", "users", "model", "design"].includes(w));
  if (words.length === 0 || words.length > 6) return undefined;
  return toTypeName(words, "Feature");
}
