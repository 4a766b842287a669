import { describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { kerasToLoihiGraph } from '@snn/train';
import { emulateClassifier } from '../map/emulate-classifier.js';
import { emulateClassifierParallel } from './emulate-classifier-parallel.js';

describe('emulateClassifierParallel with a worker that dies', () => {
  it('rejects with LOIHI_WORKER naming the shard and its images, not a hang', async () => {
    const test = loadMnist('test', 20);
    // process.exit in the registry module the worker imports ends that worker thread
    const run = emulateClassifierParallel(kerasToLoihiGraph(0, 'LoihiSpikingRectifiedLinear'), test.images, test.labels, { steps: 2, workers: 2, batchSize: 10, registryModule: 'data:text/javascript,process.exit(5)' });
    await expect(run).rejects.toSatisfy((e: unknown) => isSnnError(e, 'LOIHI_WORKER') && /shard [12]\/2 \(images (0-9|10-19) of 20\) stopped \(exit code 5\)/.test((e as Error).message));
  }, 20_000);
});

describe('emulateClassifier refuses bad data', () => {
  const test = loadMnist('test', 4);
  const fails = (images: unknown, labels: unknown, text: RegExp) => {
    let error: unknown;
    try {
      emulateClassifier(kerasToLoihiGraph(0, 'LoihiSpikingRectifiedLinear'), images as Float32Array, labels as Uint8Array, { steps: 2 });
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error, 'LOIHI_BAD_ARGUMENT'), String(error)).toBe(true);
    expect((error as Error).message).toMatch(text);
  };

  it('other array types, sizes, NaN pixels, empty sets and label counts', () => {
    fails(Float64Array.from(test.images), test.labels, /images must be a Float32Array \(samples x 28 x 28 x 1\); got Float64Array of 3136 values/);
    fails(new Float32Array(4 * 32 * 32), test.labels, /images of 32 x 32 given, 28 x 28 expected/);
    const nan = test.images.slice();
    nan[784 + 1] = Number.NaN;
    fails(nan, test.labels, /holds NaN at sample 1, value 1/);
    fails(new Float32Array(0), new Uint8Array(0), /images is empty/);
    fails(test.images, test.labels.subarray(0, 3), /images has 3136 values, not 3 samples of 784/);
    fails(test.images, Uint8Array.of(0, 1, 2, 255), /labels\[3\] is 255/);
  });
});
