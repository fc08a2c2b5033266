import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { loadNlp, tagText } from "../../lib/nlp/tag-text.js";
import { parseStatements } from "../../lib/statements/parse-statements.js";
import { corporaDir } from "../../bench/corpus-path.js";

/**
 * tagText runs wink with only sentence breaks and POS, and memoises by exact text. Both are speed
 * measures that must not change a token: checked here against wink's full default pipe on real
 * statements (test/corpora/ears-kiro and openspec-specs, which nobody here wrote).
 */
const corpora = corporaDir();

function corpusSentences(): string[] {
  const files = [];
  for (const corpus of ["ears-kiro", "openspec-specs"]) {
    const dir = join(corpora, corpus);
    if (!existsSync(dir)) throw new Error(`corpus not found at ${dir}: see test/corpora/README.md`);
    for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (name.endsWith(".md")) files.push({ path: `${corpus}/${name}`, content: readFileSync(join(dir, name), "utf8") });
    }
  }
  return [...new Set(parseStatements(files).statements.map((s) => s.text))];
}

describe("tagText", () => {
  it("reads the same tokens, tags, lemmas and sentences as wink's full default pipe", () => {
    const full = winkNLP(model);
    const reduced = loadNlp();
    const read = (nlp: typeof full, text: string) => {
      const doc = nlp.readDoc(text);
      const its = nlp.its;
      const tokens = doc.tokens();
      return [tokens.out(its.value), tokens.out(its.pos), tokens.out(its.lemma as unknown as typeof its.value), doc.sentences().out(its.span)];
    };
    const sentences = corpusSentences();
    expect(sentences.length).toBeGreaterThan(300);
    for (const text of sentences) expect({ text, read: read(reduced, text) }).toEqual({ text, read: read(full, text) });
  });

  it("gives the same result for the same text, whether memoised or not", () => {
    const text = "WHEN a user submits the form, THE Cart SHALL save the order within 200 ms.";
    const first = tagText(text);
    // A copy of the string is a different object with the same text: the memo keys by value.
    const again = tagText(text.split("").join(""));
    expect(again).toBe(first);
    expect(again.tokens.map((t) => `${t.text}/${t.pos}`)).toContain("Cart/PROPN");
    expect(tagText(text + " ")).not.toBe(first);
  });
});
