import pluralize from "pluralize";
import { escapeRegExp } from "../escape-regexp.js";

/**
 * Glossary key for a term: lower case, `_`/`-`/spaces unified, last word singular, so that
 * "Kiro_Worker", "Kiro Worker" and "kiro workers" meet.
 */
export function normaliseTerm(term: string): string {
  const words = term
    .replace(/[*`"'“”‘’]/g, "")
    .trim()
    .toLowerCase()
    .split(/[\s_\-]+/)
    .filter(Boolean);
  if (words.length === 0) return "";
  words[words.length - 1] = pluralize.singular(words[words.length - 1]!);
  return words.join(" ");
}

/** Lower-cased word tokens (letters, digits, `_`), for similarity and grouping. */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Text with case, punctuation and whitespace differences removed: the "same statement" key. */
export function normaliseText(text: string): string {
  return tokenizeWords(text).join(" ");
}

/**
 * A regexp matching `phrase` as whole words, case-insensitive. Word edges are checked only on the
 * sides where the phrase starts/ends with a word character, so "etc." and "and/or" work too.
 */
export function wholeWordPattern(phrase: string): RegExp {
  const body = escapeRegExp(phrase).replace(/\s+/g, "\\s+");
  const left = /^[\p{L}\p{N}_]/u.test(phrase) ? "(?<![\\p{L}\\p{N}_])" : "";
  const right = /[\p{L}\p{N}_]$/u.test(phrase) ? "(?![\\p{L}\\p{N}_])" : "";
  return new RegExp(`${left}${body}${right}`, "giu");
}

/** Fills `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** Re-exported: the lint rules import their text helpers from here. */
export { escapeRegExp };
