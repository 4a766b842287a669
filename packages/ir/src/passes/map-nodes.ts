import type { Graph, GraphNode } from '../types.js';

/**
 * A new graph whose nodes are `fn(node)`; node objects `fn` returns unchanged, edges,
 * synapse specs and parameters are shared with the input (graphs are immutable values),
 * the arrays are new. `graph` itself is never modified.
 */
export function mapNodes(graph: Graph, fn: (node: GraphNode) => GraphNode): Graph {
  return { ...graph, nodes: graph.nodes.map(fn), edges: [...graph.edges] };
}
