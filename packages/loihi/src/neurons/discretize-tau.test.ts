import { describe, expect, it } from 'vitest';
import { discretizeTauRc, discretizeTauRef } from './discretize-tau.js';

describe('discretize_tau_rc / discretize_tau_ref (spec §1.1)', () => {
  it('tau_rc 0.02 at dt 1 ms becomes 0.01997082742119743 (decay 200/4095)', () => {
    expect(discretizeTauRc(0.02, 0.001)).toBe(0.01997082742119743);
    expect(Math.expm1(-0.001 / discretizeTauRc(0.02, 0.001))).toBeCloseTo(-200 / 4095, 15);
  });
  it('tau_ref rounds to whole steps, half to even: 0.002, 0.0025, 0.0015 -> 0.002', () => {
    expect([0.002, 0.0025, 0.0015].map((t) => discretizeTauRef(t, 0.001))).toEqual([0.002, 0.002, 0.002]);
  });
});
