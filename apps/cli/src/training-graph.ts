import { swapNeurons, type Graph } from '@snn/ir';
import type { NeuronRegistry } from '@snn/neurons';
import { neuronSwaps } from './conversion-flags.js';
import { UsageError } from './usage-error.js';

/** The flags of `snn train` that change the network before training. */
export interface TrainingGraphFlags {
  /** `--neuron FROM=TO` (or `TO`, swapping RectifiedLinear), repeatable. */
  readonly neuron?: readonly string[];
}

/**
 * The network `snn train` trains: `graph` with `--neuron` applied (`swapNeurons`; the
 * swapped types are kept in the written network and train through their surrogates, e.g.
 * LIF through SoftLIFRate). `--quantize-steps L` (QCFS) comes after it, in
 * `quantizeForFewSteps`, since it measures activations on data.
 */
export function trainingGraph(graph: Graph, flags: TrainingGraphFlags, neurons: NeuronRegistry): Graph {
  let g = graph;
  if (flags.neuron !== undefined) g = swapNeuronTypes(g, flags.neuron, neurons);
  return g;
}

/** `--neuron` swaps: every FROM must be a registered type the network has, every TO a registered type. */
function swapNeuronTypes(graph: Graph, values: readonly string[], neurons: NeuronRegistry): Graph {
  const swaps = neuronSwaps(values);
  const present = new Set(graph.nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : [])));
  for (const from of Object.keys(swaps)) {
    const value = values.find((v) => v.startsWith(`${from}=`)) ?? swaps[from];
    if (!neurons.has(from)) throw new UsageError(`--neuron '${value}': ${from} is not a neuron type; types: ${neurons.names().join(', ')}`);
    if (!present.has(from)) throw new UsageError(`--neuron '${value}': the model has no ${from} neurons; its neuron types: ${[...present].join(', ') || 'none'}`);
  }
  return swapNeurons(graph, swaps);
}
