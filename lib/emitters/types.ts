import type { Diagnostic } from "../diagnostics.js";
import type { Model } from "../model/types.js";
import type { ModelIndex } from "./model-index.js";
import type { EmitSelection } from "./emit-selection.js";
import type { TemplateRenderer } from "./templates.js";

/**
 * One file an emitter wants written. Emitters never touch the file system: they return files and
 * the one writer (lib/write-output.ts) writes them under the configured output folder.
 */
export interface OutputFile {
  /** POSIX path relative to the output root, starting with the target name: `typescript/cart/index.ts`. */
  path: string;
  /** LF line endings, ends with exactly one newline. */
  content: string;
  /**
   * Id of the subsystem this file renders, when it renders one (its content then depends on that
   * subsystem and on the model's declarations only; see lib/cache/model-slices.ts). Absent: a file
   * of the whole model (ARCHITECTURE.md, go.mod).
   */
  subsystem?: string;
}

/**
 * Where template text comes from: template name (`typescript/module.ts.mustache`) -> text, or
 * `undefined` to fall back to the built-in template. The CLI passes one backed by
 * `.penult/templates/`; tests pass a record. `key`, when set, is a hash of everything the source
 * can return: the compile cache keeps renders only for sources that have one.
 */
export type TemplateSource = ((name: string) => string | undefined) & { readonly key?: string };

/** What an emitter gets. Everything it needs is here; it reads nothing else. */
export interface EmitContext {
  /** The model in canonical order (see canonicalizeModel). */
  model: Model;
  /** Lookups over the model: statements by id, types by id, subsystems, files of statements. */
  index: ModelIndex;
  /** Renders this target's templates (overrides first, then built-ins). */
  templates: TemplateRenderer;
  /** Another target's templates, for emitters that embed its output (ARCHITECTURE.md inlines Mermaid). */
  templatesFor(target: string): TemplateRenderer;
  /**
   * Repository-relative POSIX path of the output folder (default `contracts`), so emitters that link
   * back to statements (ARCHITECTURE.md) can write correct relative links.
   */
  outputDir: string;
  /** Report a problem; emitting goes on. */
  report(diagnostic: Diagnostic): void;
  /** Render only these files (see {@link EmitSelection}); absent: all. Plans (names, folders) still cover the whole model. */
  select?: EmitSelection;
}

/** One contract target. Registered in lib/emitters/index.ts (alphabetical). */
export interface Emitter {
  /** Target name as used in config `targets` and as the top output folder: "typescript". */
  name: string;
  /** One line for `penult targets` and the README. */
  description: string;
  /**
   * Pure: same context, same files. Paths start with `<name>/`. A file that renders one subsystem
   * says so (`subsystem`), and only the files `ctx.select` asks for are rendered.
   */
  emit(ctx: EmitContext): OutputFile[];
  /**
   * What the files of one subsystem read beyond that subsystem and the model's declarations (type
   * names, folders, references): nothing (absent), or `connected` when subsystems that refer to
   * each other in a cycle share their files' names (Go puts them in one package). The compile
   * cache keys rendered files by it (lib/cache/model-slices.ts).
   */
  slices?: "connected";
}
