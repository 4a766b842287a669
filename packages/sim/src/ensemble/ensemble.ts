import { createRng, GraphBuilder, param, type Graph } from '@snn/ir';
import type { NeuronType } from '@snn/neurons';
import { resolveParams } from '@snn/neurons';

/** Encoders, gains and biases of a Nengo-style LIF ensemble over images. */
export interface Ensemble {
  readonly neurons: number;
  readonly inputSize: number;
  /** (inputSize x neurons): column k is neuron k's unit-length encoder. */
  readonly encoders: Float32Array;
  readonly gain: Float32Array;
  readonly bias: Float32Array;
}

/**
 * Nengo's recipe for an ensemble: unit encoders (here: randomly chosen, centred training
 * images, a common choice for MNIST), max rates ~ Uniform(200, 400) Hz (Nengo's default) and intercepts
 * ~ Uniform(lo, hi), turned into gain and bias by the neuron type's `gainBias`.
 */
export function makeEnsemble(
  lif: NeuronType,
  images: Float32Array,
  inputSize: number,
  neurons: number,
  seed: number,
  intercepts: readonly [number, number] = [-0.1, 0.3],
): Ensemble {
  const rng = createRng(seed);
  const samples = images.length / inputSize;
  const encoders = new Float32Array(inputSize * neurons);
  for (let k = 0; k < neurons; k++) {
    const s = rng.int(samples);
    for (let i = 0; i < inputSize; i++) encoders[i * neurons + k] = images[s * inputSize + i];
  }
  const maxRates = rng.fillUniform(new Float32Array(neurons), 200, 400);
  const icpt = rng.fillUniform(new Float32Array(neurons), intercepts[0], intercepts[1]);
  const gain = new Float32Array(neurons);
  const bias = new Float32Array(neurons);
  lif.gainBias!(maxRates, icpt, resolveParams(lif, {}), gain, bias);
  return { neurons, inputSize, encoders, gain, bias };
}

/**
 * The network as an IR graph: image -> encoders -> LIF -> decoders -> digit scores. Without
 * decoders the output is the neurons' activity (used to solve for decoders).
 */
export function ensembleGraph(e: Ensemble, options: { decoders?: Float32Array; tau?: number; neuronType?: string } = {}): Graph {
  const b = new GraphBuilder();
  const x = b.input('image', [e.inputSize]);
  const enc = b.dense(x, { id: 'encoders', weights: param(e.encoders, [e.inputSize, e.neurons]) });
  const lif = b.neurons(enc, {
    id: 'lif',
    neuronType: options.neuronType ?? 'LIF',
    gain: param(e.gain, [e.neurons]),
    bias: param(e.bias, [e.neurons]),
  });
  if (!options.decoders) {
    b.output(lif, 'activity');
  } else {
    const tau = options.tau ?? 0.005;
    const synapse = tau > 0 ? { type: 'lowpass', params: { tau } } : undefined;
    const dec = b.dense(lif, { id: 'decoders', weights: param(options.decoders, [e.neurons, 10]), synapse });
    b.output(dec, 'digits');
  }
  return b.build({ metadata: { network: 'nef-mnist', neurons: e.neurons } });
}

/** Centre images on the training mean and scale each to unit length (the ensemble's radius 1). */
export function normalizeImages(images: Float32Array, inputSize: number, mean: Float32Array): Float32Array {
  const out = new Float32Array(images.length);
  for (let s = 0; s < images.length / inputSize; s++) {
    let norm = 0;
    for (let i = 0; i < inputSize; i++) {
      const v = images[s * inputSize + i] - mean[i];
      out[s * inputSize + i] = v;
      norm += v * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < inputSize; i++) out[s * inputSize + i] *= inv;
  }
  return out;
}

/** Mean image of a set. */
export function meanImage(images: Float32Array, inputSize: number): Float32Array {
  const mean = new Float32Array(inputSize);
  const n = images.length / inputSize;
  for (let s = 0; s < n; s++) for (let i = 0; i < inputSize; i++) mean[i] += images[s * inputSize + i] / n;
  return mean;
}
