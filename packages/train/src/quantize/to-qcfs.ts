import { swapNeurons, type Graph, type NeuronsNode } from '@snn/ir';
import { trainError } from '../error-codes.js';

/** Options of {@link toQcfs}. */
export interface ToQcfsOptions {
  /** Quantization levels L (a whole number >= 1); the converted SNN then runs about L steps. */
  readonly levels: number;
  /**
   * Initial threshold λ (> 0, units of the population's input current): one for every ReLU
   * population, or one per RectifiedLinear neurons node id (every such node must be listed),
   * e.g. a high percentile of each population's ANN activations.
   */
  readonly threshold: number | Readonly<Record<string, number>>;
}

/**
 * Turn a ReLU network into a QCFS network for few-step fine-tuning (Bu et al., ICLR 2022):
 * every `RectifiedLinear` neurons node becomes `QCFS` with `levels` and its initial
 * `threshold`, keeping its amplitude, gain and bias; other nodes are kept as they are. A thin
 * named use of `swapNeurons`. Returns a new graph; the input is not modified. Throws
 * `TRAIN_BAD_OPTION` for a bad level count or threshold or a map that misses a ReLU node,
 * `TRAIN_NOT_RELU` for a graph without ReLU populations or a map naming a node that is not
 * one, and `TRAIN_UNKNOWN_NODE` for a map id that is not in the graph.
 */
export function toQcfs(graph: Graph, options: ToQcfsOptions): Graph {
  const { levels, threshold } = options;
  if (!Number.isInteger(levels) || levels < 1) {
    throw trainError('TRAIN_BAD_OPTION', 'levels', `toQcfs: levels is ${String(levels)}; give a whole number of quantization levels >= 1 (e.g. 8 for about 8 time steps)`);
  }
  const relus = graph.nodes.filter((n): n is NeuronsNode => n.kind === 'neurons' && n.neuronType === 'RectifiedLinear');
  if (relus.length === 0) {
    const types = [...new Set(graph.nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : [])))];
    throw trainError('TRAIN_NOT_RELU', 'graph', `toQcfs: the graph has no RectifiedLinear neurons nodes to quantize (its neuron types: ${types.join(', ') || 'none'})`);
  }
  const thresholdOf = typeof threshold === 'number' ? () => checkThreshold(threshold, 'threshold') : mapThresholds(graph, relus, threshold);
  return swapNeurons(graph, (node) => {
    if (node.neuronType !== 'RectifiedLinear') return undefined;
    const params: Record<string, number> = { levels, threshold: thresholdOf(node.id) };
    if (node.params?.amplitude !== undefined) params.amplitude = node.params.amplitude;
    return { neuronType: 'QCFS', params };
  });
}

function mapThresholds(graph: Graph, relus: readonly NeuronsNode[], map: Readonly<Record<string, number>>): (id: string) => number {
  const ids = new Set(relus.map((n) => n.id));
  for (const [id, value] of Object.entries(map)) {
    if (!graph.nodes.some((n) => n.id === id)) {
      throw trainError('TRAIN_UNKNOWN_NODE', id, `toQcfs: the threshold map names '${id}', which is not a node of the graph; ReLU nodes: ${[...ids].join(', ')}`);
    }
    if (!ids.has(id)) throw trainError('TRAIN_NOT_RELU', id, `toQcfs: the threshold map names '${id}', which is not a RectifiedLinear neurons node; ReLU nodes: ${[...ids].join(', ')}`);
    checkThreshold(value, `the threshold of '${id}'`, id);
  }
  const missing = [...ids].filter((id) => !Object.prototype.hasOwnProperty.call(map, id));
  if (missing.length > 0) throw trainError('TRAIN_BAD_OPTION', missing[0], `toQcfs: the threshold map has no value for ${missing.map((id) => `'${id}'`).join(', ')}; give every ReLU node a threshold`);
  return (id) => map[id];
}

function checkThreshold(value: unknown, what: string, where = 'threshold'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw trainError('TRAIN_BAD_OPTION', where, `toQcfs: ${what} is ${String(value)}; thresholds must be finite and > 0 (a high percentile of the layer's activations)`);
  }
  return value;
}

