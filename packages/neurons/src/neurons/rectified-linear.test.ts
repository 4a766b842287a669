import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { RectifiedLinear } from './rectified-linear.js';

describe('RectifiedLinear (spec 2.1)', () => {
  it('outputs amplitude * max(0, J) and counts the active neurons', () => {
    const p = resolveParams(RectifiedLinear, { amplitude: 2 });
    const J = Float32Array.of(-1, 0, 0.5, 3);
    const out = new Float32Array(4);
    expect(RectifiedLinear.step(0.001, J, out, {}, p)).toBe(2);
    expect([...out]).toEqual([0, 0, 1, 6]);
    const rates = new Float32Array(4);
    RectifiedLinear.rates(J, rates, p);
    expect(rates).toEqual(out);
    expect(RectifiedLinear.stateNames).toEqual([]);
  });

  it('computes gain = r / (1 - c), bias = -c * gain and its inverse', () => {
    const p = resolveParams(RectifiedLinear);
    const gain = new Float32Array(2);
    const bias = new Float32Array(2);
    RectifiedLinear.gainBias!(Float32Array.of(200, 300), Float32Array.of(-0.5, 0.5), p, gain, bias);
    expect(gain[0]).toBeCloseTo(200 / 1.5, 4);
    expect(bias[0]).toBeCloseTo(100 / 1.5, 4);
    expect(gain[1]).toBeCloseTo(600, 4);
    expect(bias[1]).toBeCloseTo(-300, 4);
    const r = new Float32Array(2);
    const c = new Float32Array(2);
    RectifiedLinear.maxRatesIntercepts!(gain, bias, p, r, c);
    expect(r[0]).toBeCloseTo(200, 3);
    expect(c[0]).toBeCloseTo(-0.5, 6);
    expect(r[1]).toBeCloseTo(300, 3);
    expect(c[1]).toBeCloseTo(0.5, 6);
  });
});
