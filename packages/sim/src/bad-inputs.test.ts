import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, isSnnError, param } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initBackend } from './backend/init.js';
import { compile } from './compile.js';
import { evaluate, predict } from './evaluate.js';
import type { Simulator } from './simulator.js';
import { registries } from './test-support/fixtures.js';

let sim: Simulator;
beforeAll(async () => {
  await initBackend();
  sim = imageClassifier();
});

/** 28x28x1 image -> dense 10 (pixel sums of ten stripes): a classifier on MNIST-shaped input. */
function imageClassifier() {
  const weights = new Float32Array(784 * 10);
  for (let i = 0; i < 784; i++) weights[i * 10 + (i % 10)] = 1;
  const b = new GraphBuilder();
  b.output(b.dense(b.flatten(b.input('image', [28, 28, 1])), { id: 'd', weights: param(weights, [784, 10]) }), 'out');
  return compile(b.build(), { ...registries(), mode: 'rate' });
}

/** Run `fn`, expect an SnnError with `code` whose message matches each of `texts`. */
function refuses(fn: () => unknown, code: string, ...texts: RegExp[]): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(isSnnError(error), `expected an SnnError, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  for (const text of texts) expect((error as Error).message).toMatch(text);
}

describe('bad input data to predict and evaluate', () => {
  const { images, labels } = loadMnist('test', 8);

  it('a real batch runs (the checks pass good data)', () => {
    const r = evaluate(sim, { image: images }, labels);
    expect(r.prediction.labels.length).toBe(8);
  });

  it('refuses other array types, naming the type given and the layout expected', () => {
    const bytes = Uint8Array.from(images, (v) => Math.round(v * 255));
    refuses(() => predict(sim, { image: bytes as unknown as Float32Array }), 'SIM_BAD_INPUT', /input 'image' must be a Float32Array \(samples x 28 x 28 x 1\); got Uint8Array of 6272 values/, /x \/ 255/);
    refuses(() => predict(sim, { image: Float64Array.from(images) as unknown as Float32Array }), 'SIM_BAD_INPUT', /got Float64Array of 6272 values; convert it with Float32Array.from/);
    refuses(() => predict(sim, { image: Array.from(images) as unknown as Float32Array }), 'SIM_BAD_INPUT', /got Array of 6272 values/);
    refuses(() => predict(sim, { image: { data: Array.from(images), perStep: true } as unknown as Float32Array }), 'SIM_BAD_INPUT', /input 'image' \(per step\) must be a Float32Array/);
  });

  it('refuses a wrong image size or channel count, saying what was expected', () => {
    // three channels per pixel: 8 x 2352 values is a whole multiple of 784, so only the label count tells
    const rgb = new Float32Array(8 * 28 * 28 * 3);
    refuses(() => evaluate(sim, { image: rgb }, labels), 'SIM_BAD_INPUT', /has 18816 values, not 8 samples of 784/, /3 channels per pixel given, 1 expected/);
    refuses(() => evaluate(sim, { image: new Float32Array(8 * 32 * 32) }, labels), 'SIM_BAD_INPUT', /images of 32 x 32 given, 28 x 28 expected/);
    refuses(() => predict(sim, { image: images.subarray(0, 783 * 8) }), 'SIM_BAD_INPUT', /6264 values, which is not a whole number of samples of 784 values \(samples x 28 x 28 x 1\)/);
  });

  it('refuses NaN and infinite pixels, naming the sample and value', () => {
    const nan = images.slice();
    nan[3 * 784 + 100] = Number.NaN;
    refuses(() => predict(sim, { image: nan }), 'SIM_BAD_INPUT', /holds NaN at sample 3, value 100/);
    const inf = images.slice();
    inf[5] = Number.POSITIVE_INFINITY;
    refuses(() => evaluate(sim, { image: inf }, labels), 'SIM_BAD_INPUT', /holds Infinity at sample 0, value 5/);
  });

  it('refuses an empty set and a label count or label value that does not fit', () => {
    refuses(() => predict(sim, { image: new Float32Array(0) }), 'SIM_BAD_INPUT', /input 'image' is empty; give at least one sample/);
    refuses(() => evaluate(sim, { image: images }, labels.subarray(0, 7)), 'SIM_BAD_LABELS', /got 7 labels for 8 samples/);
    refuses(() => evaluate(sim, { image: images }, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 10)), 'SIM_BAD_LABELS', /labels\[7\] is 10; a label must be a class index from 0 to 9/);
    refuses(() => evaluate(sim, { image: images }, [0, 1, 2, 3, 4, 5, 6, 1.5]), 'SIM_BAD_LABELS', /labels\[7\] is 1.5/);
  });
});
