import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng, isSnnError } from '@snn/ir';
import { initTraining } from '../fit/init-training.js';
import { resolveLosses } from './loss-spec.js';
import { meanSquaredError } from './mse.js';
import { correctCount, sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

describe('losses', () => {
  const rng = createRng(2);
  const B = 5;
  const K = 4;
  const z = Array.from({ length: B * K }, () => rng.uniform(-3, 3));
  const labels = [0, 3, 1, 1, 2];

  it('sparse categorical cross-entropy from logits equals mean(logsumexp - logit[label]) with gradient (softmax - onehot) / B', () => {
    let expected = 0;
    const grad: number[] = [];
    for (let b = 0; b < B; b++) {
      const row = z.slice(b * K, b * K + K);
      const lse = Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
      expected += (lse - row[labels[b]]) / B;
      row.forEach((v, k) => grad.push((Math.exp(v - lse) - (k === labels[b] ? 1 : 0)) / B));
    }
    const logits = tf.tensor2d(z, [B, K]);
    const y = tf.tensor1d(labels, 'int32');
    expect(sparseCategoricalCrossentropy(logits, y).dataSync()[0]).toBeCloseTo(expected, 5);
    const g = tf.grad((l: tf.Tensor) => sparseCategoricalCrossentropy(l, y))(logits).dataSync();
    grad.forEach((v, i) => expect(g[i]).toBeCloseTo(v, 6));
    const argmax = Array.from({ length: B }, (_, b) => z.slice(b * K, b * K + K)).map((r) => r.indexOf(Math.max(...r)));
    expect(correctCount(logits, y).dataSync()[0]).toBe(argmax.filter((a, b) => a === labels[b]).length);
  });

  it('is stable for huge logits (no overflow)', () => {
    const l = sparseCategoricalCrossentropy(tf.tensor2d([[1000, 0, -1000]]), tf.tensor1d([1], 'int32'));
    expect(l.dataSync()[0]).toBeCloseTo(1000, 3);
  });

  it('mean squared error against a tensor and against a constant target rate', () => {
    const p = tf.tensor2d([[240, 260], [250, 230]]);
    expect(meanSquaredError(p, 250).dataSync()[0]).toBeCloseTo((100 + 100 + 0 + 400) / 4, 4);
    expect(meanSquaredError(p, tf.tensor2d([[0, 0], [0, 0]])).dataSync()[0]).toBeCloseTo((240 ** 2 + 260 ** 2 + 250 ** 2 + 230 ** 2) / 4, 0);
    const g = tf.grad((x: tf.Tensor) => meanSquaredError(x, 250))(p).dataSync();
    expect(Array.from(g)).toEqual([-5, 5, 0, -10]);
  });

  it('resolves specs with weights and rejects unknown names with the probe named', () => {
    const terms = resolveLosses({ out: 'sparseCategoricalCrossentropy', conv0: { loss: 'mse', weight: 1e-3, target: 250 } });
    expect(terms.map((t) => [t.probe, t.weight, t.target, t.classification])).toEqual([
      ['out', 1, undefined, true],
      ['conv0', 1e-3, 250, false],
    ]);
    let error: unknown;
    try {
      resolveLosses({ out: { loss: 'hinge' as 'mse' } });
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error) && error.code).toBe('TRAIN_BAD_LOSS');
    expect((error as Error).message).toMatch(/'hinge' on probe 'out'/);
  });
});
