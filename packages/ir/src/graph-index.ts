import type { Edge, Graph, GraphNode } from './types.js';
import { irError } from './error-codes.js';
import { preview } from './describe.js';

/** Lookup tables over a graph, built once: node positions and edges per node. */
export interface GraphIndex {
  readonly graph: Graph;
  /** Position of each node id in `graph.nodes`. */
  readonly position: ReadonlyMap<string, number>;
  /** Edges into node i (by position), in edge order. */
  readonly inEdges: readonly (readonly Edge[])[];
  /** Edges out of node i (by position), in edge order. */
  readonly outEdges: readonly (readonly Edge[])[];
}

/** Throw `IR_BAD_GRAPH` unless `graph` has `nodes` and `edges` arrays. */
export function checkGraphShape(graph: unknown): asserts graph is Graph {
  const g = graph as Partial<Graph> | null;
  if (typeof g !== 'object' || g === null || !Array.isArray(g.nodes) || !Array.isArray(g.edges)) {
    throw irError('IR_BAD_GRAPH', undefined, `expected a graph { nodes: [...], edges: [...] }; got ${preview(graph)}`);
  }
}

/** `edge 'a' -> 'b'` (or `edges[3]` when the edge has no usable names). */
export function edgeLabel(edge: Partial<Edge> | null | undefined, index: number): string {
  return edge && typeof edge.source === 'string' && typeof edge.target === 'string'
    ? `edge '${edge.source}' -> '${edge.target}'`
    : `edges[${index}]`;
}

/**
 * Index a graph. Throws `IR_DUPLICATE_ID` when two nodes share an id and
 * `IR_UNKNOWN_NODE` when an edge names a node that does not exist.
 */
export function indexGraph(graph: Graph): GraphIndex {
  checkGraphShape(graph);
  const position = new Map<string, number>();
  graph.nodes.forEach((node: GraphNode, i) => {
    const id = node?.id;
    if (position.has(id)) {
      throw irError(
        'IR_DUPLICATE_ID',
        id,
        `nodes[${position.get(id)}] and nodes[${i}] both have id '${id}'; node ids must be unique — rename one`,
      );
    }
    position.set(id, i);
  });
  const inEdges: Edge[][] = graph.nodes.map(() => []);
  const outEdges: Edge[][] = graph.nodes.map(() => []);
  graph.edges.forEach((edge, i) => {
    const e = edge as Partial<Edge> | null;
    if (typeof e !== 'object' || e === null) {
      throw irError('IR_BAD_FIELD', `edges[${i}]`, `edges[${i}] must be an object { source, target, synapse? }; got ${preview(edge)}`);
    }
    for (const end of ['source', 'target'] as const) {
      const id = e[end];
      if (typeof id !== 'string') {
        throw irError(id === undefined ? 'IR_MISSING_FIELD' : 'IR_BAD_FIELD', `edges[${i}]`, `edges[${i}]: field '${end}' must be a node id (string); got ${preview(id)}`);
      }
      if (!position.has(id)) {
        throw irError(
          'IR_UNKNOWN_NODE',
          id,
          `${edgeLabel(e, i)} (edges[${i}]): its ${end} '${id}' is not a node of the graph; ${knownIds(graph)} — fix the edge or add the node`,
        );
      }
    }
    outEdges[position.get(e.source!)!].push(edge);
    inEdges[position.get(e.target!)!].push(edge);
  });
  return { graph, position, inEdges, outEdges };
}

/** "known nodes: a, b, c" (first 12). */
export function knownIds(graph: Graph): string {
  const ids = graph.nodes.map((n) => `'${n.id}'`);
  if (ids.length === 0) return 'the graph has no nodes';
  return `known nodes: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? `, … (${ids.length} in all)` : ''}`;
}
