import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { KerasGraphMetadata } from '../convert/convert-model.js';
import { importKeras } from '../import-keras.js';
import { compileReference } from '../testing/reference-forward.js';
import { first20, fixtureBytes, fixtureInput, mnistTestImages } from '../test-support/fixtures.js';
import { failure } from '../test-support/failure.js';
import { rewriteFixture } from '../test-support/rewrite.js';
import { readKerasModel } from './read-model.js';
import type { KerasModelInput } from './model-source.js';

/** Logits of the first `n` MNIST images through an imported model's (last) output. */
async function logits(input: KerasModelInput, n = 5, options = {}): Promise<number[][]> {
  const { graph } = await importKeras(input, options);
  const meta = graph.metadata as unknown as KerasGraphMetadata;
  const out = meta.outputs[meta.outputs.length - 1].node;
  const model = compileReference(graph);
  const images = mnistTestImages(n);
  return Array.from({ length: n }, (_, i) => Array.from(model.run({ [model.inputs[0].id]: images.subarray(i * 784, (i + 1) * 784) })[out]));
}

const SMALL = 'deepconcolic_small_k240.h5';

describe('format variants', () => {
  const expected = first20('deepconcolic_small_k240').logits.slice(0, 5);
  const close = (got: number[][]): void => {
    got.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - expected[i][k])).toBeLessThan(1e-5 * Math.abs(expected[i][k]))));
  };

  it('reads a Keras 2 weights-only HDF5 file (variable-length name lists) with its architecture JSON', async () => {
    let arch = '';
    const bytes = await rewriteFixture(SMALL, (p) => {
      arch = JSON.stringify(p.model);
      return { layers: p.layers, kerasVersion: '2.4.0' };
    });
    close(await logits({ bytes, fileName: 'w.h5', architecture: arch }));
    const source = await readKerasModel({ bytes, fileName: 'w.h5', architecture: new TextEncoder().encode(arch) });
    expect(source.format).toBe('keras2-hdf5');
    expect(source.kerasVersion).toBe('2.4.0');
  });

  it('reads fixed-length name lists and weight names written without ":0"', async () => {
    const bytes = await rewriteFixture(SMALL, (p) => ({
      modelConfig: p.model,
      fixedLengthNames: true,
      layers: p.layers.map((l) => ({ name: l.name, weights: l.weights.map((w) => ({ ...w, name: w.name.replace(/:0$/, '') })) })),
    }));
    close(await logits({ bytes, fileName: 'fixed.h5' }));
  });

  it('asks for the architecture when an HDF5 file holds only weights', async () => {
    const bytes = await rewriteFixture(SMALL, (p) => ({ layers: p.layers }));
    const e = await failure(() => importKeras({ bytes, fileName: 'weights.h5' }));
    expect(e.code).toBe('KERAS_MISSING_CONFIG');
    expect(e.message).toContain('weights.h5');
    expect(e.message).toContain('model.to_json()');
  });

  it('reads a Keras 3 model.weights.h5 with config.json as the architecture', async () => {
    const entries = unzipSync(fixtureBytes('moonflower_cnn_k311.keras'));
    const input = { bytes: entries['model.weights.h5'], fileName: 'model.weights.h5', architecture: entries['config.json'] };
    expect((await readKerasModel(input)).format).toBe('keras3-weights');
    const want = first20('moonflower_cnn_k311').logits.slice(0, 3);
    const got = await logits(input, 3);
    got.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - want[i][k])).toBeLessThan(1e-5 * Math.abs(want[i][k]))));
  });

  it('flips convolution kernels of Theano-backend files (detected from the backend attribute, or forced by option)', async () => {
    const flip = (data: Float32Array, shape: readonly number[]): Float32Array => {
      const [kh, kw, ci, co] = shape;
      const out = new Float32Array(data.length);
      const block = ci * co;
      for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) out.set(data.subarray((i * kw + j) * block, (i * kw + j + 1) * block), ((kh - 1 - i) * kw + (kw - 1 - j)) * block);
      return out;
    };
    // A Theano file stores true-convolution kernels: the same model, kernels rotated by 180°.
    const theano = await rewriteFixture(SMALL, (p) => ({
      modelConfig: p.model,
      backend: 'theano',
      layers: p.layers.map((l) => ({ name: l.name, weights: l.weights.map((w) => (w.shape.length === 4 ? { ...w, data: flip(w.data, w.shape) } : w)) })),
    }));
    close(await logits({ bytes: theano, fileName: 'theano.h5' }));
    const forced = await logits({ bytes: theano, fileName: 'theano.h5' }, 1, { theanoKernels: false });
    expect(Math.abs(forced[0][7] - expected[0][7])).toBeGreaterThan(1e-3);
    const meta = (await importKeras({ bytes: theano, fileName: 'theano.h5' })).graph.metadata as unknown as KerasGraphMetadata;
    expect(meta.conversion.theanoKernels).toBe(true);
    expect(meta.source.backend).toBe('theano');
  });
});

describe('damaged or foreign files give clear errors', () => {
  it('a truncated HDF5 file: KERAS_TRUNCATED naming the file and both sizes', async () => {
    const full = fixtureBytes(SMALL);
    for (const n of [100, 5000, full.length >> 1, full.length - 1]) {
      const e = await failure(() => importKeras({ bytes: full.subarray(0, n), fileName: SMALL }));
      expect(e.code).toBe('KERAS_TRUNCATED');
      expect(e.message).toContain(SMALL);
      expect(e.message).toContain(`${n} bytes`);
      expect(e.message).toContain(String(full.length));
    }
  });

  it('a truncated .keras archive: KERAS_TRUNCATED', async () => {
    const full = fixtureBytes('moonflower_cnn_k311.keras');
    const e = await failure(() => importKeras({ bytes: full.subarray(0, full.length - 100), fileName: 'm.keras' }));
    expect(e.code).toBe('KERAS_TRUNCATED');
    expect(e.message).toContain('m.keras');
  });

  it('a truncated model.json: KERAS_CORRUPT saying it is not valid JSON', async () => {
    const input = fixtureInput('tensorspace_lenet_tfjs075/mnist.json');
    const e = await failure(() => importKeras({ ...input, bytes: input.bytes.subarray(0, 1000) }));
    expect(e.code).toBe('KERAS_CORRUPT');
    expect(e.message).toMatch(/not valid JSON/);
  });

  it('a missing or short TF.js shard: KERAS_MISSING_SHARD naming the shard', async () => {
    const input = fixtureInput('tensorspace_lenet_tfjs075/mnist.json');
    const missing = await failure(() => importKeras({ ...input, shards: {} }));
    expect(missing.code).toBe('KERAS_MISSING_SHARD');
    expect(missing.message).toContain('./mnist.weights.bin');
    const shard = input.shards?.['./mnist.weights.bin'] as Uint8Array;
    const short = await failure(() => importKeras({ ...input, shards: { './mnist.weights.bin': shard.subarray(0, 1000) } }));
    expect(short.code).toBe('KERAS_MISSING_SHARD');
    expect(short.message).toMatch(/truncated/);
  });

  it('damaged HDF5 internals: KERAS_CORRUPT with the HDF5 reason', async () => {
    const bad = fixtureBytes('snn_lenet_avgpool_bias.h5').slice();
    bad.fill(0x5a, 800, 3000);
    const e = await failure(() => importKeras({ bytes: bad, fileName: 'bad.h5' }));
    expect(e.code).toBe('KERAS_CORRUPT');
    expect(e.message).toContain('bad.h5');
    expect(e.message).toMatch(/damaged/);
  });

  it('bytes that are not HDF5, zip or JSON: KERAS_UNKNOWN_FORMAT; an empty file: KERAS_TRUNCATED', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const e = await failure(() => importKeras({ bytes: png, fileName: 'digit.png' }));
    expect(e.code).toBe('KERAS_UNKNOWN_FORMAT');
    expect(e.message).toContain('digit.png');
    expect((await failure(() => importKeras({ bytes: new Uint8Array(0), fileName: 'empty.h5' }))).code).toBe('KERAS_TRUNCATED');
  });

  it('an HDF5 file Keras did not write, and a zip without config.json', async () => {
    const { zipSync } = await import('fflate');
    const foreign = await plainHdf5();
    const h5 = await failure(() => importKeras({ bytes: foreign, fileName: 'data.h5' }));
    expect(h5.code).toBe('KERAS_CORRUPT');
    expect(h5.message).toMatch(/not one Keras wrote/);
    const zip = await failure(() => importKeras({ bytes: zipSync({ 'readme.txt': new Uint8Array([104, 105]) }), fileName: 'x.keras' }));
    expect(zip.code).toBe('KERAS_BAD_CONFIG');
    expect(zip.message).toContain('config.json');
  });
});

async function plainHdf5(): Promise<Uint8Array> {
  const h5wasm = (await import('h5wasm')).default;
  const module = await h5wasm.ready;
  const f = new h5wasm.File('/plain.h5', 'w');
  f.create_dataset({ name: 'data', data: new Float32Array([1, 2, 3]) });
  f.close();
  const bytes = module.FS.readFile('/plain.h5');
  module.FS.unlink('/plain.h5');
  return bytes;
}
