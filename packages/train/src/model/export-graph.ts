import type { Graph, GraphNode } from '@snn/ir';
import type { TrainableModel } from './model.js';

/**
 * The model's graph with its current (trained) parameter values: a new Graph whose
 * parameters are fresh Float32Arrays; the model's source graph is left untouched.
 * `metadata` entries are merged over the graph's metadata.
 */
export function exportGraph(model: TrainableModel, metadata?: Readonly<Record<string, unknown>>): Graph {
  const nodes = model.graph.nodes.map((node): GraphNode => {
    const vars = model.variables.get(node.id);
    if (!vars) return node;
    const copy: Record<string, unknown> = { ...node };
    for (const [field, v] of Object.entries(vars)) {
      const old = (node as unknown as Record<string, { shape: readonly number[] }>)[field];
      copy[field] = { shape: [...old.shape], data: Float32Array.from(v.dataSync()) };
    }
    return copy as unknown as GraphNode;
  });
  const merged = metadata || model.graph.metadata ? { ...model.graph.metadata, ...metadata } : undefined;
  return { nodes, edges: model.graph.edges.map((e) => ({ ...e })), ...(merged ? { metadata: merged } : {}) };
}
