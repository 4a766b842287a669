import type { Graph, GraphNode } from '@snn/ir';
import type { TrainableModel } from './model.js';
import { neuronParamName } from './param-fields.js';

/**
 * The model's graph with its current (trained) parameter values: a new Graph whose
 * parameters are fresh Float32Arrays and whose neurons nodes hold their learned trainable
 * parameters (e.g. QCFS's threshold) in `params`; the model's source graph is left untouched.
 * `metadata` entries are merged over the graph's metadata.
 */
export function exportGraph(model: TrainableModel, metadata?: Readonly<Record<string, unknown>>): Graph {
  const nodes = model.graph.nodes.map((node): GraphNode => {
    const vars = model.variables.get(node.id);
    if (!vars) return node;
    const copy: Record<string, unknown> = { ...node };
    const learned: Record<string, number> = {};
    for (const [field, v] of Object.entries(vars)) {
      const name = neuronParamName(field);
      if (name !== undefined) {
        learned[name] = v.dataSync()[0];
        continue;
      }
      const old = (node as unknown as Record<string, { shape: readonly number[] }>)[field];
      copy[field] = { shape: [...old.shape], data: Float32Array.from(v.dataSync()) };
    }
    if (Object.keys(learned).length > 0) copy.params = { ...(node.kind === 'neurons' ? node.params : {}), ...learned };
    return copy as unknown as GraphNode;
  });
  const merged = metadata || model.graph.metadata ? { ...model.graph.metadata, ...metadata } : undefined;
  return { nodes, edges: model.graph.edges.map((e) => ({ ...e })), ...(merged ? { metadata: merged } : {}) };
}
