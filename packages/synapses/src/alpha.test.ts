import { describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { alpha } from './alpha.js';
import { filterSeries } from './filt.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import { linearFilter } from './linear-filter.js';
import { alphaSpec, linearFilterSpec } from './spec.js';

const dt = 0.001;

describe('alpha', () => {
  const kernel = alpha.discretize(alphaSpec(0.01), dt) as LinearKernel;

  it('runs the two-state NoD form', () => {
    expect(kernel.form).toBe('noD');
    expect(kernel.order).toBe(2);
    expect(kernel.system.D).toBe(0);
  });

  it('has the spec §4 difference-equation coefficients (tau=0.01, dt=0.001)', () => {
    const { A, B, C } = kernel.system;
    // For a 2x2 system, H(z) = (CB z + C(A - tr(A) I)B) / (z^2 - tr(A) z + det(A)).
    const tr = A[0][0] + A[1][1];
    const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
    const cb = C[0] * B[0] + C[1] * B[1];
    const ab0 = A[0][0] * B[0] + A[0][1] * B[1] - tr * B[0];
    const ab1 = A[1][0] * B[0] + A[1][1] * B[1] - tr * B[1];
    const b1 = C[0] * ab0 + C[1] * ab1;
    expect(Math.abs(tr - 1.809674836072)).toBeLessThan(1e-12);
    expect(Math.abs(det - 0.818730753078)).toBeLessThan(1e-12);
    expect(Math.abs(cb - 0.00467884016)).toBeLessThan(1e-12);
    expect(Math.abs(b1 - 0.004377076846)).toBeLessThan(1e-12);
    // and the closed forms b0 = 1 - a - r a, b1 = a^2 - a + r a
    const a = Math.exp(-0.1);
    expect(Math.abs(cb - (1 - a - 0.1 * a))).toBeLessThan(1e-15);
    expect(Math.abs(b1 - (a * a - a + 0.1 * a))).toBeLessThan(1e-15);
  });

  it('filt of a unit step gives the spec §1.3 Alpha row shifted left by one', () => {
    const y = filterSeries(kernel, new Array<number>(5).fill(1));
    const expected = [0.0046788402, 0.0175230963, 0.0369363131, 0.0615519356, 0.0902040104];
    expected.forEach((v, i) => expect(Math.abs(y[i] - v)).toBeLessThan(1e-8));
  });

  it('filt of an impulse 1/dt at step 0 gives 4.6788402, 12.8442561, 19.4132168, 24.6156224', () => {
    const u = new Array<number>(4).fill(0);
    u[0] = 1 / dt;
    const y = filterSeries(kernel, u);
    [4.6788402, 12.8442561, 19.4132168, 24.6156224].forEach((v, i) => expect(Math.abs(y[i] - v)).toBeLessThan(1e-6));
  });

  it('matches the analytic step response 1 - (1 + t/tau) exp(-t/tau) at t = (k+1) dt', () => {
    const tau = 0.02;
    const y = filterSeries(alpha.discretize(alphaSpec(tau), dt), new Array<number>(1000).fill(1));
    let worst = 0;
    y.forEach((v, k) => {
      const t = (k + 1) * dt;
      worst = Math.max(worst, Math.abs(v - (1 - (1 + t / tau) * Math.exp(-t / tau))));
    });
    expect(worst).toBeLessThan(1e-6);
  });

  it('equals linearFilter of 1/(tau s + 1)^2 exactly', () => {
    const tau = 0.01;
    const lf = linearFilter.discretize(linearFilterSpec([1], [tau * tau, 2 * tau, 1]), dt) as LinearKernel;
    expect(lf.form).toBe('noD');
    expect(lf.system).toEqual(kernel.system);
    const u = Array.from({ length: 300 }, (_, t) => Math.cos(t / 5) * 3);
    expect(Array.from(filterSeries(lf, u))).toEqual(Array.from(filterSeries(kernel, u)));
  });

  it('rejects tau <= 0 naming params.tau', () => {
    expect(() => alpha.discretize(alphaSpec(-1), dt)).toThrow(/alpha synapse, params\.tau/);
    try {
      alpha.discretize(alphaSpec(0), dt);
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_INVALID_PARAM')).toBe(true);
    }
  });
});
