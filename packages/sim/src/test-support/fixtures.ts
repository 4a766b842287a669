import { createRng, glorotUniform, GraphBuilder, heNormal, scalar, type Graph, type Param, type Rng } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';

/** Registries with the built-in types, for tests. */
export function registries(): { neurons: ReturnType<typeof createNeuronRegistry>; synapses: ReturnType<typeof createSynapseRegistry> } {
  return { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
}

/** A seeded random parameter of `shape` with Glorot-uniform values. */
export function randomParam(rng: Rng, shape: number[]): Param {
  const fanIn = shape.length > 1 ? shape.slice(0, -1).reduce((a, b) => a * b, 1) : shape[0];
  return glorotUniform(shape, fanIn, shape[shape.length - 1], rng);
}

/** Uniform random data in [low, high). */
export function randomData(seed: number, n: number, low = -1, high = 1): Float32Array {
  return createRng(seed).fillUniform(new Float32Array(n), low, high);
}

/**
 * Normwise relative error `max |a - b| / max |b|`. Element-wise relative error is not a
 * fair float32 measure for outputs that are sums of thousands of terms cancelling near 0.
 */
export function normwiseRelativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let maxAbs = 0;
  for (const x of b) maxAbs = Math.max(maxAbs, Math.abs(x));
  const scale = Math.max(maxAbs, 1e-30);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
  return worst;
}

/** A small MNIST classifier: image 28x28x1 -> conv 5x5x6 stride 2 -> LIF (`lif`, 864 neurons) -> dense 10 -> `out`. */
export function lifClassifier(): Graph {
  const rng = createRng(4);
  const b = new GraphBuilder();
  let h = b.conv(b.input('image', [28, 28, 1]), { kernel: heNormal([5, 5, 1, 6], 25, rng), strides: [2, 2] });
  h = b.neurons(h, { id: 'lif', neuronType: 'LIF', gain: scalar(4), bias: scalar(0.8) });
  b.output(b.dense(b.flatten(h), { weights: heNormal([864, 10], 864, rng) }), 'out');
  return b.build();
}
