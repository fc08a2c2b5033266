import { cmp } from "../diagnostics.js";
import type { Element, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeHeader, formatConstraint } from "./describe-element.js";
import { escapeMarkdown, makeIdentifier, sanitizeCommentLines } from "./identifiers.js";
import { collectStatementFiles, collectSubsystemSources } from "./model-index.js";
import { hasClassDiagram, hasComponentDiagram, MERMAID_NAMING, renderClassDiagram, renderComponentDiagram } from "./mermaid.js";
import type { EmitContext, Emitter } from "./types.js";
import { rendersWholeModel } from "./emit-selection.js";

const ident = (name: string, style: "pascal" | "camel"): string => makeIdentifier(name, { naming: MERMAID_NAMING, style, kind: "member" });

/** A markdown link target from `<outputDir>/markdown/ARCHITECTURE.md` to a repository file and line. */
export function linkToStatement(options: { outputDir: string; file: string; line: number }): string {
  const depth = options.outputDir.split("/").filter((s) => s && s !== ".").length + 1;
  const path = options.file.split("/").map(encodeURIComponent).join("/");
  return `${"../".repeat(depth)}${path}#L${options.line}`;
}

function typeText(ctx: EmitContext, ref: TypeRef): string {
  switch (ref.kind) {
    case "primitive":
      return ref.name;
    case "list":
      return `${typeText(ctx, ref.of)}[]`;
    case "ref": {
      const t = ctx.index.types.get(ref.target);
      return t ? ident(t.element.name, "pascal") : "unknown";
    }
  }
}

/**
 * ARCHITECTURE.md: the model for people. Each subsystem a section with its diagrams inline; each
 * element with links to the statement lines it came from and its quality constraints; a statement
 * index at the end. All model text is markdown-escaped, so a statement can never become markup.
 */
export const markdownEmitter: Emitter = {
  name: "markdown",
  description: "ARCHITECTURE.md: the model for people, linked to its statements, diagrams inline",
  emit(ctx) {
    // One file made of the whole model.
    if (!rendersWholeModel(ctx)) return [];
    const links = new Map<string, string>();
    const link = (id: string): string => {
      const hit = links.get(id);
      if (hit !== undefined) return hit;
      const made = makeLink(id);
      links.set(id, made);
      return made;
    };
    const makeLink = (id: string): string => {
      const s = ctx.index.statements.get(id);
      const label = escapeMarkdown(id);
      return s ? `[${label}](${linkToStatement({ outputDir: ctx.outputDir, file: s.file, line: s.line })})` : label;
    };
    const sourcesText = (el: Element): string => el.sources.map(link).join(", ");
    const constraintsText = (list: readonly QualityConstraint[]): string[] =>
      list.map((c) => `${escapeMarkdown(formatConstraint(c))} (${escapeMarkdown(c.attribute)}; ${sourcesText(c)})`);
    // Why each element exists: the rule that made it and the statement's words (docs/model.md).
    const whyText = (el: Element, only?: RegExp): string =>
      (el.why ?? [])
        .filter((w) => !only || only.test(w.rule))
        .slice(0, 6)
        .map((w) => `${escapeMarkdown(w.rule)} "${escapeMarkdown(w.words.length > 80 ? w.words.slice(0, 77) + "..." : w.words)}" (${link(w.source)})`)
        .join("; ") + ((el.why ?? []).length > 6 ? `; and ${(el.why ?? []).length - 6} more` : "");
    const item = (kind: string, el: Element, detail?: string) => ({
      kind,
      name: escapeMarkdown(el.name),
      detail: detail ?? "",
      doc: el.doc ? escapeMarkdown(el.doc) : "",
      sources: sourcesText(el),
      why: whyText(el),
    });

    const diagrams: EmitContext = { ...ctx, templates: ctx.templatesFor("mermaid") };
    const sections = ctx.index.subsystems.map((s: Subsystem) => {
      const depth = Math.min(6, s.path.length + 2);
      const components = s.components.map((c) => ({
        ...item("Component", c),
        why: whyText(c, /^(?:components|declarations)\//),
        dependsOn: c.dependsOn.map((d) => escapeMarkdown(d)).join(", "),
        constraints: constraintsText(c.constraints),
        interfaces: c.interfaces.map((i) => ({
          ...item("Interface", i),
          constraints: constraintsText(i.constraints),
          operations: i.operations.map((o) => ({
            signature: `${ident(o.name, "camel")}(${o.params
              .map((p) => `${ident(p.name, "camel")}${p.optional ? "?" : ""}: ${typeText(ctx, p.type)}`)
              .join(", ")}): ${typeText(ctx, o.returns)}`,
            async: o.async,
            doc: o.doc ? escapeMarkdown(o.doc) : "",
            sources: sourcesText(o),
            why: whyText(o),
            notes: [
              ...o.actors.map((a) => `actor ${escapeMarkdown(a)}`),
              ...(o.handles ? [`handles ${escapeMarkdown(o.handles)}`] : []),
              ...(o.whileState ? [`while ${escapeMarkdown(o.whileState)}`] : []),
              ...(o.feature ? [`where ${escapeMarkdown(o.feature)}`] : []),
              ...o.errors.map((e) => `error ${escapeMarkdown(e.name)} when ${escapeMarkdown(e.when)}`),
            ].join("; "),
            constraints: constraintsText(o.constraints),
          })),
        })),
      }));
      const fields = (list: { name: string; type: TypeRef; optional: boolean; sources: string[] }[]) =>
        list.map((f) => ({
          name: ident(f.name, "camel"),
          type: `${typeText(ctx, f.type)}${f.optional ? " (optional)" : ""}`,
          sources: f.sources.map(link).join(", "),
        }));
      return {
        hashes: "#".repeat(depth),
        sub: "#".repeat(Math.min(6, depth + 1)),
        title: s.path.length ? escapeMarkdown(s.path.join(" / ")) : escapeMarkdown(s.name),
        ...item("Subsystem", s),
        constraints: constraintsText(s.constraints),
        componentDiagram: hasComponentDiagram(s) ? { lines: renderComponentDiagram({ ctx: diagrams, subsystem: s, header: false }).trimEnd().split("\n") } : null,
        classDiagram: hasClassDiagram(s) ? { lines: renderClassDiagram({ ctx: diagrams, subsystem: s, header: false }).trimEnd().split("\n") } : null,
        components,
        entities: s.entities.map((e) => ({
          ...item("Entity", e),
          constraints: constraintsText(e.constraints ?? []),
          fields: [
            ...fields(e.fields),
            ...e.relations.map((r) => ({
              name: ident(r.name, "camel"),
              type: `${r.cardinality === "many" ? "many" : "one"} ${typeText(ctx, { kind: "ref", target: r.target })}`,
              sources: r.sources.map(link).join(", "),
            })),
          ],
        })),
        enums: s.enums.map((e) => ({ ...item("Enum", e), values: [...new Set(e.values)].map(escapeMarkdown).join(", ") })),
        events: s.events.map((e) => ({ ...item("Event", e), fields: fields(e.fields) })),
      };
    });
    const statements = [...ctx.model.statements]
      .sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.id, b.id))
      .map((s) => ({
        id: escapeMarkdown(s.id),
        where: `[${escapeMarkdown(`${s.file}:${s.line}`)}](${linkToStatement({ outputDir: ctx.outputDir, file: s.file, line: s.line })})`,
        kind: escapeMarkdown(s.kind),
        text: escapeMarkdown(s.text),
      }));
    const allSources = ctx.index.subsystems.flatMap((s) => collectSubsystemSources(s));
    const content = ctx.templates.render("ARCHITECTURE.md", {
      header: sanitizeCommentLines(describeHeader({ statementFiles: collectStatementFiles(ctx.index, allSources) }), "html"),
      system: escapeMarkdown(ctx.model.system.name),
      actors: ctx.model.actors.map((a) => ({ name: escapeMarkdown(a.name), sources: sourcesText(a) })),
      sections,
      statements,
    });
    return [{ path: "markdown/ARCHITECTURE.md", content }];
  },
};
