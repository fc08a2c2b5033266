/**
 * Strongly connected components (Tarjan, iterative: models can be large and deep). Nodes are
 * visited in the order given, so the result is deterministic; components come in the order they
 * complete, each listing its members in the order they leave the stack.
 */
export function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const num = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (num.has(start)) continue;
    const work: { v: string; i: number }[] = [{ v: start, i: 0 }];
    num.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    on.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const next = (edges.get(top.v) ?? [])[top.i++];
      if (next !== undefined) {
        if (!num.has(next)) {
          num.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          on.add(next);
          work.push({ v: next, i: 0 });
        } else if (on.has(next)) low.set(top.v, Math.min(low.get(top.v)!, num.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
      if (low.get(top.v) === num.get(top.v)) {
        const members: string[] = [];
        for (;;) {
          const w = stack.pop()!;
          on.delete(w);
          members.push(w);
          if (w === top.v) break;
        }
        out.push(members);
      }
    }
  }
  return out;
}
