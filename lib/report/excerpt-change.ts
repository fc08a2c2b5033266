import { diffWords } from "diff";

/** Longest excerpt of a statement shown in a report cell, in characters. */
const MAX_EXCERPT = 140;
/** Words of unchanged context kept on each side of an edit. */
const CONTEXT_WORDS = 5;

export interface ChangeExcerpt {
  /** Old text, abbreviated around the change, changed words in **bold**. */
  before: string;
  /** New text, likewise. */
  after: string;
}

/**
 * The part of an edited statement a reviewer needs: the changed words with a few words of context,
 * both sides, changed words emphasised. Input and output are plain text; markdown escaping is the
 * renderer's job, so emphasis is returned as `\u0001...\u0002` markers it turns into `**`.
 */
export function excerptChange(before: string, after: string): ChangeExcerpt {
  const parts = diffWords(before, after);
  const firstChanged = parts.findIndex((p) => p.added || p.removed);
  if (firstChanged < 0) return { before: clip(before), after: clip(after) };
  let lastChanged = parts.length - 1;
  while (lastChanged > 0 && !(parts[lastChanged]!.added || parts[lastChanged]!.removed)) lastChanged--;
  const lead = parts.slice(0, firstChanged).map((p) => p.value).join("");
  const tail = parts.slice(lastChanged + 1).map((p) => p.value).join("");
  const leadWords = lead.split(/(?<=\s)/);
  const tailWords = tail.split(/(?<=\s)/);
  const leadText = (leadWords.length > CONTEXT_WORDS ? "…" : "") + leadWords.slice(-CONTEXT_WORDS).join("");
  const tailText = tailWords.slice(0, CONTEXT_WORDS).join("") + (tailWords.length > CONTEXT_WORDS ? "…" : "");
  const side = (keep: (p: { added?: boolean; removed?: boolean }) => boolean): string => {
    let out = leadText;
    // A dropped part (the other side's words) may have carried the only space between two words.
    let pendingSpace = false;
    const append = (piece: string) => {
      if (pendingSpace && piece && !/\s$/.test(out) && !/^\s/.test(piece)) out += " ";
      pendingSpace = false;
      out += piece;
    };
    for (const p of parts.slice(firstChanged, lastChanged + 1)) {
      if (!keep(p)) {
        pendingSpace ||= /\s/.test(p.value);
        continue;
      }
      append(p.added || p.removed ? mark(p.value) : p.value);
    }
    append(tailText);
    return clip(out);
  };
  return { before: side((p) => !p.added), after: side((p) => !p.removed) };
}

/** Emphasis markers, kept outside leading/trailing spaces so `**` renders. */
function mark(value: string): string {
  const m = /^(\s*)(.*?)(\s*)$/s.exec(value)!;
  return m[2] ? `${m[1]}\u0001${m[2]}\u0002${m[3]}` : value;
}

/** Cuts a text to the report's cell width at a word boundary. */
export function clip(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  let out = (space > max / 2 ? cut.slice(0, space) : cut) + "…";
  // Never leave an emphasis open.
  if ((out.match(/\u0001/g) ?? []).length > (out.match(/\u0002/g) ?? []).length) out += "\u0002";
  return out;
}
