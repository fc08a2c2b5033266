import type { ElementChange } from "../diff/diff-model.js";
import type { ContractFileChange } from "./types.js";

/**
 * Identifier shape shared by every target: `addItem`, `add_item`, `AddItem` and `add-item` all
 * become `additem`, so one element name finds its line in any language's file.
 */
export function foldIdentifier(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The folded identifiers of some text: each word of letters, digits, `_` and `-` folded whole
 * (`add_item` -> `additem`). A C# interface is written `ICartApi`, so a word starting with `i` also
 * counts without it.
 */
function identifierTokens(lines: readonly string[], into = new Set<string>()): Set<string> {
  // Words repeat a lot in generated code: fold each distinct word once.
  const words = new Set<string>();
  for (const line of lines) for (const m of line.matchAll(/[A-Za-z0-9_-]+/g)) words.add(m[0]);
  for (const word of words) {
    const folded = foldIdentifier(word);
    if (!folded) continue;
    into.add(folded);
    if (/^I[A-Z]/.test(word)) into.add(folded.slice(1));
  }
  return into;
}

/**
 * Maps changed contract files to the element changes that explain them. The emitters do not say
 * which element produced which line, so this matches names: an element change explains a file when
 * its name is an identifier of one of the file's changed lines and its owner's name (interface,
 * entity, ...) is an identifier of those lines or of the file name. Names are compared folded
 * ({@link foldIdentifier}) so every language's casing matches, and looked up in an index of the
 * changes by owner name, so the cost grows with the size of the files, not with files × changes (a
 * first push of 10,000 statements changes every file and every element). Files no change explains
 * keep an empty list: the report says so instead of guessing.
 */
export function attributeContractFiles(options: {
  files: readonly ContractFileChange[];
  changes: readonly ElementChange[];
  /** Label of any element by id (ModelDiff.labels): owners are found by their name, never by the shape of ids. */
  labels: ReadonlyMap<string, string>;
}): { file: ContractFileChange; changes: ElementChange[] }[] {
  const byOwner = new Map<string, ElementChange[]>();
  for (const c of options.changes) {
    const owner = foldIdentifier(ownerName(c, options.labels));
    if (owner) byOwner.set(owner, [...(byOwner.get(owner) ?? []), c]);
  }
  return options.files.map((file) => {
    const lineTokens = identifierTokens(file.removedLines, identifierTokens(file.addedLines));
    const ownerTokens = identifierTokens([file.path.split("/").pop()!.replace(/\.[^.]*$/, "")], new Set(lineTokens));
    const found = new Set<ElementChange>();
    for (const token of ownerTokens) {
      for (const c of byOwner.get(token) ?? []) if (lineTokens.has(foldIdentifier(c.name))) found.add(c);
    }
    // In the order of the changes (sorted by id), whatever the order the file names them in.
    return { file, changes: options.changes.filter((c) => found.has(c)) };
  });
}

/** The name of the contract element that holds a change (an operation's interface, a field's entity). */
function ownerName(c: ElementChange, labels: ReadonlyMap<string, string>): string {
  return c.owner === c.id ? c.name : (labels.get(c.owner) ?? "");
}

/**
 * Changed lines of the files that no change traced to `statements` explains: the locality measure
 * of bench/diff.bench.ts (a line should only change when an element traced to the edited statement did).
 */
export function unexplainedLines(options: {
  files: readonly ContractFileChange[];
  changes: readonly ElementChange[];
  statements: ReadonlySet<string>;
  labels: ReadonlyMap<string, string>;
}): { total: number; unexplained: number } {
  const names = options.changes
    .filter((c) => c.statements.some((s) => options.statements.has(s)))
    .flatMap((c) => [c.name, ownerName(c, options.labels)])
    .map(foldIdentifier)
    .filter((n) => n.length > 0);
  const statementIds = [...options.statements].map(foldIdentifier).filter(Boolean);
  let total = 0;
  let unexplained = 0;
  for (const f of options.files) {
    for (const line of [...f.addedLines, ...f.removedLines]) {
      const folded = foldIdentifier(line);
      if (folded.length === 0) continue; // blank or punctuation-only lines follow their neighbours
      total++;
      if (!names.some((n) => folded.includes(n)) && !statementIds.some((s) => folded.includes(s))) unexplained++;
    }
  }
  return { total, unexplained };
}

/**
 * Changed statements whose id a contract file's changed lines quote (every target's doc comments
 * cite statements by id). Looked up by token, so the cost is one pass over the lines.
 */
export function quotedStatementIds(file: ContractFileChange, ids: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  for (const line of [...file.addedLines, ...file.removedLines]) {
    for (const m of line.matchAll(/[^\s"'`()[\]{}<>,;|*]+/g)) {
      const token = m[0];
      const hit = ids.get(token) ?? ids.get(token.replace(/[.:]+$/, ""));
      if (hit !== undefined) out.add(hit);
    }
  }
  return [...out];
}
