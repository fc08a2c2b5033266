import { cmp } from "../diagnostics.js";
import type { Component, Element, Entity, EnumType, Event, Interface, Subsystem, TypeRef } from "../model/types.js";
import { describeHeader } from "./describe-element.js";
import { makeIdentifier, NameScope, sanitizeCommentLines, type LanguageNaming } from "./identifiers.js";
import { collectStatementFiles, collectSubsystemSources, planSubsystemFolders } from "./model-index.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem } from "./emit-selection.js";

/**
 * Mermaid ids are always prefixed (`t_`, `c_`, `s_`, `x_`), so no model name can ever be a Mermaid
 * keyword (`end`, `class`, `note`, `style`, `click`, ...) or be read as an edge (`o`/`x` after `--`).
 * Labels are identifiers too: ASCII letters and digits only, nothing for the parser to trip on.
 */
export const MERMAID_NAMING: LanguageNaming = {
  language: "mermaid",
  reserved: { all: [] },
  reservedSuffix: "_",
  digitPrefix: "n",
};

const typeIdent = (name: string): string => makeIdentifier(name, { naming: MERMAID_NAMING, style: "pascal", kind: "type" });
const memberIdent = (name: string): string => makeIdentifier(name, { naming: MERMAID_NAMING, style: "camel", kind: "member" });

function headerLines(ctx: EmitContext, s: Subsystem): string[] {
  return sanitizeCommentLines(describeHeader({ statementFiles: collectStatementFiles(ctx.index, collectSubsystemSources(s)) }), "mermaid");
}

/** Has the subsystem anything a class diagram can show? */
export function hasClassDiagram(s: Subsystem): boolean {
  return s.entities.length + s.enums.length + s.events.length + s.components.reduce((n, c) => n + c.interfaces.length, 0) > 0;
}

/** Has the subsystem (or a descendant) a component? */
export function hasComponentDiagram(s: Subsystem): boolean {
  return s.components.length > 0 || s.subsystems.some(hasComponentDiagram);
}

/**
 * The class diagram of one subsystem: its interfaces (with operations), entities (with fields),
 * enums, events, relations, and the types of other subsystems they refer to.
 */
export function renderClassDiagram(options: { ctx: EmitContext; subsystem: Subsystem; header: boolean }): string {
  const { ctx, subsystem: s } = options;
  const scope = new NameScope();
  type Local =
    | { kind: "interface"; el: Interface; stereotype: string }
    | { kind: "entity"; el: Entity; stereotype: string }
    | { kind: "enum"; el: EnumType; stereotype: string }
    | { kind: "event"; el: Event; stereotype: string };
  const local: Local[] = [
    ...s.components.flatMap((c) => c.interfaces.map((el): Local => ({ kind: "interface", el, stereotype: "interface" }))),
    ...s.entities.map((el): Local => ({ kind: "entity", el, stereotype: "" })),
    ...s.enums.map((el): Local => ({ kind: "enum", el, stereotype: "enumeration" })),
    ...s.events.map((el): Local => ({ kind: "event", el, stereotype: "event" })),
  ].sort((a, b) => cmp(a.el.id, b.el.id));
  const ids = new Map<string, string>();
  for (const { el } of local) ids.set(el.id, scope.claim(`t_${typeIdent(el.name)}`, el.id));
  const externals: { id: string; label: string }[] = [];
  const idOf = (target: string): string | undefined => {
    const known = ids.get(target);
    if (known) return known;
    const t = ctx.index.types.get(target);
    if (!t) return undefined;
    const id = scope.claim(`t_${typeIdent(t.element.name)}`, target);
    ids.set(target, id);
    externals.push({ id, label: typeIdent(t.element.name) });
    return id;
  };
  const typeText = (ref: TypeRef): string => {
    switch (ref.kind) {
      case "primitive":
        return ref.name;
      case "list":
        return `List~${typeText(ref.of)}~`;
      case "ref": {
        const t = ctx.index.types.get(ref.target);
        return t ? typeIdent(t.element.name) : "unknown";
      }
    }
  };
  const refsOf = (ref: TypeRef): string[] => (ref.kind === "ref" ? [ref.target] : ref.kind === "list" ? refsOf(ref.of) : []);

  const classes: { id: string; label: string; stereotype: string; members: string[] }[] = [];
  const edges: string[] = [];
  for (const item of local) {
    const { el, stereotype } = item;
    const id = ids.get(el.id) ?? "";
    const members: string[] = [];
    const uses = new Set<string>();
    if (item.kind === "interface") {
      for (const op of item.el.operations) {
        const params = op.params.map((p) => `${memberIdent(p.name)} ${typeText(p.type)}`).join(", ");
        members.push(`+${memberIdent(op.name)}(${params}) ${typeText(op.returns)}`);
        for (const p of op.params) refsOf(p.type).forEach((r) => uses.add(r));
        refsOf(op.returns).forEach((r) => uses.add(r));
        if (op.handles) uses.add(op.handles);
      }
    } else if (item.kind === "enum") {
      const vs = new NameScope({ separator: "_" });
      for (const v of [...new Set(item.el.values)])
        members.push(vs.claim(makeIdentifier(v, { naming: MERMAID_NAMING, style: "constant", kind: "member" })));
    } else {
      for (const f of item.el.fields) {
        members.push(`+${memberIdent(f.name)} ${typeText(f.type)}`);
        refsOf(f.type).forEach((r) => uses.add(r));
      }
      if (item.kind === "entity")
        for (const r of item.el.relations) {
          const to = idOf(r.target);
          if (to) edges.push(`${id} --> "${r.cardinality === "many" ? "*" : "1"}" ${to} : ${memberIdent(r.name)}`);
        }
    }
    for (const u of [...uses].sort(cmp)) {
      const to = idOf(u);
      if (to && to !== id) edges.push(`${id} ..> ${to}`);
    }
    classes.push({ id, label: typeIdent(el.name), stereotype, members });
  }
  return options.ctx.templates.render("class-diagram.mmd", {
    header: options.header ? headerLines(ctx, s) : [],
    classes,
    externals,
    edges: [...new Set(edges)],
  });
}

/**
 * The component diagram of one subsystem: its components, its child subsystems as nested
 * subgraphs with theirs, and `dependsOn` edges (components outside the subsystem drawn as external nodes).
 */
export function renderComponentDiagram(options: { ctx: EmitContext; subsystem: Subsystem; header: boolean }): string {
  const { ctx, subsystem: root } = options;
  const scope = new NameScope();
  const nodeIds = new Map<string, string>();
  const drawn: Component[] = [];
  interface Group {
    id: string;
    label: string;
    nodes: { id: string; label: string }[];
    groups: Group[];
  }
  const group = (s: Subsystem, top: boolean): Group => {
    const nodes = s.components.map((c) => {
      const id = scope.claim(`c_${typeIdent(c.name)}`, c.id);
      nodeIds.set(c.id, id);
      drawn.push(c);
      return { id, label: typeIdent(c.name) };
    });
    const groups = s.subsystems.filter(hasComponentDiagram).map((child) => group(child, false));
    const label = typeIdent(s.name);
    return { id: top ? "" : scope.claim(`s_${label}`, `subsystem:${s.id}`), label, nodes, groups };
  };
  const top = group(root, true);
  const externals: { id: string; label: string }[] = [];
  const edges: string[] = [];
  for (const c of drawn) {
    for (const dep of c.dependsOn) {
      let to = nodeIds.get(dep);
      if (!to) {
        const home = ctx.index.componentHome.get(dep);
        const comp = home?.components.find((x) => x.id === dep);
        if (!comp) continue;
        to = scope.claim(`x_${typeIdent(comp.name)}`, dep);
        nodeIds.set(dep, to);
        externals.push({ id: to, label: typeIdent(comp.name) });
      }
      edges.push(`${nodeIds.get(c.id)} --> ${to}`);
    }
  }
  // Mustache cannot recurse over a tree of unknown depth without partial recursion; flatten to lines.
  const lines: string[] = [];
  const walk = (g: Group, depth: number): void => {
    const pad = "  ".repeat(depth);
    for (const n of g.nodes) lines.push(`${pad}${n.id}["${n.label}"]`);
    for (const child of g.groups) {
      lines.push(`${pad}subgraph ${child.id}["${child.label}"]`);
      walk(child, depth + 1);
      lines.push(`${pad}end`);
    }
  };
  walk(top, 1);
  return ctx.templates.render("component-diagram.mmd", {
    header: options.header ? headerLines(ctx, root) : [],
    title: top.label,
    lines,
    externals,
    edges: [...new Set(edges)],
  });
}

/** Mermaid: a class diagram and a component diagram (flowchart with subgraphs) per subsystem. */
export const mermaidEmitter: Emitter = {
  name: "mermaid",
  description: "Mermaid class diagram and component diagram per subsystem (.mmd)",
  emit(ctx) {
    const folders = planSubsystemFolders({ index: ctx.index, naming: MERMAID_NAMING, style: "kebab" });
    const files: OutputFile[] = [];
    for (const s of ctx.index.subsystems) {
      if (!rendersSubsystem(ctx, s.id)) continue;
      const base = ["mermaid", ...(folders.get(s.id) ?? [])];
      if (hasClassDiagram(s))
        files.push({ path: [...base, "class-diagram.mmd"].join("/"), content: renderClassDiagram({ ctx, subsystem: s, header: true }), subsystem: s.id });
      if (hasComponentDiagram(s))
        files.push({ path: [...base, "component-diagram.mmd"].join("/"), content: renderComponentDiagram({ ctx, subsystem: s, header: true }), subsystem: s.id });
    }
    return files;
  },
};
