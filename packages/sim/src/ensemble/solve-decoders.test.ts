import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@snn/ir';
import { initBackend } from '../index.js';
import { solveDecoders } from './solve-decoders.js';

beforeAll(async () => {
  await initBackend();
});

describe('solveDecoders', () => {
  it('recovers the decoders of a linearly separable problem (ridge solution of the normal equations)', () => {
    // activities A (samples x neurons) and labels generated from known decoders D*.
    const rng = createRng(1);
    const samples = 3000;
    const neurons = 40;
    const A = rng.fillUniform(new Float32Array(samples * neurons), 0, 100);
    const Dtrue = rng.fillUniform(new Float32Array(neurons * 10), -1, 1);
    const labels = new Uint8Array(samples);
    for (let s = 0; s < samples; s++) {
      let best = 0;
      let bestV = -Infinity;
      for (let c = 0; c < 10; c++) {
        let v = 0;
        for (let i = 0; i < neurons; i++) v += A[s * neurons + i] * Dtrue[i * 10 + c];
        if (v > bestV) [best, bestV] = [c, v];
      }
      labels[s] = best;
    }
    const D = solveDecoders(A, labels, neurons, 10, 0.001);
    let correct = 0;
    for (let s = 0; s < samples; s++) {
      let best = 0;
      let bestV = -Infinity;
      for (let c = 0; c < 10; c++) {
        let v = 0;
        for (let i = 0; i < neurons; i++) v += A[s * neurons + i] * D[i * 10 + c];
        if (v > bestV) [best, bestV] = [c, v];
      }
      if (best === labels[s]) correct++;
    }
    // a linear least-squares fit of one-hot targets classifies most of these samples right, not
    // all (argmax of D* is not linear in the one-hot targets): measured 2684 of 3000 = 0.8947
    // (seeded, repeats exactly), pinned within 3 binomial standard errors on 3000 samples,
    // 3 * sqrt(0.8947 * 0.1053 / 3000) = 0.0168, on both sides
    expect(Math.abs(correct / samples - 0.8947)).toBeLessThan(3 * Math.sqrt((0.8947 * 0.1053) / samples));
  });

  it('equals the exact solution of (AᵀA + λI) D = AᵀY on a tiny system', () => {
    // A = [[1, 0], [0, 2], [1, 1]], labels 0, 1, 0 (2 classes); reg 0.1 * max(A) = 0.2 -> λ = 0.04 * 3
    const A = Float32Array.from([1, 0, 0, 2, 1, 1]);
    const D = solveDecoders(A, Uint8Array.from([0, 1, 0]), 2, 2, 0.1);
    const lambda = 0.12;
    // AᵀA = [[2, 1], [1, 5]]; AᵀY = [[2, 0], [1, 2]]
    const m = [2 + lambda, 1, 1, 5 + lambda];
    const det = m[0] * m[3] - m[1] * m[2];
    const inv = [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det];
    const aty = [2, 0, 1, 2];
    const expected = [inv[0] * aty[0] + inv[1] * aty[2], inv[0] * aty[1] + inv[1] * aty[3], inv[2] * aty[0] + inv[3] * aty[2], inv[2] * aty[1] + inv[3] * aty[3]];
    expected.forEach((v, i) => expect(D[i]).toBeCloseTo(v, 5));
  });
});
