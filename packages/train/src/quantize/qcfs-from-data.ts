import type { Graph } from '@snn/ir';
import { measureActivations, type NeuronLookup, type SimInputs, type SynapseLookup } from '@snn/sim';
import { toQcfs } from './to-qcfs.js';

/** Options of {@link qcfsFromData}. */
export interface QcfsFromDataOptions {
  /** Quantization levels L (the converted network then runs about L steps). */
  readonly levels: number;
  /** Percentile of each ReLU layer's positive ANN activations that starts its threshold (e.g. 99.9). */
  readonly percentile: number;
  readonly neurons: NeuronLookup;
  readonly synapses: SynapseLookup;
}

/**
 * `toQcfs` with thresholds from data: each RectifiedLinear layer's threshold starts at the
 * `percentile` of its positive activations when the ANN runs on `inputs` (what calibration
 * maps to one spike per step), ready to train with the weights. A layer silent on every
 * input starts at 1. Returns the QCFS graph and the starting thresholds by node id.
 */
export function qcfsFromData(graph: Graph, inputs: SimInputs, options: QcfsFromDataOptions): { graph: Graph; thresholds: Record<string, number> } {
  const relus = graph.nodes.filter((n) => n.kind === 'neurons' && n.neuronType === 'RectifiedLinear').map((n) => n.id);
  const stats = relus.length > 0 ? measureActivations(graph, inputs, { neurons: options.neurons, synapses: options.synapses, nodes: relus }) : [];
  const thresholds = Object.fromEntries(stats.map((s) => [s.node, s.percentile(options.percentile) || 1]));
  return { graph: toQcfs(graph, { levels: options.levels, threshold: thresholds }), thresholds };
}
