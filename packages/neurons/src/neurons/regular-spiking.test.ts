import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { LIFRate } from './lif-rate.js';
import { regularSpiking } from './regular-spiking.js';
import { Sigmoid } from './sigmoid.js';
import { Tanh } from './tanh.js';

const dt = 0.001;

function meanOutput(type: ReturnType<typeof regularSpiking>, currents: number[], given: Record<string, number> = {}) {
  const p = resolveParams(type, given);
  const n = currents.length;
  const J = Float32Array.from(currents);
  const state = type.initState(n, p, createRng(11));
  const out = new Float32Array(n);
  const sums = new Float64Array(n);
  for (let s = 0; s < 1000; s++) {
    type.step(dt, J, out, state, p);
    for (let i = 0; i < n; i++) sums[i] += out[i] * dt;
  }
  const rates = new Float32Array(n);
  type.rates(J, rates, p);
  return { sums, rates, p };
}

describe('regularSpiking (spec 2.5)', () => {
  const RS = regularSpiking(LIFRate);

  it('is named after its base and has the base params plus amplitude', () => {
    expect(RS.name).toBe('RegularSpiking(LIFRate)');
    expect(Object.keys(RS.params).sort()).toEqual(['amplitude', 'tauRc', 'tauRef']);
    expect(RS.spiking).toBe(true);
    expect(RS.stateNames).toEqual(['voltage']);
    expect(regularSpiking(Sigmoid).params.amplitude.default).toBe(1);
  });

  it('fires at the LIFRate rate within 1 Hz over 1 s', () => {
    const currents = [0.5, 1.2, 2, 4, 10, 30];
    const { sums, rates } = meanOutput(RS, currents);
    const lif = new Float32Array(currents.length);
    LIFRate.rates(Float32Array.from(currents), lif, resolveParams(LIFRate));
    for (let i = 0; i < currents.length; i++) {
      expect(rates[i]).toBe(lif[i]);
      expect(Math.abs(sums[i] - lif[i])).toBeLessThan(1);
    }
  });

  it('spikes regularly: v += dt * rate, floor, reset by subtraction', () => {
    const p = resolveParams(RS);
    const state = RS.initState(1, p, createRng(1));
    state.voltage[0] = 0;
    const out = new Float32Array(1);
    const J = Float32Array.of(10); // 243.47 Hz: a spike every 4 or 5 steps
    const steps: number[] = [];
    for (let k = 1; k <= 20; k++) if (RS.step(dt, J, out, state, p) === 1) steps.push(k);
    // v after k steps = k * 0.2434742620 -> crosses integers at k = 5, 9, 13, 17
    expect(steps).toEqual([5, 9, 13, 17]);
    expect(out[0]).toBe(0);
  });

  it('scales spikes, rates and derivative by amplitude, evaluating the base at amplitude 1', () => {
    const { sums, rates, p } = meanOutput(RS, [3], { amplitude: 0.1 });
    const base = new Float32Array(1);
    LIFRate.rates(Float32Array.of(3), base, resolveParams(LIFRate));
    expect(rates[0]).toBeCloseTo(0.1 * base[0], 4);
    expect(Math.abs(sums[0] - rates[0])).toBeLessThan(0.1);
    expect(RS.surrogate!.type).toBe('LIFRate');
    expect(RS.surrogate!.params(p)).toEqual({ tauRc: 0.02, tauRef: 0.002, amplitude: 0.1 });
    const d = new Float32Array(1);
    const dBase = new Float32Array(1);
    RS.ratesDerivative!(Float32Array.of(3), d, p);
    LIFRate.ratesDerivative!(Float32Array.of(3), dBase, resolveParams(LIFRate));
    expect(d[0]).toBeCloseTo(0.1 * dBase[0], 5);
  });

  it('emits negative spikes for a negative base (Tanh)', () => {
    const RT = regularSpiking(Tanh);
    const { sums, rates } = meanOutput(RT, [-1, 0.3]);
    expect(RT.negative).toBe(true);
    expect(rates[0]).toBeLessThan(0);
    for (let i = 0; i < 2; i++) expect(Math.abs(sums[i] - rates[i])).toBeLessThan(1);
    expect(RT.surrogate).toBeUndefined();
  });

  it('keeps the base gain and bias', () => {
    const g1 = new Float32Array(1);
    const b1 = new Float32Array(1);
    const g2 = new Float32Array(1);
    const b2 = new Float32Array(1);
    RS.gainBias!(Float32Array.of(150), Float32Array.of(0.1), resolveParams(RS), g1, b1);
    LIFRate.gainBias!(Float32Array.of(150), Float32Array.of(0.1), resolveParams(LIFRate), g2, b2);
    expect([g1[0], b1[0]]).toEqual([g2[0], b2[0]]);
  });
});
