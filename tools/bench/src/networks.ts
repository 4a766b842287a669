import { createRng, GraphBuilder, heNormal, scalar, type Graph, type Param } from '@snn/ir';

/** Weights of the keras-to-snn network (NengoDL's example): conv 3x3x32, conv 3x3x64 stride 2, dense 10. */
export interface KerasToSnnWeights {
  readonly conv0: { kernel: Param; bias: Param };
  readonly conv1: { kernel: Param; bias: Param };
  readonly dense: { weights: Param; bias: Param };
}

/** Seeded He-normal weights for the keras-to-snn network (small positive biases). */
export function kerasToSnnWeights(seed: number): KerasToSnnWeights {
  const rng = createRng(seed);
  const bias = (n: number, v: number): Param => ({ shape: [n], data: new Float32Array(n).fill(v) });
  return {
    conv0: { kernel: heNormal([3, 3, 1, 32], 9, rng), bias: bias(32, 0.01) },
    conv1: { kernel: heNormal([3, 3, 32, 64], 288, rng), bias: bias(64, 0.01) },
    dense: { weights: heNormal([9216, 10], 9216, rng), bias: bias(10, 0) },
  };
}

/** Options of {@link kerasToSnnGraph}. */
export interface KerasToSnnOptions {
  /** Neuron type of both hidden layers (default SpikingRectifiedLinear). */
  readonly neuronType?: string;
  /** Firing-rate scale (NengoDL scale_firing_rates): gain s, bias x s, amplitude 1/s. */
  readonly scale?: number;
  /** Lowpass time constant (s) on connections out of neurons; 0 for none. */
  readonly tau?: number;
}

/**
 * The keras-to-snn network as an IR graph: 28x28x1 -> conv 3x3x32 -> neurons -> conv 3x3x64
 * stride 2 -> neurons -> flatten -> dense 10, converted the way NengoDL's Converter does
 * (conv biases go into the neuron bias; synapses on connections out of neurons).
 */
export function kerasToSnnGraph(w: KerasToSnnWeights, options: KerasToSnnOptions = {}): Graph {
  const s = options.scale ?? 1;
  const tau = options.tau ?? 0.005;
  const neuronType = options.neuronType ?? 'SpikingRectifiedLinear';
  const synapse = tau > 0 ? { type: 'lowpass', params: { tau } } : undefined;
  const scaled = (p: Param): Param => ({ shape: p.shape, data: p.data.map((x) => x * s) });
  const b = new GraphBuilder();
  const x = b.input('image', [28, 28, 1]);
  let h = b.conv(x, { id: 'conv0', kernel: w.conv0.kernel });
  h = b.neurons(h, { id: 'conv0_neurons', neuronType, gain: scalar(s), bias: scaled(broadcast(w.conv0.bias, 26 * 26)), params: { amplitude: 1 / s } });
  h = b.conv(h, { id: 'conv1', kernel: w.conv1.kernel, strides: [2, 2], synapse });
  h = b.neurons(h, { id: 'conv1_neurons', neuronType, gain: scalar(s), bias: scaled(broadcast(w.conv1.bias, 12 * 12)), params: { amplitude: 1 / s } });
  h = b.flatten(h);
  const y = b.dense(h, { id: 'dense', weights: w.dense.weights, bias: w.dense.bias, synapse });
  b.output(y, 'output');
  return b.build({ metadata: { network: 'keras-to-snn', scale: s, tau } });
}

/** Repeat a per-channel bias over `positions` spatial positions (channels-last). */
function broadcast(bias: Param, positions: number): Param {
  const c = bias.data.length;
  const data = new Float32Array(positions * c);
  for (let p = 0; p < positions; p++) data.set(bias.data, p * c);
  return { shape: [data.length], data };
}
