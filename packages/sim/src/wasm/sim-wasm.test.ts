import { describe, expect, it } from 'vitest';
import { createRng } from '@snn/ir';
import { collectActive } from '../kernels/collect-active.js';
import { scatterConv } from '../kernels/scatter-conv.js';
import { scatterDense } from '../kernels/scatter-dense.js';
import { convGeometry } from '../build-plan.js';
import { convTapTables } from '../kernels/conv-taps.js';
import { KernelArena, simWasm } from './sim-wasm.js';

const arena = new KernelArena();
const allocKernelArray = (n: number) => arena.array(n);
const allocKernelIndex = (n: number) => arena.index(n);
const copyToKernelMemory = (a: Float32Array) => arena.copy(a);

const wasm = simWasm();

/** Sparse spike-like data: about `density` of the entries nonzero, with values 1000 or 2000. */
function sparse(n: number, density: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const a = allocKernelArray(n);
  for (let i = 0; i < n; i++) if (rng.next() < density) a[i] = rng.next() < 0.9 ? 1000 : 2000;
  return a;
}

describe('the WebAssembly SIMD kernels of the simulator', () => {
  it('are available in Node 20 (shared memory + SIMD)', () => {
    expect(wasm).toBeDefined();
  });

  it('collect_active lists exactly what the JS kernel lists, for every length mod 8', () => {
    for (const n of [0, 1, 7, 8, 9, 1000, 4099]) {
      const values = sparse(n, 0.07, n);
      const [i1, v1, i2, v2] = [allocKernelIndex(n), allocKernelArray(n), new Int32Array(n), new Float32Array(n)];
      const count = wasm!.collectActive(n, wasm!.offsetOf(values), wasm!.offsetOf(i1), wasm!.offsetOf(v1));
      expect(count).toBe(collectActive(values, n, i2, v2));
      expect(Array.from(i1.subarray(0, count))).toEqual(Array.from(i2.subarray(0, count)));
      expect(Array.from(v1.subarray(0, count))).toEqual(Array.from(v2.subarray(0, count)));
    }
  });

  it('scatter_dense and scatter_conv equal the JS kernels to float32 rounding', () => {
    const rng = createRng(3);
    // dense 300 -> 37 (a tail after the 4-wide part), batch 3
    const spikes = sparse(900, 0.1, 1);
    const idx = allocKernelIndex(900);
    const val = allocKernelArray(900);
    const count = wasm!.collectActive(900, wasm!.offsetOf(spikes), wasm!.offsetOf(idx), wasm!.offsetOf(val));
    const w = copyToKernelMemory(rng.fillUniform(new Float32Array(300 * 37), -1, 1));
    const outW = allocKernelArray(3 * 37);
    const outJ = new Float32Array(3 * 37);
    wasm!.scatterDense(count, wasm!.offsetOf(idx), wasm!.offsetOf(val), wasm!.offsetOf(w), 300, 37, wasm!.offsetOf(outW));
    scatterDense(idx, val, count, w, 300, 37, outJ);
    outJ.forEach((v, i) => expect(outW[i]).toBeCloseTo(v, 1));
    // conv 9x11x5 -> kernel 3x3, 12 channels (per-entry kernel) or 32 (per-pixel kernel),
    // stride 2 with same padding and stride 1 valid, batch 2
    const cases = [[[2, 2], 'same', 12], [[1, 1], 'valid', 12], [[2, 2], 'same', 32], [[1, 1], 'valid', 32]] as const;
    for (const [strides, padding, cOut] of cases) {
      const inShape = [9, 11, 5];
      const outShape = padding === 'same' ? [5, 6, cOut] : [7, 9, cOut];
      const g = convGeometry([3, 3, 5, cOut], strides, padding, inShape, outShape);
      const s = sparse(2 * 495, 0.2, 2);
      const ci = allocKernelIndex(990);
      const cv = allocKernelArray(990);
      const n = wasm!.collectActive(990, wasm!.offsetOf(s), wasm!.offsetOf(ci), wasm!.offsetOf(cv));
      const k = copyToKernelMemory(rng.fillUniform(new Float32Array(9 * 5 * cOut), -1, 1));
      const outSize = 2 * outShape[0] * outShape[1] * cOut;
      const o1 = allocKernelArray(outSize);
      const o2 = new Float32Array(outSize);
      const taps = convTapTables(g);
      const rows = allocKernelIndex(taps.rows.length);
      const cols = allocKernelIndex(taps.cols.length);
      rows.set(taps.rows);
      cols.set(taps.cols);
      wasm!.scatterConv(n, wasm!.offsetOf(ci), wasm!.offsetOf(cv), wasm!.offsetOf(k), wasm!.offsetOf(o1), wasm!.offsetOf(rows), wasm!.offsetOf(cols), g.h, g.w, g.c, g.outH, g.outW, g.outC, taps.rowStride, taps.colStride);
      scatterConv(ci, cv, n, k, g, o2);
      let maxAbs = 0;
      let maxDiff = 0;
      o2.forEach((v, i) => ((maxAbs = Math.max(maxAbs, Math.abs(v))), (maxDiff = Math.max(maxDiff, Math.abs(v - o1[i])))));
      expect(maxAbs).toBeGreaterThan(100);
      expect(maxDiff / maxAbs).toBeLessThan(1e-6);
    }
  });

  it('gain_bias and lowpass compute J = g x + b and y = a y + b u', () => {
    const x = copyToKernelMemory(Float32Array.from({ length: 2 * 7 }, (_, i) => i - 3));
    const g = copyToKernelMemory(Float32Array.from({ length: 7 }, (_, i) => 0.5 + i));
    const b = copyToKernelMemory(Float32Array.from({ length: 7 }, (_, i) => -i));
    const J = allocKernelArray(14);
    wasm!.gainBias(14, 7, wasm!.offsetOf(x), wasm!.offsetOf(g), wasm!.offsetOf(b), wasm!.offsetOf(J));
    J.forEach((v, i) => expect(v).toBe(Math.fround(Math.fround(g[i % 7] * x[i]) + b[i % 7])));
    const y = copyToKernelMemory(Float32Array.of(1, 2, 3, 4, 5));
    const u = copyToKernelMemory(Float32Array.of(10, 10, 10, 10, 10));
    wasm!.lowpass(5, wasm!.offsetOf(u), wasm!.offsetOf(y), 0.9, 0.1);
    expect(Array.from(y)).toEqual([1, 2, 3, 4, 5].map((v) => Math.fround(Math.fround(Math.fround(0.9) * v) + Math.fround(Math.fround(0.1) * 10))));
    expect(Array.from(u)).toEqual([0, 0, 0, 0, 0]); // consumed: the next scatter adds into zeros
  });

  it('scatter_dense adds entry by entry in float32, in list order, for narrow rows (4-16 outputs in registers) too', () => {
    const rng = createRng(8);
    for (const nOut of [1, 3, 4, 10, 13, 16, 17]) {
      const nIn = 50;
      const batch = 4;
      const spikes = sparse(batch * nIn, 0.3, nOut);
      const idx = allocKernelIndex(batch * nIn);
      const val = allocKernelArray(batch * nIn);
      const count = wasm!.collectActive(batch * nIn, wasm!.offsetOf(spikes), wasm!.offsetOf(idx), wasm!.offsetOf(val));
      const w = allocKernelArray(nIn * nOut + 3);
      w.set(rng.fillUniform(new Float32Array(nIn * nOut), -1, 1));
      const out = copyToKernelMemory(rng.fillUniform(new Float32Array(batch * nOut + 4), -1, 1));
      const expected = Float32Array.from(out);
      for (let k = 0; k < count; k++) {
        const [b, i] = [Math.floor(idx[k] / nIn), idx[k] % nIn];
        for (let o = 0; o < nOut; o++) expected[b * nOut + o] = Math.fround(expected[b * nOut + o] + Math.fround(val[k] * w[i * nOut + o]));
      }
      wasm!.scatterDense(count, wasm!.offsetOf(idx), wasm!.offsetOf(val), wasm!.offsetOf(w), nIn, nOut, wasm!.offsetOf(out));
      expect(count).toBeGreaterThan(batch * nIn * 0.2);
      expect(Array.from(out)).toEqual(Array.from(expected)); // the 4 floats after the last row untouched too
    }
  });

  it('filtered_currents equals add_bias then gain_bias bit for bit, after the lowpass step when given u', () => {
    const rng = createRng(5);
    for (const [size, m] of [[12 * 5, 12], [64 * 3 + 2 * 4, 8], [8, 8]] as const) {
      const n = 3 * size;
      const z = copyToKernelMemory(rng.fillUniform(new Float32Array(n), -2, 3));
      const t = copyToKernelMemory(rng.fillUniform(new Float32Array(m), -1, 1));
      const g = copyToKernelMemory(rng.fillUniform(new Float32Array(size), 10, 200));
      const b = copyToKernelMemory(rng.fillUniform(new Float32Array(size), -5, 5));
      const value = copyToKernelMemory(z);
      const expected = allocKernelArray(n);
      wasm!.addBias(n, m, wasm!.offsetOf(value), wasm!.offsetOf(t));
      wasm!.gainBias(n, size, wasm!.offsetOf(value), wasm!.offsetOf(g), wasm!.offsetOf(b), wasm!.offsetOf(expected));
      const J = allocKernelArray(n);
      wasm!.filteredCurrents(n, size, m, wasm!.offsetOf(z), -1, 0, 0, wasm!.offsetOf(t), wasm!.offsetOf(g), wasm!.offsetOf(b), wasm!.offsetOf(J));
      expect(Array.from(J)).toEqual(Array.from(expected));
      expect(J[n - 1]).toBe(Math.fround(Math.fround(g[size - 1] * Math.fround(z[n - 1] + t[(size - 1) % m])) + b[size - 1]));
      // with the lowpass step first: as lowpass(), then the above
      const u = copyToKernelMemory(rng.fillUniform(new Float32Array(n), 0, 50));
      const [zLp, uLp] = [copyToKernelMemory(z), copyToKernelMemory(u)];
      wasm!.lowpass(n, wasm!.offsetOf(uLp), wasm!.offsetOf(zLp), 0.8, 0.2);
      const valueLp = copyToKernelMemory(zLp);
      wasm!.addBias(n, m, wasm!.offsetOf(valueLp), wasm!.offsetOf(t));
      wasm!.gainBias(n, size, wasm!.offsetOf(valueLp), wasm!.offsetOf(g), wasm!.offsetOf(b), wasm!.offsetOf(expected));
      wasm!.filteredCurrents(n, size, m, wasm!.offsetOf(z), wasm!.offsetOf(u), 0.8, 0.2, wasm!.offsetOf(t), wasm!.offsetOf(g), wasm!.offsetOf(b), wasm!.offsetOf(J));
      expect(Array.from(J)).toEqual(Array.from(expected));
      expect(Array.from(z)).toEqual(Array.from(zLp));
      expect(u.every((x) => x === 0)).toBe(true);
    }
  });

  it('add_bias adds the bias per sample (64 and 7 channels: SIMD and scalar tails)', () => {
    for (const size of [64, 7]) {
      const out = copyToKernelMemory(Float32Array.from({ length: 3 * size }, (_, i) => Math.fround(0.1 * i - 2)));
      const expected = Float32Array.from(out);
      const b = copyToKernelMemory(Float32Array.from({ length: size }, (_, i) => Math.fround(1 / (i + 3))));
      for (let i = 0; i < expected.length; i++) expected[i] = Math.fround(expected[i] + b[i % size]);
      wasm!.addBias(3 * size, size, wasm!.offsetOf(out), wasm!.offsetOf(b));
      expect(Array.from(out)).toEqual(Array.from(expected));
    }
  });
});
