import type { Graph, Shape } from './types.js';
import { irError } from './error-codes.js';
import { nodeLabel, preview } from './describe.js';
import { checkGraphShape, edgeLabel, indexGraph } from './graph-index.js';
import { topoPositions } from './topo-order.js';
import { validateNode } from './validate-node.js';
import { validateSynapse } from './synapse-spec.js';
import { inferNodeShape, type NodeInput } from './node-shapes.js';

/**
 * Validate a whole graph and return the output shape of every node (in `graph.nodes`
 * order). This is the one check every producer and consumer of graphs runs:
 *
 * - every node is an object with a unique non-empty `id`, a known `kind` and every field
 *   of that kind with the right type; every parameter is a `Float32Array` whose length is
 *   the product of its shape, with finite values;
 * - edges name existing nodes, carry well-formed synapse specs, and form no cycle;
 * - each kind has its number of inputs (input: 0, add/concat: at least 1, others: 1),
 *   and nothing consumes an output node;
 * - parameters and options fit the input shapes (see each node kind in `types.ts`;
 *   conv/pool output sizes follow {@link convOutputSize}).
 *
 * Throws an {@link SnnError} whose code is one of {@link irErrorCodes} and whose message
 * names the node, its kind and the field, says what was expected and what was found.
 */
export function inferShapes(graph: Graph): Map<string, Shape> {
  checkGraphShape(graph);
  if (graph.metadata !== undefined && (typeof graph.metadata !== 'object' || graph.metadata === null || Array.isArray(graph.metadata))) {
    throw irError('IR_BAD_GRAPH', 'metadata', `graph metadata must be a plain object; got ${preview(graph.metadata)}`);
  }
  graph.nodes.forEach((node, i) => validateNode(node, i));
  const index = indexGraph(graph);
  graph.edges.forEach((edge, i) => {
    if (edge.synapse !== undefined) validateSynapse(edge.synapse, edgeLabel(edge, i));
  });
  const order = topoPositions(index);
  const shapes = new Map<string, Shape>();
  for (const i of order) {
    const node = graph.nodes[i];
    if (node.kind === 'output' && index.outEdges[i].length > 0) {
      const targets = index.outEdges[i].map((e) => `'${e.target}'`).join(', ');
      throw irError(
        'IR_BAD_INPUTS',
        node.id,
        `${nodeLabel(node)} feeds ${targets}, but output nodes are sinks; connect ${targets} to the output's source '${index.inEdges[i][0]?.source ?? '?'}' instead`,
      );
    }
    const inputs: NodeInput[] = index.inEdges[i].map((e) => ({ id: e.source, shape: shapes.get(e.source)! }));
    shapes.set(node.id, inferNodeShape(node, inputs));
  }
  return new Map(graph.nodes.map((n) => [n.id, shapes.get(n.id)!]));
}
