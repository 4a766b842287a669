import type { NeuronsNode, Param, Shape } from '@snn/ir';
import { loihiError } from '../error-codes.js';
import type { ChainLayer } from './chain.js';

/** One value per neuron from a scalar or per-neuron param (`fallback` when absent). */
export function perNeuron(p: Param | undefined, n: number, fallback: number, where: string): Float64Array {
  const out = new Float64Array(n);
  if (p === undefined) return out.fill(fallback);
  if (p.data.length === 1) return out.fill(p.data[0]!);
  if (p.data.length !== n) throw loihiError('LOIHI_BAD_ARGUMENT', `${where} has ${p.data.length} values for ${n} neurons`, where);
  out.set(p.data);
  return out;
}

/** `amplitude` of a neurons node (default 1). */
export function amplitudeOf(node: NeuronsNode): number {
  return node.params?.amplitude ?? 1;
}

/** Number of elements of a shape. */
export function sizeOf(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * The float weights into `layer` as "current per spike" (spec §2.4): `W = transform / dt *
 * amplitudePre * gainPost`. A dense transform gives the row-major axons x compartments matrix;
 * a conv transform gives its kernel (Keras HWIO order, one weight per kernel entry, shared by
 * every pixel: the emulator's `ConvSynapse`), which needs one gain for all targets ("All neurons
 * targeted by a Convolution connection must have the same gain").
 */
export function currentPerSpike(layer: ChainLayer, amplitudePre: number, dt: number): Float64Array {
  const t = layer.transform!;
  const n = sizeOf(layer.shape);
  const gain = perNeuron(layer.neurons.gain, n, 1, `gain of "${layer.neurons.id}"`);
  let w: Float64Array;
  if (t.kind === 'conv') {
    if (gain.some((g) => g !== gain[0])) {
      throw loihiError('LOIHI_BUILD', `All neurons targeted by a Convolution connection must have the same gain (conv "${t.id}" -> "${layer.neurons.id}")`, layer.neurons.id);
    }
    const scale = (amplitudePre / dt) * gain[0]!;
    return Float64Array.from(t.kernel.data, (k) => k * scale);
  }
  w = Float64Array.from(t.weights.data);
  const s = amplitudePre / dt;
  for (let row = 0; row < w.length; row += n) {
    for (let j = 0; j < n; j++) w[row + j] = w[row + j]! * s * gain[j]!;
  }
  return w;
}

/**
 * The compartment bias of `layer`: the neurons' bias plus the transform's bias through the
 * gain (`J = gain * (x W + b) + bias`).
 */
export function compartmentBias(layer: ChainLayer): Float64Array {
  const n = sizeOf(layer.shape);
  const node = layer.neurons;
  const bias = perNeuron(node.bias, n, 0, `bias of "${node.id}"`);
  const b = layer.transform?.bias;
  if (b === undefined) return bias;
  const gain = perNeuron(node.gain, n, 1, `gain of "${node.id}"`);
  const channels = b.data.length;
  for (let j = 0; j < n; j++) bias[j] = bias[j]! + gain[j]! * b.data[j % channels]!;
  return bias;
}
