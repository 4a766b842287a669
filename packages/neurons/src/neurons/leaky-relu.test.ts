import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { LeakyReLU } from './leaky-relu.js';

describe('LeakyReLU (spec 2.6)', () => {
  it('outputs amplitude * (J >= 0 ? J : negativeSlope * J)', () => {
    const out = new Float32Array(3);
    const n = LeakyReLU.step(0.001, Float32Array.of(-2, 0, 1.5), out, {}, resolveParams(LeakyReLU));
    expect(out[0]).toBeCloseTo(-0.6, 6);
    expect(out[1]).toBe(0);
    expect(out[2]).toBe(1.5);
    expect(n).toBe(2);
    const scaled = new Float32Array(1);
    LeakyReLU.rates(Float32Array.of(-2), scaled, resolveParams(LeakyReLU, { negativeSlope: 0.1, amplitude: 3 }));
    expect(scaled[0]).toBeCloseTo(-0.6, 6);
  });

  it('is declared non-negative like NengoDL', () => {
    expect(LeakyReLU.negative).toBe(false);
  });
});
