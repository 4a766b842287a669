// Test-only: build TensorFlow.js layers models in memory (topology JSON + one shard).
import type { KerasModelInput } from '../formats/model-source.js';
import type { KerasModelJson } from '../wire/types.js';

/** A weight for {@link tfjsModel}: manifest name, shape and values. */
export interface TfjsWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** A model.json + shard pair holding `topology` and `weights` (float32, one group). */
export function tfjsModel(topology: KerasModelJson, weights: readonly TfjsWeight[], fileName = 'model.json'): KerasModelInput {
  const total = weights.reduce((s, w) => s + w.data.length, 0);
  const shard = new Float32Array(total);
  let at = 0;
  for (const w of weights) {
    shard.set(Array.from(w.data), at);
    at += w.data.length;
  }
  const json = {
    modelTopology: topology,
    weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: weights.map((w) => ({ name: w.name, shape: [...w.shape], dtype: 'float32' })) }],
    format: 'layers-model',
  };
  return { bytes: new TextEncoder().encode(JSON.stringify(json)), fileName, shards: { 'group1-shard1of1.bin': new Uint8Array(shard.buffer) } };
}

/** A Sequential topology from layer entries (`{ class_name, config }`). */
export function sequential(layers: readonly { class_name: string; config: Record<string, unknown> }[], extra: Record<string, unknown> = {}): KerasModelJson {
  return { class_name: 'Sequential', config: { name: 'sequential', layers, ...extra }, keras_version: '2.4.0', backend: 'tensorflow' };
}

/** Deterministic pseudo-random values in [-1, 1) (a small LCG; tests only). */
export function values(n: number, seed = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Index of the largest value (the predicted class). */
export function argmax(x: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
  return best;
}
