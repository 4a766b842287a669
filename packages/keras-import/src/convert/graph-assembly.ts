import type { Edge, GraphNode } from '@snn/ir';
import { kerasError } from '../errors.js';
import type { TensorInfo } from './tensor.js';

/** What one Keras layer became in the graph. */
export interface LayerRecord {
  readonly className: string;
  /** IR node ids created for the layer, in creation order. */
  readonly nodes: string[];
}

/** Nodes and edges under construction, plus which Keras layer made which nodes. */
export class GraphAssembly {
  readonly nodes: GraphNode[] = [];
  readonly edges: Edge[] = [];
  readonly layers = new Map<string, LayerRecord>();
  private readonly ids = new Set<string>();

  /** Add `node` fed by `from` (in input order), recording it under Keras layer `layer`. */
  add(node: GraphNode, from: readonly (TensorInfo | string)[], layer?: { name: string; className: string }): string {
    if (this.ids.has(node.id)) {
      throw kerasError('KERAS_BAD_CONFIG', node.id, `two layers map to IR node id '${node.id}'; rename one of the Keras layers`);
    }
    this.ids.add(node.id);
    this.nodes.push(node);
    for (const f of from) this.edges.push({ source: typeof f === 'string' ? f : f.node, target: node.id });
    if (layer) {
      const record = this.layers.get(layer.name) ?? { className: layer.className, nodes: [] };
      record.nodes.push(node.id);
      this.layers.set(layer.name, record);
    }
    return node.id;
  }

  /** Whether an IR node id is taken. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** A fresh id starting with `base` (`base`, `base_1`, ...). */
  freshId(base: string): string {
    let id = base;
    for (let i = 1; this.ids.has(id); i++) id = `${base}_${i}`;
    return id;
  }
}
