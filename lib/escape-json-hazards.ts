/**
 * Characters JSON may hold raw but a reader must never see raw: the line and paragraph separators
 * (line breaks to JavaScript before ES2019 and to many editors), bidi controls ("Trojan Source"
 * reorders what a reviewer sees), and other invisible format characters. JSON.stringify already
 * escapes controls below U+0020 and lone surrogates.
 */
const JSON_HAZARD = /[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/**
 * `json` (the output of JSON.stringify) with every hazard character written as a `\uXXXX`
 * escape. Outside strings JSON text is ASCII, so only string contents change, and parsing the
 * result gives exactly the same value.
 */
export function escapeJsonHazards(json: string): string {
  JSON_HAZARD.lastIndex = 0;
  if (!JSON_HAZARD.test(json)) return json;
  return json.replace(JSON_HAZARD, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
