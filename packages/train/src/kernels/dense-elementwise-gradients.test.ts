import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { initBackend } from '@snn/sim';
import { maxRelativeError, numericGradient } from './finite-difference.js';
import { registerTrainingGradients } from './register-gradients.js';
import { registerTrainingKernels } from './register-kernels.js';

const fromWasm = createRequire(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
fromWasm('@tensorflow/tfjs-backend-cpu');

interface Arr {
  data: Float64Array;
  shape: number[];
}
const rng = createRng(11);
const random = (shape: number[], low = -1, high = 1): Arr => {
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(low, high);
  return { data, shape };
};
const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/** Float64 element-wise op with numpy broadcasting. */
function broadcast(a: Arr, b: Arr, f: (x: number, y: number) => number): Arr {
  const rank = Math.max(a.shape.length, b.shape.length);
  const pa = [...Array(rank - a.shape.length).fill(1), ...a.shape];
  const pb = [...Array(rank - b.shape.length).fill(1), ...b.shape];
  const shape = pa.map((d, i) => Math.max(d, pb[i]));
  const out = new Float64Array(size(shape));
  const idx = new Array<number>(rank).fill(0);
  const flat = (s: number[]): number => s.reduce((acc, d, i) => acc * d + (d === 1 ? 0 : idx[i]), 0);
  for (let o = 0; o < out.length; o++) {
    let r = o;
    for (let i = rank - 1; i >= 0; i--) {
      idx[i] = r % shape[i];
      r = Math.floor(r / shape[i]);
    }
    out[o] = f(a.data[flat(pa)], b.data[flat(pb)]);
  }
  return { data: out, shape };
}
const map = (a: Arr, f: (x: number) => number): Arr => ({ data: a.data.map(f), shape: a.shape });

/** Float64 (batched) matrix product with transpose flags; batch dims broadcast when 1. */
function matMul64(a: Arr, b: Arr, ta = false, tb = false): Arr {
  const [m, k] = ta ? a.shape.slice(-2).reverse() : a.shape.slice(-2);
  const n = tb ? b.shape[b.shape.length - 2] : b.shape[b.shape.length - 1];
  const ba = size(a.shape.slice(0, -2));
  const bb = size(b.shape.slice(0, -2));
  const outer = (ba >= bb ? a : b).shape.slice(0, -2);
  const out = new Float64Array(Math.max(ba, bb) * m * n);
  for (let q = 0; q < Math.max(ba, bb); q++) {
    const ao = (ba === 1 ? 0 : q) * m * k;
    const bo = (bb === 1 ? 0 : q) * k * n;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let l = 0; l < k; l++) acc += a.data[ao + (ta ? l * m + i : i * k + l)] * b.data[bo + (tb ? j * k + l : l * n + j)];
        out[q * m * n + i * n + j] = acc;
      }
  }
  return { data: out, shape: [...outer, m, n] };
}

/** Float64 concat along `axis`. */
function concat64(xs: Arr[], axis: number): Arr {
  const shape = [...xs[0].shape];
  shape[axis] = xs.reduce((acc, x) => acc + x.shape[axis], 0);
  const outerN = size(shape.slice(0, axis));
  const out: number[] = [];
  for (let o = 0; o < outerN; o++) for (const x of xs) {
    const run = size(x.shape.slice(axis));
    out.push(...x.data.subarray(o * run, (o + 1) * run));
  }
  return { data: Float64Array.from(out), shape };
}

/** Float64 sum over `axes` (shape kept with 1s unless `squeeze`). */
function sum64(x: Arr, axes: number[], squeeze = false): Arr {
  const shape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const out = new Float64Array(size(shape));
  for (let i = 0; i < x.data.length; i++) {
    let r = i;
    let o = 0;
    let stride = 1;
    for (let ax = x.shape.length - 1; ax >= 0; ax--) {
      const c = r % x.shape[ax];
      r = Math.floor(r / x.shape[ax]);
      if (!axes.includes(ax)) o += c * stride;
      stride *= shape[ax];
    }
    out[o] += x.data[i];
  }
  return { data: out, shape: squeeze ? shape.filter((_, i) => !axes.includes(i)) : shape };
}

const f32 = (a: Arr): tf.Tensor => tf.tensor(Float32Array.from(a.data), a.shape);
const dot = (a: Float64Array, b: Float64Array): number => a.reduce((acc, v, i) => acc + v * b[i], 0);

async function tfGrads(backend: string, op: (...xs: tf.Tensor[]) => tf.Tensor, inputs: Arr[], g: Arr): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const gt = f32(g);
    return tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(op(...xs), gt)))(inputs.map(f32)).map((t) => t.dataSync() as Float32Array);
  });
}

/** wasm and cpu gradients of sum(G * op) vs central differences of the float64 reference. */
async function check(op: (...xs: tf.Tensor[]) => tf.Tensor, ref: (...xs: Arr[]) => Arr, inputs: Arr[]): Promise<void> {
  const g = random(ref(...inputs).shape);
  const results = [await tfGrads('wasm', op, inputs, g), await tfGrads('cpu', op, inputs, g)];
  await tf.setBackend('wasm');
  inputs.forEach((input, k) => {
    const loss = (x: Float64Array): number => dot(ref(...inputs.map((a, j) => (j === k ? { data: x, shape: a.shape } : a))).data, g.data);
    const fd = numericGradient(loss, Float64Array.from(input.data), 1e-5);
    for (const r of results) expect(maxRelativeError(r[k], fd)).toBeLessThan(2e-3);
  });
}

beforeAll(async () => {
  await initBackend({ threads: 2 });
  registerTrainingGradients({ override: true });
  registerTrainingKernels({ override: true });
});

describe('dense and matMul gradients match finite differences on wasm and cpu', () => {
  it('dense: x @ w + b', async () => {
    await check((x, w, b) => tf.add(tf.matMul(x, w), b), (x, w, b) => broadcast(matMul64(x, w), b, (p, q) => p + q), [random([5, 7]), random([7, 3]), random([3])]);
  });
  for (const [ta, tb] of [[true, false], [false, true], [true, true]]) {
    it(`matMul transposeA=${ta} transposeB=${tb}`, async () => {
      const a = random(ta ? [6, 4] : [4, 6]);
      const b = random(tb ? [5, 6] : [6, 5]);
      await check((x, y) => tf.matMul(x, y, ta, tb), (x, y) => matMul64(x, y, ta, tb), [a, b]);
    });
  }
  it('batched matMul with a broadcast right operand', async () => {
    await check((x, y) => tf.matMul(x, y), (x, y) => matMul64(x, y), [random([2, 3, 4]), random([4, 5])]);
  });
});

describe('element-wise, reduction and shape gradients match finite differences on wasm and cpu', () => {
  const binary: Array<[string, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, (x: number, y: number) => number]> = [
    ['add', tf.add, (x, y) => x + y],
    ['sub', tf.sub, (x, y) => x - y],
    ['mul', tf.mul, (x, y) => x * y],
    ['div', tf.div, (x, y) => x / y],
    ['maximum', tf.maximum, Math.max],
    ['minimum', tf.minimum, Math.min],
  ];
  for (const [name, op, f] of binary) {
    it(`${name} with broadcasting [2,3,4] and [4]`, async () => {
      await check(op, (a, b) => broadcast(a, b, f), [random([2, 3, 4]), random([4], 0.5, 1.5)]);
    });
  }
  const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
  const unary: Array<[string, (x: tf.Tensor) => tf.Tensor, (v: number) => number, number, number]> = [
    ['neg', tf.neg, (v) => -v, -1, 1],
    ['abs', tf.abs, Math.abs, -1, 1],
    ['square', tf.square, (v) => v * v, -1, 1],
    ['sqrt', tf.sqrt, Math.sqrt, 0.5, 2],
    ['exp', tf.exp, Math.exp, -1, 1],
    ['log', tf.log, Math.log, 0.5, 2],
    ['log1p', tf.log1p, Math.log1p, 0, 1],
    ['relu', tf.relu, (v) => Math.max(v, 0), -1, 1],
    ['relu6', tf.relu6, (v) => Math.min(Math.max(v, 0), 6), -2, 8],
    ['sigmoid', tf.sigmoid, sigmoid, -3, 3],
    ['tanh', tf.tanh, Math.tanh, -2, 2],
    ['softplus', tf.softplus, (v) => Math.log1p(Math.exp(v)), -3, 3],
    ['clipByValue', (x) => tf.clipByValue(x, -0.5, 0.5), (v) => Math.min(Math.max(v, -0.5), 0.5), -1, 1],
  ];
  for (const [name, op, f, low, high] of unary) {
    it(name, async () => {
      await check(op, (x) => map(x, f), [random([3, 7], low, high)]);
    });
  }
  it('sum and mean over axes, with and without keepDims', async () => {
    await check((x) => tf.sum(x, [0, 2]), (x) => sum64(x, [0, 2], true), [random([2, 3, 4])]);
    await check((x) => tf.sum(x, [0, 1], true), (x) => sum64(x, [0, 1]), [random([3, 2, 5])]);
    await check((x) => tf.mean(x, -1), (x) => map(sum64(x, [2], true), (v) => v / 4), [random([2, 3, 4])]);
    await check((x) => tf.sum(x, [0, 1]), (x) => sum64(x, [0, 1], true), [random([4, 3, 5])]);
  });
  it('concat along the last and the middle axis', async () => {
    const xs = [random([2, 3, 2]), random([2, 3, 4]), random([2, 3, 1])];
    await check((...t) => tf.concat(t, -1), (...a) => concat64(a, 2), xs);
    await check((...t) => tf.concat(t, 1), (...a) => concat64(a, 1), [random([2, 1, 3]), random([2, 4, 3])]);
  });
  it('reshape, transpose, tile and expandDims', async () => {
    const x = random([2, 3]);
    const transposed = (a: Arr): Arr => ({ data: Float64Array.from({ length: 6 }, (_, i) => a.data[(i % 2) * 3 + Math.floor(i / 2)]), shape: [3, 2] });
    await check((t) => tf.reshape(tf.transpose(t), [6]), (a) => ({ data: transposed(a).data, shape: [6] }), [x]);
    const tiled = (a: Arr): Arr => ({ data: Float64Array.from({ length: 24 }, (_, i) => a.data[(Math.floor(i / 6) % 2) * 3 + (i % 3)]), shape: [4, 6] });
    await check((t) => tf.tile(t, [2, 2]), tiled, [x]);
    await check((t) => tf.expandDims(t, 1), (a) => ({ data: a.data, shape: [2, 1, 3] }), [x]);
  });
  it('softmax, logSoftmax and where', async () => {
    const soft = (a: Arr): Arr => {
      const out = new Float64Array(a.data.length);
      for (let r = 0; r < a.shape[0]; r++) {
        const row = a.data.subarray(r * a.shape[1], (r + 1) * a.shape[1]);
        const z = row.reduce((acc, v) => acc + Math.exp(v), 0);
        row.forEach((v, j) => (out[r * a.shape[1] + j] = Math.exp(v) / z));
      }
      return { data: out, shape: a.shape };
    };
    await check((t) => tf.softmax(t), soft, [random([3, 5])]);
    await check((t) => tf.logSoftmax(t), (a) => map(soft(a), Math.log), [random([3, 5])]);
    const mask = tf.tensor2d([1, 0, 1, 0, 0, 1], [2, 3], 'bool');
    await check((a, b) => tf.where(mask, a, b), (a, b) => ({ data: a.data.map((v, i) => ([1, 0, 1, 0, 0, 1][i] ? v : b.data[i])), shape: a.shape }), [random([2, 3]), random([2, 3])]);
  });
});
