import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { QCFS, resolveParams } from '@snn/neurons';
import { initBackend } from '@snn/sim';
import { rateOp } from '../model/rate-op.js';
import { maxRelativeError, numericGradient } from './finite-difference.js';
import { hasQcfsKernels, qcfsBackward } from './qcfs.js';
import { registerTrainingGradients } from './register-gradients.js';
import { registerTrainingKernels } from './register-kernels.js';

const fromWasm = createRequire(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
fromWasm('@tensorflow/tfjs-backend-cpu');

beforeAll(async () => {
  await initBackend({ threads: 1 });
  registerTrainingGradients({ override: true });
  registerTrainingKernels({ override: true });
});

const levels = 4;
const amplitude = 1.5;
const params = resolveParams(QCFS, { levels, amplitude });
const op = rateOp(QCFS, params, { trainable: ['threshold'], where: 'q' });
const rng = createRng(5);

/** Currents over [-1, 3] for threshold 2 whose quantization step q is not 0 or L (there the clip's kink sits at the point itself). */
function currents(n: number, threshold: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    const j = rng.uniform(-1, 3);
    const q = Math.floor((j * levels) / threshold + 0.5);
    if (q !== 0 && q !== levels) out[i++] = j;
  }
  return out;
}

/**
 * The straight-through surrogate in float64: QCFS with floor(x) replaced by x + (floor(x0) - x0),
 * the residual frozen at the point (J0, λ0). Its exact gradient is what the STE claims to be.
 */
function surrogate(J0: Float64Array, t0: number): (J: Float64Array, t: number) => Float64Array {
  const residual = J0.map((j) => Math.floor((j * levels) / t0 + 0.5) - ((j * levels) / t0 + 0.5));
  return (J, t) => J.map((j, i) => amplitude * t * Math.min(Math.max(((j * levels) / t + 0.5 + residual[i]) / levels, 0), 1));
}

async function gradients(backend: string, J: Float64Array, t: number, g: Float64Array): Promise<{ value: Float32Array; dJ: Float32Array; dT: number; fused: boolean }> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor(Float32Array.from(J), [2, J.length / 2]);
    const threshold = tf.scalar(t);
    const weights = tf.tensor(Float32Array.from(g), x.shape);
    const [dJ, dT] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(op(a, [b]), weights)))([x, threshold]);
    return { value: op(x, [threshold]).dataSync() as Float32Array, dJ: dJ.dataSync() as Float32Array, dT: dT.dataSync()[0], fused: hasQcfsKernels() };
  });
}

describe('QCFS with a trainable threshold as a tfjs op', () => {
  it('gives QCFS rates and the straight-through gradients (finite differences of the frozen-residual surrogate) on wasm (fused) and cpu', async () => {
    const t = 2;
    const J = currents(64, t);
    const g = Float64Array.from({ length: J.length }, () => rng.uniform(-1, 1));
    const f = surrogate(J, t);
    const loss = (j: Float64Array, thr: number): number => f(j, thr).reduce((acc, v, i) => acc + v * g[i], 0);
    const fdJ = numericGradient((j) => loss(j, t), Float64Array.from(J), 1e-6);
    const fdT = numericGradient((x) => loss(J, x[0]), Float64Array.of(t), 1e-6)[0];
    const rates = new Float32Array(J.length);
    QCFS.rates(Float32Array.from(J), rates, resolveParams(QCFS, { ...params, threshold: t }));
    const results = [await gradients('wasm', J, t, g), await gradients('cpu', J, t, g)];
    await tf.setBackend('wasm');
    expect(results.map((r) => r.fused)).toEqual([true, false]);
    for (const r of results) {
      expect(Array.from(r.value)).toEqual(Array.from(rates));
      expect(maxRelativeError(r.dJ, fdJ)).toBeLessThan(1e-4);
      expect(Math.abs(r.dT - fdT) / Math.abs(fdT)).toBeLessThan(1e-4);
    }
    // the test data covers every region: below 0, inside the staircase, clipped at the threshold
    expect(Math.min(...rates)).toBe(0);
    expect(Math.max(...rates)).toBeCloseTo(amplitude * t, 5);
    expect(fdJ.filter((d) => d === 0).length).toBeGreaterThan(5);
  });

  it('refuses a threshold that training drove to zero or below, naming the node', async () => {
    for (const backend of ['wasm', 'cpu']) {
      await tf.setBackend(backend);
      expect(() => tf.tidy(() => op(tf.ones([1, 3]), [tf.scalar(-0.1)]))).toThrow(/QCFS parameter threshold = -0\.1\d* \(node "q"\) is out of range/);
    }
    await tf.setBackend('wasm');
  });
});

describe('qcfsBackward (the JS loop behind the kernel where SIMD is missing)', () => {
  it("fuses QCFS's ratesDerivative (times dy) and the dy-weighted sum of its ratesParamDerivative", () => {
    const n = 1001;
    const attrs = { levels: 3, threshold: 1.7, amplitude: 0.8 };
    const J = Float32Array.from({ length: n }, () => rng.uniform(-1, 3));
    const dy = Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
    const dJ = new Float32Array(n);
    const sum = qcfsBackward(dy, J, dJ, attrs);
    const dRate = new Float32Array(n);
    const dThreshold = new Float32Array(n);
    QCFS.ratesDerivative!(J, dRate, attrs);
    QCFS.ratesParamDerivative!('threshold', J, dThreshold, attrs);
    expect(maxRelativeError(dJ, Array.from(dRate, (d, i) => d * dy[i]), 1e-7)).toBeLessThan(1e-6);
    const want = dThreshold.reduce((acc, d, i) => acc + d * dy[i], 0);
    expect(Math.abs(sum - want)).toBeLessThan(1e-5 * (1 + Math.abs(want)));
    expect(dJ.filter((d) => d === 0).length).toBeGreaterThan(100);
  });

  it('gives the JS loops\' values in its SIMD kernels, four currents at a time and the tail (4,003 currents)', async () => {
    await tf.setBackend('wasm');
    const n = 4003;
    const attrs = { levels: 8, threshold: 1.3, amplitude: 0.9 };
    const J = Float32Array.from({ length: n }, () => rng.uniform(-0.5, 2));
    const dy = Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
    const rates = new Float32Array(n);
    QCFS.rates(J, rates, attrs);
    const dJ = new Float32Array(n);
    const dT = qcfsBackward(dy, J, dJ, attrs);
    const x = tf.tensor1d(J);
    const a = attrs as unknown as tf.NamedTensorMap & Record<string, never>;
    const got = (tf.engine().runKernel('SnnQcfs', { x }, a) as tf.Tensor).dataSync();
    const [gJ, gT] = tf.engine().runKernel('SnnQcfsGrad', { dy: tf.tensor1d(dy), x }, a) as tf.Tensor[];
    expect(Array.from(got)).toEqual(Array.from(rates));
    expect(Array.from(gJ.dataSync())).toEqual(Array.from(dJ));
    expect(Math.abs(gT.dataSync()[0] - dT)).toBeLessThan(1e-5 * (1 + Math.abs(dT)));
    expect(dJ.filter((d) => d === 0).length).toBeGreaterThan(100);
  });
});
