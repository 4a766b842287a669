import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { initBackend } from '@snn/sim';
import { maxRelativeError, numericGradient } from './finite-difference.js';
import { registerTrainingGradients } from './register-gradients.js';
import { registerTrainingKernels } from './register-kernels.js';
import { conv2dBiasRelu } from './conv2d-bias-relu.js';

// tfjs's CPU backend, for comparison: a dependency of @tensorflow/tfjs-backend-wasm (same version).
const fromWasm = createRequire(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
fromWasm('@tensorflow/tfjs-backend-cpu');

type Pad = 'same' | 'valid';
interface Arr {
  data: Float64Array;
  shape: number[];
}

const rng = createRng(7);
const random = (shape: number[], low = -1, high = 1): Arr => {
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(low, high);
  return { data, shape };
};

/** TensorFlow's padding rule: output size and the padding before the first row. */
function geometry(size: number, k: number, s: number, pad: Pad): { out: number; before: number } {
  if (pad === 'valid') return { out: Math.floor((size - k) / s) + 1, before: 0 };
  const out = Math.ceil(size / s);
  return { out, before: Math.floor(Math.max((out - 1) * s + k - size, 0) / 2) };
}

/** Float64 reference conv2d, NHWC x HWIO. */
function conv2d64(x: Arr, w: Arr, s: number, pad: Pad): Arr {
  const [n, h, wd, c] = x.shape;
  const [kh, kw, , co] = w.shape;
  const gh = geometry(h, kh, s, pad);
  const gw = geometry(wd, kw, s, pad);
  const y = new Float64Array(n * gh.out * gw.out * co);
  for (let b = 0; b < n; b++)
    for (let oh = 0; oh < gh.out; oh++)
      for (let ow = 0; ow < gw.out; ow++)
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) {
            const ih = oh * s + i - gh.before;
            const iw = ow * s + j - gw.before;
            if (ih < 0 || ih >= h || iw < 0 || iw >= wd) continue;
            for (let ci = 0; ci < c; ci++) {
              const xv = x.data[((b * h + ih) * wd + iw) * c + ci];
              for (let o = 0; o < co; o++) y[((b * gh.out + oh) * gw.out + ow) * co + o] += xv * w.data[((i * kw + j) * c + ci) * co + o];
            }
          }
  return { data: y, shape: [n, gh.out, gw.out, co] };
}

/** Float64 reference pooling; the average is over the window's in-bounds inputs. */
function pool64(x: Arr, k: number, s: number, pad: Pad, kind: 'avg' | 'max'): Arr {
  const [n, h, wd, c] = x.shape;
  const gh = geometry(h, k, s, pad);
  const gw = geometry(wd, k, s, pad);
  const y = new Float64Array(n * gh.out * gw.out * c);
  for (let b = 0; b < n; b++)
    for (let oh = 0; oh < gh.out; oh++)
      for (let ow = 0; ow < gw.out; ow++)
        for (let ch = 0; ch < c; ch++) {
          let acc = kind === 'max' ? -Infinity : 0;
          let count = 0;
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) {
              const ih = oh * s + i - gh.before;
              const iw = ow * s + j - gw.before;
              if (ih < 0 || ih >= h || iw < 0 || iw >= wd) continue;
              const v = x.data[((b * h + ih) * wd + iw) * c + ch];
              acc = kind === 'max' ? Math.max(acc, v) : acc + v;
              count++;
            }
          y[((b * gh.out + oh) * gw.out + ow) * c + ch] = kind === 'max' ? acc : acc / count;
        }
  return { data: y, shape: [n, gh.out, gw.out, c] };
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((acc, v, i) => acc + v * b[i], 0);
const f32 = (a: Arr): tf.Tensor => tf.tensor(Float32Array.from(a.data), a.shape);

/** Gradients of sum(G * op(inputs)) on a tfjs backend. */
async function tfGrads(backend: string, op: (...xs: tf.Tensor[]) => tf.Tensor, inputs: Arr[], g: Arr): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const gt = f32(g);
    const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(op(...xs), gt)))(inputs.map(f32));
    return grads.map((t) => t.dataSync() as Float32Array);
  });
}

/**
 * Check wasm (and, unless `withCpu` is false, cpu) gradients of `op` against central
 * differences of the float64 reference `ref`.
 */
async function check(op: (...xs: tf.Tensor[]) => tf.Tensor, ref: (...xs: Arr[]) => Arr, inputs: Arr[], eps = 1e-4, withCpu = true, gZeroShare = 0): Promise<void> {
  const out = ref(...inputs);
  const g = random(out.shape);
  // an output gradient with zeros, as behind a ReLU (the sparse filter-gradient path)
  for (let i = 0; i < g.data.length; i++) if (rng.next() < gZeroShare) g.data[i] = 0;
  const wasm = await tfGrads('wasm', op, inputs, g);
  const cpu = withCpu ? await tfGrads('cpu', op, inputs, g) : [];
  await tf.setBackend('wasm');
  inputs.forEach((input, k) => {
    const loss = (x: Float64Array): number => dot(ref(...inputs.map((a, j) => (j === k ? { data: x, shape: a.shape } : a))).data, g.data);
    const fd = numericGradient(loss, Float64Array.from(input.data), eps);
    expect(maxRelativeError(wasm[k], fd)).toBeLessThan(1e-3);
    if (withCpu) expect(maxRelativeError(cpu[k], fd)).toBeLessThan(1e-3);
  });
}

beforeAll(async () => {
  await initBackend({ threads: 2 });
  registerTrainingGradients({ override: true });
  registerTrainingKernels({ override: true });
});

describe('conv2d gradients (x and filter) match finite differences on wasm and cpu', () => {
  const cases: Array<[number[], number[], number, Pad]> = [
    [[2, 5, 5, 3], [3, 3, 3, 4], 1, 'same'],
    [[2, 5, 5, 3], [3, 3, 3, 4], 1, 'valid'],
    [[2, 5, 5, 3], [3, 3, 3, 4], 2, 'same'],
    [[2, 5, 5, 3], [3, 3, 3, 4], 2, 'valid'],
    [[2, 6, 6, 2], [3, 3, 2, 5], 2, 'same'],
    [[1, 6, 7, 2], [2, 2, 2, 3], 2, 'valid'],
    [[2, 7, 7, 1], [3, 3, 1, 4], 1, 'valid'],
    [[2, 6, 6, 1], [2, 2, 1, 8], 1, 'same'], // fewer patch rows than output channels
    [[1, 7, 7, 2], [1, 1, 2, 3], 2, 'valid'], // kernel smaller than the stride
  ];
  for (const [xs, ws, s, pad] of cases) {
    it(`x ${xs} * w ${ws}, stride ${s}, ${pad}`, async () => {
      await check((x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, s, pad), (x, w) => conv2d64(x, w, s, pad), [random(xs), random(ws)]);
    });
  }
});

describe('the filter gradient from the nonzero entries of a sparse x (few patch rows: a first conv on mostly-zero images)', () => {
  const cases: Array<[number[], number[], number, Pad]> = [
    [[2, 7, 7, 1], [3, 3, 1, 4], 1, 'valid'],
    [[2, 6, 6, 1], [2, 2, 1, 8], 1, 'same'],
    [[2, 9, 9, 3], [3, 3, 3, 4], 2, 'same'], // strides: some taps read no output pixel
    [[1, 8, 8, 2], [3, 3, 2, 20], 2, 'valid'], // 20 output channels: a block of 16, then one of 4
  ];
  for (const [xs, ws, s, pad] of cases) {
    it(`x ${xs} (70% zero) * w ${ws}, stride ${s}, ${pad}`, async () => {
      const x = random(xs);
      for (let i = 0; i < x.data.length; i++) if (rng.next() < 0.7) x.data[i] = 0;
      await check((a, w) => tf.conv2d(a as tf.Tensor4D, w as tf.Tensor4D, s, pad), (a, w) => conv2d64(a, w, s, pad), [x, random(ws)]);
    });
  }
});

describe('the filter gradient from the nonzero entries of a sparse dy (unpadded convs, channels multiples of 4)', () => {
  const cases: Array<[number[], number[], number]> = [
    [[3, 9, 9, 8], [3, 3, 8, 12], 2],
    [[2, 8, 8, 36], [3, 3, 36, 8], 1], // 36 channels: a block of 32, then one of 4
    [[2, 7, 6, 4], [2, 3, 4, 4], 1],
  ];
  for (const [xs, ws, s] of cases) {
    it(`x ${xs} * w ${ws}, stride ${s}, valid, 60% of dy zero`, async () => {
      await check((x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, s, 'valid'), (x, w) => conv2d64(x, w, s, 'valid'), [random(xs), random(ws)], 1e-4, true, 0.6);
    });
  }

  it('x [20,26,26,32] * w [3,3,32,64] stride 2 (the keras-to-snn conv1): within float32 summation error, like the GEMM path on a dense dy', async () => {
    const [x, w] = [random([20, 26, 26, 32], 0, 1), random([3, 3, 32, 64])];
    const op = (a: tf.Tensor, b: tf.Tensor): tf.Tensor => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'valid');
    /** Largest |dw - float64 dw| / sum of |terms| over the filter entries: a float32 sum of n terms errs by about sqrt(n) 2^-24. */
    const worstError = async (zeroShare: number): Promise<number> => {
      const g = random([20, 12, 12, 64]);
      for (let i = 0; i < g.data.length; i++) if (rng.next() < zeroShare) g.data[i] = 0;
      const wasm = await tfGrads('wasm', op, [x, w], g);
      const [dw, absSum] = [new Float64Array(3 * 3 * 32 * 64), new Float64Array(3 * 3 * 32 * 64)];
      for (let n = 0; n < 20; n++)
        for (let oh = 0; oh < 12; oh++)
          for (let ow = 0; ow < 12; ow++)
            for (let co = 0; co < 64; co++) {
              const gv = g.data[((n * 12 + oh) * 12 + ow) * 64 + co];
              if (gv === 0) continue;
              for (let i = 0; i < 3; i++)
                for (let j = 0; j < 3; j++)
                  for (let ci = 0; ci < 32; ci++) {
                    const term = x.data[((n * 26 + 2 * oh + i) * 26 + 2 * ow + j) * 32 + ci] * gv;
                    dw[((i * 3 + j) * 32 + ci) * 64 + co] += term;
                    absSum[((i * 3 + j) * 32 + ci) * 64 + co] += Math.abs(term);
                  }
            }
      let worst = 0;
      for (let i = 0; i < dw.length; i++) worst = Math.max(worst, Math.abs(wasm[1][i] - dw[i]) / absSum[i]);
      return worst;
    };
    const sparse = await worstError(0.5); // half of dy zero: the sparse path
    const gemm = await worstError(0); // dense dy: the GEMM path
    await tf.setBackend('wasm');
    const sqrtN = Math.sqrt(20 * 12 * 12);
    expect(gemm).toBeLessThan(sqrtN * 2 ** -24); // measured: 1.5e-7 (sparse 3.5e-8) against 3.2e-6
    expect(sparse).toBeLessThan(sqrtN * 2 ** -24);
    expect(sparse).toBeGreaterThan(0);
  });
});

describe('conv2dBiasRelu (fused on wasm, three ops on cpu) gradients match finite differences', () => {
  for (const [s, pad] of [[1, 'same'], [2, 'valid']] as Array<[number, Pad]>) {
    it(`stride ${s}, ${pad}`, async () => {
      const ref = (x: Arr, w: Arr, b: Arr): Arr => {
        const y = conv2d64(x, w, s, pad);
        const c = b.data.length;
        return { data: y.data.map((v, i) => Math.max(0, v + b.data[i % c])), shape: y.shape };
      };
      const op = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor =>
        conv2dBiasRelu(x as tf.Tensor4D, w as tf.Tensor4D, b as tf.Tensor1D, s, pad);
      await check(op, ref, [random([2, 6, 6, 3]), random([3, 3, 3, 8]), random([8], -0.3, 0.3)], 1e-6);
    });
  }
});

describe('conv2d gradients over several chunks of output pixels', () => {
  it('x [8,64,64,3] * w [3,3,3,5] stride 1 same: wasm equals tfjs cpu', async () => {
    const inputs = [random([8, 64, 64, 3]), random([3, 3, 3, 5])];
    const g = random([8, 64, 64, 5]);
    const op = (x: tf.Tensor, w: tf.Tensor): tf.Tensor => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same');
    const wasm = await tfGrads('wasm', op, inputs, g);
    const cpu = await tfGrads('cpu', op, inputs, g);
    await tf.setBackend('wasm');
    expect(maxRelativeError(wasm[0], cpu[0])).toBeLessThan(1e-3);
    expect(maxRelativeError(wasm[1], cpu[1])).toBeLessThan(1e-3);
  });
});

describe('pooling gradients match finite differences on wasm and cpu', () => {
  // tfjs's CPU AvgPoolGrad divides by the full window where 'same' padding cuts it while its
  // forward pass divides by the in-bounds count, so the cpu comparison is left out there.
  const cases: Array<[string, number, number, Pad, boolean]> = [
    ['avg', 2, 2, 'valid', true],
    ['avg', 3, 1, 'same', false],
    ['avg', 3, 2, 'same', false],
    ['max', 2, 2, 'valid', true],
    ['max', 3, 2, 'same', true],
  ];
  for (const [kind, k, s, pad, withCpu] of cases) {
    it(`${kind} pool ${k}x${k}, stride ${s}, ${pad}`, async () => {
      const op = (x: tf.Tensor): tf.Tensor =>
        kind === 'avg' ? tf.avgPool(x as tf.Tensor4D, k, s, pad) : tf.maxPool(x as tf.Tensor4D, k, s, pad);
      await check(op, (x) => pool64(x, k, s, pad, kind as 'avg' | 'max'), [random([2, 5, 5, 3])], 1e-6, withCpu);
    });
  }

  it('the wasm avg pool forward pass divides by the in-bounds count too (what the gradient assumes)', async () => {
    const x = random([1, 5, 5, 2]);
    const y = tf.tidy(() => tf.avgPool(f32(x) as tf.Tensor4D, 3, 2, 'same').dataSync() as Float32Array);
    expect(maxRelativeError(y, pool64(x, 3, 2, 'same', 'avg').data, 1e-6)).toBeLessThan(1e-5);
  });

  it('max pool routes the gradient to the window maximum when every input is negative', async () => {
    const x = random([2, 6, 6, 3], -3, -0.1);
    await check((t) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), (t) => pool64(t, 2, 2, 'valid', 'max'), [x], 1e-6);
  });
});
