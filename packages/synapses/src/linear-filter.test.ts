import { describe, expect, it } from 'vitest';
import { createRng, isSnnError } from '@snn/ir';
import { filterSeries } from './filt.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import { linearFilter } from './linear-filter.js';
import { linearFilterSpec } from './spec.js';

const dt = 0.001;
type Mat = number[][];

// ---- independent float64 reference: observable canonical form + Taylor expm ----

const matmul = (X: Mat, Y: Mat): Mat => X.map((row) => Y[0].map((_, j) => row.reduce((s, v, k) => s + v * Y[k][j], 0)));

/** exp(M) by scaling and squaring with a long Taylor series (not mathjs's Padé). */
function expmTaylor(M: Mat): Mat {
  const norm = Math.max(...M.map((r) => r.reduce((s, v) => s + Math.abs(v), 0)));
  const sq = Math.max(0, Math.ceil(Math.log2(norm / 0.25)));
  const S = M.map((r) => r.map((v) => v / 2 ** sq));
  let E: Mat = S.map((r, i) => r.map((_, j) => (i === j ? 1 : 0)));
  let term: Mat = E;
  for (let k = 1; k <= 30; k++) {
    term = matmul(term, S).map((r) => r.map((v) => v / k));
    E = E.map((r, i) => r.map((v, j) => v + term[i][j]));
  }
  for (let i = 0; i < sq; i++) E = matmul(E, E);
  return E;
}

/** Observable canonical realization of num/den, ZOH-discretized with expmTaylor. */
function referenceSystem(num: number[], den: number[]) {
  const d = den.map((v) => v / den[0]);
  const m = d.length - 1;
  const n = [...new Array<number>(d.length - num.length).fill(0), ...num.map((v) => v / den[0])];
  const D = n[0];
  const A: Mat = Array.from({ length: m }, (_, r) => Array.from({ length: m }, (_, c) => (c === 0 ? -d[r + 1] : c === r + 1 ? 1 : 0)));
  const B = Array.from({ length: m }, (_, r) => n[r + 1] - D * d[r + 1]);
  const C = Array.from({ length: m }, (_, c) => (c === 0 ? 1 : 0));
  const block: Mat = Array.from({ length: m + 1 }, (_, r) =>
    Array.from({ length: m + 1 }, (_, c) => (r === m ? 0 : c < m ? A[r][c] * dt : B[r] * dt)),
  );
  const E = expmTaylor(block);
  return { Ad: E.slice(0, m).map((r) => r.slice(0, m)), Bd: E.slice(0, m).map((r) => r[m]), C, D };
}

/** Float64 simulation in Nengo's step forms (NoD when D = 0, General otherwise). */
function referenceFilt(num: number[], den: number[], u: number[]): number[] {
  const { Ad, Bd, C, D } = referenceSystem(num, den);
  let x = new Array<number>(Bd.length).fill(0);
  const advance = (ut: number) => Ad.map((row, k) => row.reduce((s, a, j) => s + a * x[j], Bd[k] * ut));
  const out = (ut: number) => C.reduce((s, c, k) => s + c * x[k], D * ut);
  return u.map((ut) => {
    if (D === 0) {
      x = advance(ut);
      return out(0);
    }
    const y = out(ut);
    x = advance(ut);
    return y;
  });
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
};

const noise = (n: number, seed: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.uniform(-1, 1));
};

// Third-order Butterworth low-pass, cutoff wc = 2*pi*50 rad/s: den = (s/wc)^3 + 2(s/wc)^2 + 2(s/wc) + 1.
const wc = 2 * Math.PI * 50;
const butterDen = [1 / wc ** 3, 2 / wc ** 2, 2 / wc, 1];

describe('linearFilter', () => {
  it('highpass-like lead num [0.01, 0], den [0.01, 1] runs the General form', () => {
    const k = linearFilter.discretize(linearFilterSpec([0.01, 0], [0.01, 1]), dt) as LinearKernel;
    expect(k.form).toBe('general');
    expect(k.system.D).toBe(1);
    // ZOH is exact for a step: y[t] = exp(-t dt / tau) (y[0] = D = 1 passes straight through).
    const y = filterSeries(k, new Array<number>(200).fill(1));
    expect(maxAbsDiff(y, Array.from({ length: 200 }, (_, t) => Math.exp(-t / 10)))).toBeLessThan(1e-6);
  });

  it('General form matches a float64 reference simulation on noise (num [1, 0], den [0.01, 1], |D| = 100)', () => {
    const num = [1, 0];
    const den = [0.01, 1];
    const u = noise(1000, 1);
    const y = filterSeries(linearFilter.discretize(linearFilterSpec(num, den), dt), u);
    const ref = referenceFilt(num, den, u);
    // outputs reach ~100 here, so compare relative to the signal size (float32 state)
    expect(maxAbsDiff(y, ref) / Math.max(...ref.map(Math.abs))).toBeLessThan(1e-6);
  });

  it('3rd-order Butterworth (NoD, generic loop) matches the float64 reference and the analytic step response', () => {
    const k = linearFilter.discretize(linearFilterSpec([1], butterDen), dt) as LinearKernel;
    expect(k.form).toBe('noD');
    expect(k.order).toBe(3);
    const u = noise(2000, 2);
    expect(maxAbsDiff(filterSeries(k, u), referenceFilt([1], butterDen, u))).toBeLessThan(1e-6);
    // normalized 3rd-order Butterworth step response: 1 - e^-x - (2/sqrt3) e^(-x/2) sin(sqrt3 x / 2), x = wc t
    const y = filterSeries(k, new Array<number>(300).fill(1));
    const analytic = Array.from({ length: 300 }, (_, t) => {
      const x = wc * (t + 1) * dt;
      return 1 - Math.exp(-x) - (2 / Math.sqrt(3)) * Math.exp(-x / 2) * Math.sin((Math.sqrt(3) * x) / 2);
    });
    expect(maxAbsDiff(y, analytic)).toBeLessThan(1e-6);
  });

  it('3rd-order filter with feedthrough (General, generic loop) matches the float64 reference', () => {
    const num = [0.5 / wc ** 3, 1 / wc ** 2, 0, 1];
    const k = linearFilter.discretize(linearFilterSpec(num, butterDen), dt) as LinearKernel;
    expect(k.form).toBe('general');
    const u = noise(2000, 3);
    expect(maxAbsDiff(filterSeries(k, u), referenceFilt(num, butterDen, u))).toBeLessThan(1e-6);
  });

  it('4th-order filter (two cascaded alphas) matches the float64 reference', () => {
    const tau = 0.005;
    const alpha2 = [tau * tau, 2 * tau, 1];
    const den = [
      alpha2[0] * alpha2[0],
      2 * alpha2[0] * alpha2[1],
      alpha2[1] * alpha2[1] + 2 * alpha2[0] * alpha2[2],
      2 * alpha2[1] * alpha2[2],
      1,
    ];
    const u = noise(1000, 4);
    expect(maxAbsDiff(filterSeries(linearFilter.discretize(linearFilterSpec([1], den), dt), u), referenceFilt([1], den, u))).toBeLessThan(1e-6);
  });

  it('a constant denominator is stateless: y = D u (NoX)', () => {
    const k = linearFilter.discretize(linearFilterSpec([3], [2]), dt) as LinearKernel;
    expect(k.form).toBe('noX');
    expect(k.order).toBe(0);
    expect(Array.from(filterSeries(k, [1, -2, 4]))).toEqual([1.5, -3, 6]);
  });

  it('analog = 0 takes z-domain coefficients as they are: 0.1/(z - 0.9) is y[t] = 0.9 y[t-1] + 0.1 u[t]', () => {
    const k = linearFilter.discretize(linearFilterSpec([0.1], [1, -0.9], { analog: false }), dt) as LinearKernel;
    expect(k.form).toBe('oneX');
    const u = noise(100, 5);
    let prev = 0;
    const ref = u.map((ut) => (prev = 0.9 * prev + 0.1 * ut));
    expect(maxAbsDiff(filterSeries(k, u), ref)).toBeLessThan(1e-6);
  });

  it('rejects an improper transfer function with SYNAPSE_IMPROPER naming arrays.num', () => {
    try {
      linearFilter.discretize(linearFilterSpec([1, 0, 0], [0.01, 1]), dt);
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_IMPROPER')).toBe(true);
      expect((e as Error).message).toMatch(/arrays\.num: improper transfer function, numerator degree 2 exceeds denominator degree 1/);
    }
  });

  it('rejects den[0] = 0, missing or non-finite coefficients and a bad analog flag, naming the field', () => {
    const bad = (spec: Parameters<typeof linearFilter.discretize>[0], re: RegExp) => {
      try {
        linearFilter.discretize(spec, dt);
        expect.unreachable();
      } catch (e) {
        expect(isSnnError(e, 'SYNAPSE_INVALID_PARAM')).toBe(true);
        expect((e as Error).message).toMatch(re);
      }
    };
    bad(linearFilterSpec([1], [0, 1]), /arrays\.den\[0\]: leading denominator coefficient must be nonzero/);
    bad({ type: 'linearFilter', arrays: { num: [1] } }, /arrays\.den: missing/);
    bad(linearFilterSpec([1], []), /arrays\.den: must hold at least one/);
    bad(linearFilterSpec([Number.NaN], [1, 1]), /arrays\.num\[0\]: coefficient must be a finite number/);
    bad({ type: 'linearFilter', params: { analog: 2 }, arrays: { num: [1], den: [1, 1] } }, /params\.analog: flag must be 0 or 1/);
    bad({ type: 'linearFilter', arrays: { num: [1], den: [1, 1], nun: [1] } }, /arrays\.nun: unknown array/);
  });
});
