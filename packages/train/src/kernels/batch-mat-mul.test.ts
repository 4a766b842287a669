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

/** Largest |got - want| relative to the largest |want|. */
function relativeError(got: ArrayLike<number>, want: Float64Array): number {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    scale = Math.max(scale, Math.abs(want[i]));
    worst = Math.max(worst, Math.abs(got[i] - want[i]));
  }
  return worst / scale;
}

/** [rows, narrow columns]: odd row counts exercise the row chunks' tails; 13 columns are wider than the narrow kernels take (XNNPACK's path). */
const NARROW_CASES = [
  [200, 10],
  [37, 12],
  [9, 1],
  [64, 13],
] as const;

beforeAll(async () => {
  await initBackend({ threads: 2 });
  registerTrainingKernels({ override: true });
});

describe('batchMatMul: a dense layer weight gradient xᵀ dy (narrow dy, read in place)', () => {
  const rng = createRng(5);
  // MNIST pixels as x (784 columns), a gradient-like dy; odd row counts exercise the row chunks' tail
  for (const [rows, bCols] of NARROW_CASES) {
    it(`${rows} images, ${bCols} columns: equal to a float64 product to float32 rounding`, () => {
      const x = loadMnist('test', rows).images;
      const dy = Float32Array.from({ length: rows * bCols }, () => rng.uniform(-1, 1));
      const got = tf.tidy(() => tf.matMul(tf.tensor2d(x, [rows, 784]), tf.tensor2d(dy, [rows, bCols]), true, false).dataSync());
      const want = transposedProduct64(x, dy, rows, 784, bCols);
      expect(got.length).toBe(want.length);
      expect(relativeError(got, want)).toBeLessThan(1e-6);
    });
  }
});

/** Float64 product of row-major a [rows, inner] and b [inner, cols] (b given as [cols, inner] when bTransposed). */
function product64(a: Float32Array, b: Float32Array, rows: number, inner: number, cols: number, bTransposed: boolean): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < inner; i++) {
      const v = a[r * inner + i];
      if (v !== 0) for (let c = 0; c < cols; c++) out[r * cols + c] += v * (bTransposed ? b[c * inner + i] : b[i * cols + c]);
    }
  return out;
}

/** The first `cols` pixels of `rows` MNIST test images, [rows, cols]. */
function mnistColumns(rows: number, cols: number): Float32Array {
  const images = loadMnist('test', rows).images;
  const x = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) x.set(images.subarray(r * 784, r * 784 + cols), r * cols);
  return x;
}

describe('batchMatMul: a dense layer forward product x w and input gradient dy wᵀ (narrow w, rows on both threads)', () => {
  const rng = createRng(9);
  // 780 pixel columns: 48 blocks of 16 and three of 4 in dy wᵀ; odd row counts leave a single row after the pairs in x w
  for (const [rows, n] of NARROW_CASES) {
    const cols = 780;
    const x = mnistColumns(rows, cols);
    const w = Float32Array.from({ length: cols * n }, () => rng.uniform(-0.1, 0.1));
    const dy = Float32Array.from({ length: rows * n }, () => rng.uniform(-1, 1));
    it(`${rows} images, ${n} outputs: x w equals a float64 product to float32 rounding`, () => {
      const got = tf.tidy(() => tf.matMul(tf.tensor2d(x, [rows, cols]), tf.tensor2d(w, [cols, n])).dataSync());
      expect(got.length).toBe(rows * n);
      expect(relativeError(got, product64(x, w, rows, cols, n, false))).toBeLessThan(1e-6);
    });
    it(`${rows} images, ${n} outputs: dy wᵀ equals a float64 product to float32 rounding`, () => {
      const got = tf.tidy(() => tf.matMul(tf.tensor2d(dy, [rows, n]), tf.tensor2d(w, [cols, n]), false, true).dataSync());
      expect(got.length).toBe(rows * cols);
      expect(relativeError(got, product64(dy, w, rows, n, cols, true))).toBeLessThan(1e-6);
    });
  }
});
