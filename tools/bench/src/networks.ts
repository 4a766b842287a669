import { applyConversion, getNode, type Graph, type Param } from '@snn/ir';
import { conversionHooks, createNeuronRegistry } from '@snn/neurons';
import { kerasToSnnGraph } from '@snn/train';

/** Weights of the keras-to-snn network (NengoDL's example): conv 3x3x32, conv 3x3x64 stride 2, dense 10. */
export interface KerasToSnnWeights {
  readonly conv0: { kernel: Param; bias: Param };
  readonly conv1: { kernel: Param; bias: Param };
  readonly dense: { weights: Param; bias: Param };
}

/**
 * The weights of a keras-to-snn network (nodes conv0, conv1, dense), for the naive tfjs
 * baseline: a trained one, or `@snn/train`'s `kerasToSnnGraph(seed)` (He-uniform, zero biases).
 */
export function kerasToSnnWeights(network: number | Graph): KerasToSnnWeights {
  const graph = typeof network === 'number' ? kerasToSnnGraph(network) : network;
  const field = (id: string, name: string): Param => (getNode(graph, id) as unknown as Record<string, Param>)[name];
  return {
    conv0: { kernel: field('conv0', 'kernel'), bias: field('conv0', 'bias') },
    conv1: { kernel: field('conv1', 'kernel'), bias: field('conv1', 'bias') },
    dense: { weights: field('dense', 'weights'), bias: field('dense', 'bias') },
  };
}

/** Options of {@link spikingKerasToSnnGraph}. */
export interface KerasToSnnOptions {
  /** Neuron type of both hidden layers (default SpikingRectifiedLinear). */
  readonly neuronType?: string;
  /** Firing-rate scale (NengoDL scale_firing_rates): gain s, bias x s, amplitude 1/s. */
  readonly scale?: number;
  /** Lowpass time constant (s) on connections out of neurons; 0 for none. */
  readonly tau?: number;
}

/**
 * A keras-to-snn network (trained, or `@snn/train`'s `kerasToSnnGraph(seed)`; output node `out`) converted
 * the way NengoDL's Converter does, with `applyConversion`: new neuron type, firing-rate
 * scale, a lowpass synapse on every connection out of neurons.
 */
export function spikingKerasToSnnGraph(network: number | Graph, options: KerasToSnnOptions = {}): Graph {
  const tau = options.tau ?? 0.005;
  const { graph } = applyConversion(
    typeof network === 'number' ? kerasToSnnGraph(network) : network,
    {
      swapNeurons: { all: options.neuronType ?? 'SpikingRectifiedLinear' },
      scaleFiringRates: options.scale ?? 1,
      synapse: tau > 0 ? { type: 'lowpass', params: { tau } } : null,
    },
    conversionHooks(createNeuronRegistry()),
  );
  return graph;
}
