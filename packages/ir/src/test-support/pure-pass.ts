// Test-only (not exported): run a pass on a frozen graph and check it left the input alone.
import type { Graph } from '../types.js';

/** Freeze every object and array reachable from `v` (typed arrays cannot be frozen; {@link runPure} compares them). */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}

/** JSON of a graph with typed arrays as plain arrays, for bit-for-bit comparisons. */
export function graphText(graph: Graph): string {
  return JSON.stringify(graph, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v));
}

/**
 * Freeze `graph`, run `pass` on it and return both; throws when the pass changed its
 * input (a frozen object cannot change, but a parameter's Float32Array can).
 */
export function runPure(graph: Graph, pass: (g: Graph) => Graph): { before: Graph; after: Graph } {
  const before = deepFreeze(graph);
  const text = graphText(before);
  const after = pass(before);
  if (graphText(before) !== text) throw new Error('the pass modified its input graph');
  return { before, after };
}
