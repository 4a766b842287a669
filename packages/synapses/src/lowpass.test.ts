import { describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { filterSeries } from './filt.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import { linearFilter } from './linear-filter.js';
import { lowpass } from './lowpass.js';
import { linearFilterSpec, lowpassSpec } from './spec.js';

const dt = 0.001;
const step = (n: number): number[] => new Array<number>(n).fill(1);

describe('lowpass', () => {
  it('filt of a unit step gives the spec §1.3 row shifted left by one', () => {
    const y = filterSeries(lowpass.discretize(lowpassSpec(0.01), dt), step(5));
    const expected = [0.095162582, 0.1812692469, 0.2591817793, 0.329679954, 0.3934693403];
    expected.forEach((v, i) => expect(Math.abs(y[i] - v)).toBeLessThan(1e-7));
  });

  it('matches the analytic step response 1 - exp(-(t+1) dt/tau) over 2000 steps', () => {
    const tau = 0.005;
    const y = filterSeries(lowpass.discretize(lowpassSpec(tau), dt), step(2000));
    let worst = 0;
    y.forEach((v, t) => (worst = Math.max(worst, Math.abs(v - (1 - Math.exp(-((t + 1) * dt) / tau))))));
    expect(worst).toBeLessThan(1e-6);
  });

  it('uses a = exp(-dt/tau), b = 1 - a (spec §4 numbers)', () => {
    const k = lowpass.discretize(lowpassSpec(0.01), dt) as LinearKernel;
    expect(k.form).toBe('oneX');
    expect(k.order).toBe(1);
    expect(k.system.A[0][0]).toBeCloseTo(0.904837418, 10);
    expect(k.system.B[0]).toBeCloseTo(0.095162582, 10);
    const k5 = lowpass.discretize(lowpassSpec(0.005), dt) as LinearKernel;
    expect(k5.system.A[0][0]).toBeCloseTo(0.8187307531, 10);
  });

  it('equals linearFilter num [1], den [0.01, 1] (ZOH through expm)', () => {
    const lp = lowpass.discretize(lowpassSpec(0.01), dt) as LinearKernel;
    const lf = linearFilter.discretize(linearFilterSpec([1], [0.01, 1]), dt) as LinearKernel;
    expect(lf.form).toBe('oneX');
    // The closed form and expm agree to float64 rounding ...
    expect(Math.abs(lf.system.A[0][0] - lp.system.A[0][0])).toBeLessThan(1e-15);
    expect(Math.abs(lf.system.C[0] * lf.system.B[0] - lp.system.B[0])).toBeLessThan(1e-15);
    // ... so the float32 outputs agree to the last bit or within one float32 rounding.
    const u = Array.from({ length: 500 }, (_, t) => Math.sin(t / 7) + (t % 13 === 0 ? 1000 : 0));
    const a = filterSeries(lp, u);
    const b = filterSeries(lf, u);
    a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(Math.abs(v) * 2 ** -23));
  });

  it('gives the same result when the output aliases the state (fast path)', () => {
    const k = lowpass.discretize(lowpassSpec(0.02), dt);
    const n = 67; // not a multiple of 8: exercises the unrolled body and the tail
    const u = Float32Array.from({ length: n }, (_, i) => i - 20);
    const s1 = k.initState(n);
    const y1 = new Float32Array(n);
    const s2 = k.initState(n);
    for (let t = 0; t < 10; t++) {
      k.step(u, y1, s1);
      k.step(u, s2, s2);
    }
    expect(Array.from(s2)).toEqual(Array.from(y1));
  });

  it.each([
    [0, 'params.tau'],
    [-0.01, 'params.tau'],
    [Number.POSITIVE_INFINITY, 'params.tau'],
    [Number.NaN, 'params.tau'],
  ])('rejects tau = %s with SYNAPSE_INVALID_PARAM naming %s', (tau, field) => {
    try {
      lowpass.discretize(lowpassSpec(tau), dt);
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_INVALID_PARAM')).toBe(true);
      expect((e as Error).message).toContain(field);
      expect((e as Error).message).toContain('lowpass');
    }
  });

  it('rejects a missing tau, a misspelt parameter and a bad dt', () => {
    expect(() => lowpass.discretize({ type: 'lowpass' }, dt)).toThrow(/params\.tau: missing/);
    expect(() => lowpass.discretize({ type: 'lowpass', params: { tau: 0.01, tua: 1 } }, dt)).toThrow(
      /params\.tua: unknown parameter/,
    );
    expect(() => lowpass.discretize(lowpassSpec(0.01), 0)).toThrow(/dt: time step/);
  });
});
