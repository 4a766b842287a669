import { isSnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { Tanh } from './tanh.js';

describe('Tanh (spec 2.4)', () => {
  it('is tanh with tauRef = 1', () => {
    const out = new Float32Array(3);
    Tanh.rates(Float32Array.of(0, 0.5, -0.5), out, resolveParams(Tanh, { tauRef: 1 }));
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(0.4621171573, 7);
    expect(out[2]).toBeCloseTo(-0.4621171573, 7);
    expect(Tanh.negative).toBe(true);
  });

  it('computes gain and bias with inv = atanh(r * tauRef), and inverts them', () => {
    const p = resolveParams(Tanh);
    const gain = new Float32Array(1);
    const bias = new Float32Array(1);
    Tanh.gainBias!(Float32Array.of(200), Float32Array.of(0.25), p, gain, bias);
    const inv = Math.atanh(200 * 0.0025);
    expect(gain[0]).toBeCloseTo(inv / 0.75, 6);
    expect(bias[0]).toBeCloseTo((-inv / 0.75) * 0.25, 6);
    const out = new Float32Array(1);
    Tanh.rates(Float32Array.of(gain[0] + bias[0]), out, p);
    expect(out[0]).toBeCloseTo(200, 3);
    const r = new Float32Array(1);
    const c = new Float32Array(1);
    Tanh.maxRatesIntercepts!(gain, bias, p, r, c);
    expect(r[0]).toBeCloseTo(200, 3);
    expect(c[0]).toBeCloseTo(0.25, 6);
  });

  it('rejects max rates at or above 1 / tauRef', () => {
    let error: unknown;
    try {
      Tanh.gainBias!(Float32Array.of(100, 450), Float32Array.of(0, 0), resolveParams(Tanh), new Float32Array(2), new Float32Array(2));
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error, 'NEURON_BAD_RATE')).toBe(true);
    expect((error as Error).message).toContain('Max rates must be below the inverse refractory period (400.000)');
  });
});
