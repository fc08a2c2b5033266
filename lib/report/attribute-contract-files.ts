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
 * Maps changed contract files to the element changes that explain them. The emitters do not say
 * which element produced which line, so this matches names: an element change explains a file when
 * its name occurs in one of the file's changed lines and its owner's name (interface, entity, ...)
 * occurs in the file. Names are compared folded ({@link foldIdentifier}) so every language's casing
 * matches. Files no change explains keep an empty list: the report says so instead of guessing.
 */
export function attributeContractFiles(options: {
  files: readonly ContractFileChange[];
  changes: readonly ElementChange[];
}): { file: ContractFileChange; changes: ElementChange[] }[] {
  return options.files.map((file) => {
    const changed = foldIdentifier([...file.addedLines, ...file.removedLines].join("\n"));
    const ownerSeen = (c: ElementChange) => {
      const owner = c.owner.split("/").pop()!.split("#")[0]!;
      return changed.includes(foldIdentifier(owner)) || fileNameHas(file.path, owner);
    };
    const changes = options.changes.filter((c) => {
      const name = foldIdentifier(c.name);
      return name.length > 0 && changed.includes(name) && ownerSeen(c);
    });
    return { file, changes };
  });
}

function fileNameHas(path: string, owner: string): boolean {
  return foldIdentifier(path.split("/").pop()!).includes(foldIdentifier(owner));
}

/**
 * Changed lines of the files that no change traced to `statements` explains: the locality measure
 * of bench/diff.bench.ts (a line should only change when an element traced to the edited statement did).
 */
export function unexplainedLines(options: {
  files: readonly ContractFileChange[];
  changes: readonly ElementChange[];
  statements: ReadonlySet<string>;
}): { total: number; unexplained: number } {
  const names = options.changes
    .filter((c) => c.statements.some((s) => options.statements.has(s)))
    .flatMap((c) => [c.name, c.owner.split("/").pop()!.split("#")[0]!])
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
