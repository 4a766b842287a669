import type { Edge, Graph, GraphNode } from './types.js';
import { irError } from './error-codes.js';
import { checkGraphShape, indexGraph, knownIds } from './graph-index.js';
import { topoPositions } from './topo-order.js';

/** The node with id `id`. Throws `IR_UNKNOWN_NODE` naming the id (and the ids that exist). */
export function getNode(graph: Graph, id: string): GraphNode {
  checkGraphShape(graph);
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw irError('IR_UNKNOWN_NODE', id, `the graph has no node '${id}'; ${knownIds(graph)}`);
  return node;
}

/** Edges into node `id`, in edge order (the order of its inputs). Throws `IR_UNKNOWN_NODE`. */
export function inputsOf(graph: Graph, id: string): Edge[] {
  getNode(graph, id);
  return graph.edges.filter((e) => e.target === id);
}

/** Edges out of node `id`, in edge order. Throws `IR_UNKNOWN_NODE`. */
export function outputsOf(graph: Graph, id: string): Edge[] {
  getNode(graph, id);
  return graph.edges.filter((e) => e.source === id);
}

/**
 * Node ids in topological order (every node after all its inputs). Stable: among the
 * nodes that are ready, the one inserted first in `graph.nodes` comes first, so an
 * already ordered graph keeps its order. Throws `IR_CYCLE`, `IR_UNKNOWN_NODE`, `IR_DUPLICATE_ID`.
 */
export function topoOrder(graph: Graph): string[] {
  const index = indexGraph(graph);
  return topoPositions(index).map((i) => graph.nodes[i].id);
}
