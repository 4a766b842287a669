import type { GraphIndex } from './graph-index.js';
import { irError } from './error-codes.js';

/**
 * Kahn's algorithm taking, among the nodes whose inputs are all placed, the one that
 * comes first in `graph.nodes` (a min-heap on positions), so the order is stable.
 * Returns node positions. Throws `IR_CYCLE` naming the nodes of one cycle.
 */
export function topoPositions(index: GraphIndex): number[] {
  const n = index.graph.nodes.length;
  const pending = index.inEdges.map((edges) => edges.length);
  const heap: number[] = [];
  for (let i = 0; i < n; i++) if (pending[i] === 0) heapPush(heap, i);
  const order: number[] = [];
  while (heap.length > 0) {
    const i = heapPop(heap);
    order.push(i);
    for (const e of index.outEdges[i]) {
      const j = index.position.get(e.target)!;
      if (--pending[j] === 0) heapPush(heap, j);
    }
  }
  if (order.length < n) throw cycleError(index, pending);
  return order;
}

function cycleError(index: GraphIndex, pending: number[]): Error {
  // Every node left has an input from another node left: walk inputs backwards until a repeat.
  const nodes = index.graph.nodes;
  let at = pending.findIndex((p) => p > 0);
  const seen = new Map<number, number>();
  const path: number[] = [];
  while (!seen.has(at)) {
    seen.set(at, path.length);
    path.push(at);
    const back = index.inEdges[at].find((e) => pending[index.position.get(e.source)!] > 0)!;
    at = index.position.get(back.source)!;
  }
  const backwards = path.slice(seen.get(at)).reverse();
  // Start at the node that comes first in the graph, so the message is the same however it was found.
  const first = backwards.indexOf(Math.min(...backwards));
  const cycle = [...backwards.slice(first), ...backwards.slice(0, first)];
  const names = [...cycle, cycle[0]].map((i) => `'${nodes[i].id}'`).join(' -> ');
  return irError(
    'IR_CYCLE',
    nodes[cycle[0]].id,
    `the graph has a cycle: ${names}; graphs must be acyclic (recurrence is not supported) — remove one of these edges`,
  );
}

function heapPush(h: number[], v: number): void {
  let i = h.push(v) - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p] <= v) break;
    h[i] = h[p];
    i = p;
  }
  h[i] = v;
}

function heapPop(h: number[]): number {
  const top = h[0];
  const last = h.pop()!;
  if (h.length > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const c = l + 1 < h.length && h[l + 1] < h[l] ? l + 1 : l;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
  }
  return top;
}
