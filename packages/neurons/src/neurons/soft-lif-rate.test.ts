import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { LIF } from './lif.js';
import { SoftLIFRate } from './soft-lif-rate.js';

function rates(sigma: number, currents: number[]): Float32Array {
  const out = new Float32Array(currents.length);
  SoftLIFRate.rates(Float32Array.from(currents), out, resolveParams(SoftLIFRate, { sigma }));
  return out;
}

function expectRel(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tol);
}

describe('SoftLIFRate (spec 2.6)', () => {
  it('matches the computed NengoDL values for sigma = 1', () => {
    const expected: [number, number][] = [
      [-30, 1.6077170418],
      [0, 32.6108879002],
      [0.5, 40.5049319848],
      [1, 50.3472979409],
      [1.5, 62.0065919546],
      [2, 75.0587746923],
      [10, 243.4758876306],
    ];
    const out = rates(1, expected.map(([J]) => J));
    expected.forEach(([, r], i) => expectRel(out[i], r, 1e-6));
  });

  it('matches the computed NengoDL values for sigma = 0.02 (close to LIFRate)', () => {
    const out = rates(0.02, [1, 2, 10]);
    expectRel(out[0], 11.3835481, 1e-6);
    expectRel(out[1], 63.0400022, 1e-6);
    expectRel(out[2], 243.474262, 1e-6);
  });

  it('takes gain and bias from LIFRate', () => {
    const g1 = new Float32Array(1);
    const b1 = new Float32Array(1);
    const g2 = new Float32Array(1);
    const b2 = new Float32Array(1);
    SoftLIFRate.gainBias!(Float32Array.of(200), Float32Array.of(0), resolveParams(SoftLIFRate), g1, b1);
    LIF.gainBias!(Float32Array.of(200), Float32Array.of(0), resolveParams(LIF), g2, b2);
    expect(g1[0]).toBe(g2[0]);
    expect(b1[0]).toBe(b2[0]);
  });
});
