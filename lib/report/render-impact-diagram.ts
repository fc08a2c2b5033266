import { cmp } from "../diagnostics.js";
import type { ElementChange } from "../diff/diff-model.js";
import type { Finding } from "../breaking/types.js";
import type { Component, Model, Operation, Subsystem, TypeRef } from "../model/types.js";

/** Members listed inside one node before "… n more". */
const MAX_MEMBER_LINES = 6;
/**
 * Nodes (interfaces, entities, events, enums, or components that changed themselves) drawn before
 * "… n more": a picture is read at a glance, and a first push of a large repository changes
 * hundreds. The most important are drawn: breaking, then removed, then changed, then added.
 */
const MAX_OWNERS = 12;

/**
 * A Mermaid flowchart of only what changed: affected components as boxes holding their affected
 * interfaces, affected entities, events and enums as nodes, and the edges among them (component
 * dependencies, operations using entities, entity relations). Added is green, removed red and
 * dashed, changed amber, and anything a breaking rule fired on gets a thick red border.
 */
export function renderImpactDiagram(options: {
  changes: readonly ElementChange[];
  findings: readonly Finding[];
  previous: Model;
  current: Model;
}): string {
  const { changes, findings } = options;
  const relevant = changes.filter((c) => !(c.change === "changed" && c.aspects.length === 1 && c.aspects[0] === "trace"));
  if (relevant.length === 0) return "";
  const breakingIds = new Set(findings.filter((f) => f.category !== "non-breaking").map((f) => f.element));

  const ctx = indexModels(options.previous, options.current);
  const nodeIds = new Map<string, string>();
  const nodeId = (elementId: string): string => {
    let id = nodeIds.get(elementId);
    if (!id) {
      id = "n" + nodeIds.size + "_" + elementId.replace(/[^A-Za-z0-9]/g, "_").slice(-40);
      nodeIds.set(elementId, id);
    }
    return id;
  };

  // Owner -> its changes (the owner's own change included).
  const allOwners = new Map<string, ElementChange[]>();
  for (const c of relevant) allOwners.set(c.owner, [...(allOwners.get(c.owner) ?? []), c]);
  const rank = (owner: string): number => {
    const cs = allOwners.get(owner)!;
    const self = cs.find((c) => c.id === owner);
    if (cs.some((c) => breakingIds.has(c.id))) return 0;
    return self?.change === "removed" ? 1 : self?.change === "added" ? 3 : 2;
  };
  const chosen = [...allOwners.keys()]
    .sort((a, b) => rank(a) - rank(b) || allOwners.get(b)!.length - allOwners.get(a)!.length || cmp(a, b))
    .slice(0, MAX_OWNERS);
  const owners = new Map(chosen.map((o) => [o, allOwners.get(o)!]));
  const ownerIds = [...owners.keys()].sort(cmp);

  const ownerState = (owner: string): string => {
    const cs = owners.get(owner)!;
    const self = cs.find((c) => c.id === owner);
    // A removed element is always breaking; its own colour says more than the border.
    if (self?.change === "removed") return "removed";
    if (cs.some((c) => breakingIds.has(c.id))) return "breaking";
    return self?.change === "added" ? "added" : "changed";
  };
  const label = (owner: string): string => {
    const cs = owners.get(owner)!;
    const head = `${ctx.name(owner)}`;
    const kindWord = ctx.kind(owner);
    const members = cs
      .filter((c) => c.id !== owner)
      .sort((a, b) => cmp(a.id, b.id))
      .map((c) => `${c.change === "added" ? "+" : c.change === "removed" ? "−" : "~"} ${c.name}${c.kind === "operation" ? "()" : ""}`);
    const shown = members.slice(0, MAX_MEMBER_LINES);
    if (members.length > shown.length) shown.push(`… ${members.length - shown.length} more`);
    return [`<b>${esc(head)}</b>`, `«${kindWord}»`, ...shown.map(esc)].join("<br/>");
  };

  const lines: string[] = ["flowchart LR"];
  // Interfaces sit inside their component; components that only changed themselves are plain boxes.
  const byComponent = new Map<string, string[]>();
  const loose: string[] = [];
  for (const owner of ownerIds) {
    const kind = ctx.kind(owner);
    const comp = kind === "interface" ? ctx.parent(owner) : undefined;
    if (comp && ctx.kind(comp) === "component") byComponent.set(comp, [...(byComponent.get(comp) ?? []), owner]);
    else if (kind === "component") byComponent.set(owner, byComponent.get(owner) ?? []);
    else loose.push(owner);
  }
  const classes = new Map<string, string[]>();
  const classify = (node: string, cls: string) => classes.set(cls, [...(classes.get(cls) ?? []), node]);
  for (const comp of [...byComponent.keys()].sort(cmp)) {
    const compState = owners.has(comp) ? ownerState(comp) : "context";
    // A component that only changed itself is one box; one with changed interfaces holds them.
    if (byComponent.get(comp)!.length === 0) {
      lines.push(`  ${nodeId(comp)}["${label(comp)}"]`);
      classify(nodeId(comp), compState);
      continue;
    }
    lines.push(`  subgraph ${nodeId(comp)}["${esc(ctx.name(comp))} «component»"]`);
    for (const owner of byComponent.get(comp)!) {
      lines.push(`    ${nodeId(owner)}["${label(owner)}"]`);
      classify(nodeId(owner), ownerState(owner));
    }
    lines.push("  end");
    classify(nodeId(comp), compState);
  }
  for (const owner of loose) {
    lines.push(`  ${nodeId(owner)}["${label(owner)}"]`);
    classify(nodeId(owner), ownerState(owner));
  }
  const notDrawn = allOwners.size - owners.size;
  if (notDrawn > 0) {
    lines.push(`  more["… ${notDrawn} more changed element${notDrawn === 1 ? "" : "s"} not drawn"]`);
    classify("more", "context");
  }

  const shown = new Set([...byComponent.keys(), ...ownerIds]);
  const edges = new Set<string>();
  for (const a of [...shown].sort(cmp)) {
    for (const { to, label: l } of ctx.edges(a)) {
      if (!shown.has(to) || to === a) continue;
      edges.add(`  ${nodeId(a)} -->|${l}| ${nodeId(to)}`);
    }
  }
  lines.push(...[...edges].sort(cmp));

  lines.push(
    "  classDef added fill:#dafbe1,stroke:#1a7f37,color:#0d1117",
    "  classDef removed fill:#ffebe9,stroke:#cf222e,color:#0d1117,stroke-dasharray:5 3",
    "  classDef changed fill:#fff8c5,stroke:#9a6700,color:#0d1117",
    "  classDef breaking fill:#fff8c5,stroke:#cf222e,stroke-width:3px,color:#0d1117",
    "  classDef context fill:#f6f8fa,stroke:#8c959f,color:#0d1117",
  );
  for (const cls of ["added", "removed", "changed", "breaking", "context"]) {
    const nodes = classes.get(cls);
    if (nodes?.length) lines.push(`  class ${nodes.sort(cmp).join(",")} ${cls}`);
  }
  return lines.join("\n");
}

/** Mermaid label text: quotes and angle brackets would end the label or open HTML. */
function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "#quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

interface Indexed {
  name(id: string): string;
  kind(id: string): string;
  parent(id: string): string | undefined;
  edges(id: string): { to: string; label: string }[];
}

/** Names, kinds, parents and edges of both models (current wins; removed elements come from previous). */
function indexModels(previous: Model, current: Model): Indexed {
  const info = new Map<string, { name: string; kind: string; parent?: string; edges: { to: string; label: string }[] }>();
  const put = (id: string, name: string, kind: string, parent: string | undefined, edges: { to: string; label: string }[], override: boolean) => {
    if (!override && info.has(id)) return;
    info.set(id, parent === undefined ? { name, kind, edges } : { name, kind, parent, edges });
  };
  const refs = (t: TypeRef | undefined, out: Set<string>): void => {
    if (!t) return;
    if (t.kind === "ref") out.add(t.target);
    else if (t.kind === "list") refs(t.of, out);
  };
  const opRefs = (ops: readonly Operation[]): string[] => {
    const out = new Set<string>();
    for (const op of ops) {
      for (const p of op.params ?? []) refs(p.type, out);
      refs(op.returns, out);
    }
    return [...out];
  };
  const walk = (s: Subsystem, parent: string | undefined, override: boolean) => {
    put(s.id, s.name, "subsystem", parent, [], override);
    for (const c of s.components ?? []) walkComponent(c, s.id, override);
    for (const e of s.entities ?? []) {
      const edges = (e.relations ?? []).map((r) => ({ to: r.target, label: r.cardinality === "many" ? "has many" : "has one" }));
      put(e.id, e.name, "entity", s.id, edges, override);
    }
    for (const e of s.enums ?? []) put(e.id, e.name, "enum", s.id, [], override);
    for (const e of s.events ?? []) put(e.id, e.name, "event", s.id, [], override);
    for (const sub of s.subsystems ?? []) walk(sub, s.id, override);
  };
  const walkComponent = (c: Component, parent: string, override: boolean) => {
    put(c.id, c.name, "component", parent, (c.dependsOn ?? []).map((d) => ({ to: d, label: "uses" })), override);
    for (const i of c.interfaces ?? []) {
      const edges = opRefs(i.operations ?? []).map((to) => ({ to, label: "uses" }));
      for (const op of i.operations ?? []) if (op.handles) edges.push({ to: op.handles, label: "handles" });
      put(i.id, i.name, "interface", c.id, edges, override);
    }
  };
  walk(current.system, undefined, true);
  walk(previous.system, undefined, false);
  for (const a of [...current.actors, ...previous.actors]) put(a.id, a.name, "actor", undefined, [], false);
  return {
    name: (id) => info.get(id)?.name ?? id,
    kind: (id) => info.get(id)?.kind ?? "element",
    parent: (id) => info.get(id)?.parent,
    edges: (id) => info.get(id)?.edges ?? [],
  };
}
