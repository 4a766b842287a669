import { isSnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { Sigmoid } from './sigmoid.js';

describe('Sigmoid (spec 2.4)', () => {
  it('is the logistic function with tauRef = 1', () => {
    const out = new Float32Array(2);
    Sigmoid.rates(Float32Array.of(0, 1), out, resolveParams(Sigmoid, { tauRef: 1 }));
    expect(out[0]).toBe(0.5);
    expect(out[1]).toBeCloseTo(0.7310585786, 7);
  });

  it('saturates at 1 / tauRef (default tauRef = 0.0025: 400 Hz)', () => {
    const out = new Float32Array(1);
    Sigmoid.rates(Float32Array.of(50), out, resolveParams(Sigmoid));
    expect(out[0]).toBeCloseTo(400, 4);
  });

  it('puts the inflection point at the intercept and the max rate at x = 1', () => {
    const p = resolveParams(Sigmoid);
    const gain = new Float32Array(1);
    const bias = new Float32Array(1);
    Sigmoid.gainBias!(Float32Array.of(300), Float32Array.of(-0.2), p, gain, bias);
    const out = new Float32Array(2);
    Sigmoid.rates(Float32Array.of(gain[0] + bias[0], -0.2 * gain[0] + bias[0]), out, p);
    expect(out[0]).toBeCloseTo(300, 3);
    expect(out[1]).toBeCloseTo(200, 3); // f(intercept) = half the saturation rate
    const r = new Float32Array(1);
    const c = new Float32Array(1);
    Sigmoid.maxRatesIntercepts!(gain, bias, p, r, c);
    expect(r[0]).toBeCloseTo(300, 3);
    expect(c[0]).toBeCloseTo(-0.2, 5);
  });

  it('rejects max rates at or above 1 / tauRef', () => {
    const run = (): void =>
      Sigmoid.gainBias!(Float32Array.of(400), Float32Array.of(0), resolveParams(Sigmoid), new Float32Array(1), new Float32Array(1));
    expect(run).toThrow(/Max rates must be below the inverse refractory period \(400\.000\)/);
    try {
      run();
    } catch (e) {
      expect(isSnnError(e, 'NEURON_BAD_RATE')).toBe(true);
    }
  });
});
