import { describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { tf2ss } from './state-space.js';
import { zohDiscretize } from './zoh.js';

describe('tf2ss (scipy.signal.tf2ss)', () => {
  it('gives scipy\'s controllable canonical form for (s^2 + 3s + 3)/(s^2 + 2s + 1)', () => {
    // scipy docs example: A = [[-2, -1], [1, 0]], B = [[1], [0]], C = [[1, 2]], D = [[1]]
    expect(tf2ss([1, 3, 3], [1, 2, 1])).toEqual({ A: [[-2, -1], [1, 0]], B: [1, 0], C: [1, 2], D: 1 });
  });

  it('normalizes by den[0] and pads the numerator', () => {
    // 1/(0.01 s + 1) = 100/(s + 100)
    expect(tf2ss([1], [0.01, 1])).toEqual({ A: [[-100]], B: [1], C: [100], D: 0 });
  });

  it('drops leading numerator zeros before the properness check', () => {
    expect(tf2ss([0, 0, 2], [1, 4])).toEqual({ A: [[-4]], B: [1], C: [2], D: 0 });
  });

  it('a constant denominator gives no state', () => {
    expect(tf2ss([6], [3])).toEqual({ A: [], B: [], C: [], D: 2 });
  });

  it('rejects improper transfer functions', () => {
    expect(() => tf2ss([1, 0], [5])).toThrow(/improper/);
    try {
      tf2ss([1, 2, 3], [1, 1]);
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_IMPROPER')).toBe(true);
    }
  });
});

describe('zohDiscretize', () => {
  it('first order: a = exp(A dt), b = (exp(A dt) - 1)/A B, against the analytic values', () => {
    for (const tau of [0.001, 0.005, 0.01, 0.1, 1]) {
      const dt = 0.001;
      const d = zohDiscretize({ A: [[-1 / tau]], B: [1], C: [1 / tau], D: 0 }, dt);
      expect(Math.abs(d.A[0][0] - Math.exp(-dt / tau))).toBeLessThan(1e-15);
      expect(Math.abs(d.B[0] * (1 / tau) + Math.expm1(-dt / tau))).toBeLessThan(1e-15);
      expect(d.C).toEqual([1 / tau]);
    }
  });

  it('double integrator: A_d = [[1, dt], [0, 1]], B_d = [dt^2/2, dt]', () => {
    const dt = 0.01;
    const d = zohDiscretize({ A: [[0, 1], [0, 0]], B: [0, 1], C: [1, 0], D: 0.5 }, dt);
    const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThan(1e-15);
    close(d.A[0][0], 1);
    close(d.A[0][1], dt);
    close(d.A[1][0], 0);
    close(d.A[1][1], 1);
    close(d.B[0], (dt * dt) / 2);
    close(d.B[1], dt);
    expect(d.D).toBe(0.5);
  });

  it('leaves a stateless system unchanged', () => {
    const s = { A: [], B: [], C: [], D: 3 };
    expect(zohDiscretize(s, 0.001)).toEqual(s);
  });
});
