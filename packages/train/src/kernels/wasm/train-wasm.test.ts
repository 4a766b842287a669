import { describe, expect, it } from 'vitest';
import { createRng } from '@snn/ir';
import { QCFS, SoftLIFRate } from '@snn/neurons';
import type { ConvGeometry } from '../conv-geometry.js';
import { im2colTransposed } from '../im2col-transposed.js';
import { interleave } from '../polyphase-backprop-input.js';
import { qcfsBackward } from '../qcfs.js';
import { sumRows } from '../sum.js';
import { createTrainWasm } from './train-wasm.js';

const rng = createRng(3);

/** A bump allocator over a fresh memory, so the SIMD loops can be compared with the JS ones. */
function arena(shared: boolean): { memory: WebAssembly.Memory; alloc(n: number): [number, Float32Array] } {
  const memory = new WebAssembly.Memory({ initial: 64, maximum: 64, shared });
  let top = 16;
  return {
    memory,
    alloc(n) {
      const at = top;
      top += 4 * n + 16;
      return [at, new Float32Array(memory.buffer, at, n)];
    },
  };
}

const geometries: ConvGeometry[] = [
  { batch: 2, inH: 7, inW: 6, inC: 3, outH: 3, outW: 2, outC: 4, kH: 3, kW: 3, strideH: 2, strideW: 2, padTop: 0, padLeft: 0 },
  { batch: 2, inH: 5, inW: 5, inC: 5, outH: 5, outW: 5, outC: 2, kH: 3, kW: 3, strideH: 1, strideW: 1, padTop: 1, padLeft: 1 },
  { batch: 3, inH: 6, inW: 6, inC: 1, outH: 3, outW: 3, outC: 2, kH: 3, kW: 3, strideH: 2, strideW: 2, padTop: 0, padLeft: 0 },
];

for (const shared of [true, false]) {
  describe(`WebAssembly SIMD loops on ${shared ? 'shared' : 'unshared'} memory equal the JS loops`, () => {
    const simd = () => {
      const a = arena(shared);
      const w = createTrainWasm(a.memory);
      if (!w) throw new Error('WebAssembly SIMD unavailable');
      return { ...a, w };
    };

    it('im2colTransposed, every chunk split (shifted taps, row/image edges, padding)', () => {
      for (const g of geometries) {
        const { alloc, w } = simd();
        const [px, x] = alloc(g.batch * g.inH * g.inW * g.inC);
        x.forEach((_, i) => (x[i] = rng.uniform(-1, 1)));
        const pixels = g.batch * g.outH * g.outW;
        for (const chunk of [1, 4, 7, pixels]) {
          for (let p0 = 0; p0 < pixels; p0 += chunk) {
            const p1 = Math.min(pixels, p0 + chunk);
            const n = g.kH * g.kW * g.inC * (p1 - p0);
            const [po, got] = alloc(n);
            w.im2colTransposed(px, po, p0, p1, g);
            const want = new Float32Array(n);
            im2colTransposed(x, g, p0, p1, want);
            expect(Array.from(got)).toEqual(Array.from(want));
          }
        }
      }
    });

    it('interleave places each phase at its stride', () => {
      const g = geometries[0];
      const { alloc, w } = simd();
      const [ps, part] = alloc(g.batch * 3 * 3 * g.inC);
      part.forEach((_, i) => (part[i] = i + 1));
      const [pd, dx] = alloc(g.batch * g.inH * g.inW * g.inC);
      w.interleave(ps, pd, g, 1, 3, 0, 3);
      const want = new Float32Array(dx.length);
      interleave(part, g, 1, 3, 0, 3, want);
      expect(Array.from(dx)).toEqual(Array.from(want));
    });

    it('sumRows over more than one block of rows, with a ragged tail', () => {
      const { alloc, w } = simd();
      const rows = 700;
      const cols = 7;
      const [px, x] = alloc(rows * cols);
      x.forEach((_, i) => (x[i] = rng.uniform(-1, 1)));
      const [po, got] = alloc(cols);
      const [pb] = alloc(cols);
      w.sumRows(px, rows, cols, po, pb);
      const want = new Float32Array(cols);
      sumRows(x, rows, cols, want);
      for (let c = 0; c < cols; c++) expect(got[c]).toBeCloseTo(want[c], 4);
    });

    it('reluGrad passes dy where x > 0', () => {
      const { alloc, w } = simd();
      const n = 11;
      const [pdy, dy] = alloc(n);
      const [px, x] = alloc(n);
      dy.forEach((_, i) => (dy[i] = i + 1));
      x.forEach((_, i) => (x[i] = i % 3 === 0 ? -1 : i % 3 === 1 ? 0 : 2));
      const [po, out] = alloc(n);
      w.reluGrad(pdy, px, po, n);
      expect(Array.from(out)).toEqual(Array.from(dy, (v, i) => (x[i] > 0 ? v : 0)));
    });
  });
}

describe('dw_direct equals the filter gradient from im2col', () => {
  const cases: ConvGeometry[] = [
    { batch: 3, inH: 7, inW: 6, inC: 1, outH: 5, outW: 4, outC: 36, kH: 3, kW: 3, strideH: 1, strideW: 1, padTop: 0, padLeft: 0 },
    { batch: 2, inH: 5, inW: 5, inC: 2, outH: 3, outW: 3, outC: 8, kH: 3, kW: 3, strideH: 2, strideW: 2, padTop: 1, padLeft: 1 },
  ];
  for (const shared of [true, false]) {
    it(`on ${shared ? 'shared' : 'unshared'} memory, 32- and 4-channel blocks, stride and padding`, () => {
      for (const g of cases) {
        const { alloc, memory } = arena(shared);
        const w = createTrainWasm(memory)!;
        const [px, x] = alloc(g.batch * g.inH * g.inW * g.inC);
        const [pdy, dy] = alloc(g.batch * g.outH * g.outW * g.outC);
        x.forEach((_, i) => (x[i] = rng.uniform(-1, 1)));
        dy.forEach((_, i) => (dy[i] = rng.uniform(-1, 1)));
        const rows = g.kH * g.kW * g.inC;
        const [pdw, dw] = alloc(rows * g.outC);
        w.dwDirect(px, pdy, pdw, 0, 1, g);
        w.dwDirect(px, pdy, pdw, 1, g.batch, g);
        const pixels = g.batch * g.outH * g.outW;
        const colsT = new Float32Array(rows * pixels);
        im2colTransposed(x, g, 0, pixels, colsT);
        for (let r = 0; r < rows; r++)
          for (let co = 0; co < g.outC; co++) {
            let acc = 0;
            for (let p = 0; p < pixels; p++) acc += colsT[r * pixels + p] * dy[p * g.outC + co];
            expect(dw[r * g.outC + co]).toBeCloseTo(acc, 4);
          }
      }
    });
  }
});

describe('transpose2d equals a plain transpose', () => {
  for (const shared of [true, false]) {
    it(`on ${shared ? 'shared' : 'unshared'} memory, tiles, SIMD blocks and ragged edges`, () => {
      for (const [rows, cols] of [[1, 9], [4, 4], [5, 7], [33, 65], [64, 37]]) {
        const { alloc, memory } = arena(shared);
        const w = createTrainWasm(memory)!;
        const [ps, src] = alloc(rows * cols);
        src.forEach((_, i) => (src[i] = i + 1));
        const [pd, dst] = alloc(rows * cols);
        w.transpose2d(ps, pd, rows, cols);
        const want = Array.from({ length: rows * cols }, (_, i) => src[(i % rows) * cols + Math.floor(i / rows)]);
        expect(Array.from(dst)).toEqual(want);
      }
    });
  }
});

describe('soft_lif equals the float64 SoftLIFRate curve and its derivative', () => {
  for (const shared of [true, false]) {
    it(`on ${shared ? 'shared' : 'unshared'} memory, every branch (js <= -20, softplus, js > 30), ragged tails`, () => {
      for (const sigma of [1, 0.05, 0.02, 0.001]) {
        const params = { sigma, tauRc: 0.02, tauRef: 0.002, amplitude: 0.01 };
        for (const n of [1, 7, 4003]) {
          const { alloc, memory } = arena(shared);
          const w = createTrainWasm(memory)!;
          const [pj, J] = alloc(n);
          // currents around threshold on the scale of sigma, far below, far above, and the branch edges
          J.forEach((_, i) => (J[i] = i % 5 === 0 ? 1 + sigma * rng.uniform(-25, 35) : rng.uniform(-40, 40)));
          if (n > 3) [J[0], J[1], J[2]] = [1 - 20 * sigma, 1 + 30 * sigma, 1];
          const [pr, rate] = alloc(n);
          const [pd, deriv] = alloc(n);
          w.softLif(pj, pr, pd, n, sigma, params.tauRc, params.tauRef, params.amplitude);
          const wantRate = new Float32Array(n);
          const wantDeriv = new Float32Array(n);
          SoftLIFRate.rates(J, wantRate, params);
          SoftLIFRate.ratesDerivative!(J, wantDeriv, params);
          for (let i = 0; i < n; i++) {
            expect(Math.abs(rate[i] - wantRate[i]) / wantRate[i], `rate at J=${J[i]}, sigma=${sigma}`).toBeLessThan(2e-6);
            expect(Math.abs(deriv[i] - wantDeriv[i]) / Math.max(wantDeriv[i], 1e-30), `derivative at J=${J[i]}, sigma=${sigma}`).toBeLessThan(4e-6);
          }
        }
      }
    });
  }
});

describe('qcfs and qcfs_grad equal the JS QCFS loops', () => {
  for (const shared of [true, false]) {
    it(`on ${shared ? 'shared' : 'unshared'} memory: every region, step edges, NaN, ragged tails, aliased output`, () => {
      for (const [levels, threshold, amplitude] of [[8, 2.4614, 1], [4, 0.5, 0.37], [1, 3, 2]]) {
        const attrs = { levels, threshold, amplitude };
        for (const n of [1, 3, 7, 4003]) {
          const { alloc, memory } = arena(shared);
          const w = createTrainWasm(memory)!;
          const [pj, J] = alloc(n);
          const [pg, dy] = alloc(n);
          // below, inside and above the staircase, exactly on step edges (J = (k - 1/2) λ/L), and NaN
          J.forEach((_, i) => (J[i] = i % 3 === 0 ? ((Math.floor(rng.uniform(-2, levels + 3)) - 0.5) * threshold) / levels : rng.uniform(-threshold, 2 * threshold)));
          if (n > 5) J[5] = Number.NaN;
          dy.forEach((_, i) => (dy[i] = rng.uniform(-1, 1)));
          const [pr, rate] = alloc(n);
          const wantRate = new Float32Array(n);
          w.qcfs(pj, pr, n, levels, threshold, amplitude);
          QCFS.rates(J, wantRate, attrs);
          expect(Array.from(rate)).toEqual(Array.from(wantRate));
          const [pdx, dx] = alloc(n);
          const wantDx = new Float32Array(n);
          const sum = w.qcfsGrad(pg, pj, pdx, n, levels, threshold, amplitude);
          const wantSum = qcfsBackward(dy, J, wantDx, attrs);
          expect(Array.from(dx)).toEqual(Array.from(wantDx));
          expect(Math.abs(sum - wantSum)).toBeLessThan(1e-12 * n);
          // in place: rates over the currents, dx over dy
          const copy = Float32Array.from(J);
          w.qcfs(pj, pj, n, levels, threshold, amplitude);
          expect(Array.from(J)).toEqual(Array.from(wantRate));
          J.set(copy);
          w.qcfsGrad(pg, pj, pg, n, levels, threshold, amplitude);
          expect(Array.from(dy)).toEqual(Array.from(wantDx));
        }
      }
    });
  }
});
