import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initBackend } from '@snn/sim';
import { registerTrainingKernels } from './register-kernels.js';

/** Float64 aᵀ b of row-major a [rows, aCols] and b [rows, bCols]. */
function transposedProduct64(a: Float32Array, b: Float32Array, rows: number, aCols: number, bCols: number): Float64Array {
  const out = new Float64Array(aCols * bCols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < aCols; c++) {
      const v = a[r * aCols + c];
      if (v !== 0) for (let j = 0; j < bCols; j++) out[c * bCols + j] += v * b[r * bCols + j];
    }
  return out;
}

beforeAll(async () => {
  await initBackend({ threads: 2 });
  registerTrainingKernels({ override: true });
});

describe('batchMatMul: a dense layer weight gradient xᵀ dy (narrow dy, read in place)', () => {
  const rng = createRng(5);
  // MNIST pixels as x (784 columns), a gradient-like dy; odd row counts exercise the row chunks' tail
  for (const [rows, bCols] of [
    [200, 10],
    [37, 12],
    [9, 1],
    [64, 13], // wider than the in-place kernel takes: XNNPACK's path
  ]) {
    it(`${rows} images, ${bCols} columns: equal to a float64 product to float32 rounding`, () => {
      const x = loadMnist('test', rows).images;
      const dy = Float32Array.from({ length: rows * bCols }, () => rng.uniform(-1, 1));
      const got = tf.tidy(() => tf.matMul(tf.tensor2d(x, [rows, 784]), tf.tensor2d(dy, [rows, bCols]), true, false).dataSync());
      const want = transposedProduct64(x, dy, rows, 784, bCols);
      expect(got.length).toBe(want.length);
      let scale = 0;
      for (const v of want) scale = Math.max(scale, Math.abs(v));
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst / scale).toBeLessThan(1e-6);
    });
  }
});
