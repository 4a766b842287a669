import { createRng, isSnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { allocNeuronArray, isNeuronArray } from '../wasm/neuron-array.js';
import { LIF } from './lif.js';

/** Input/output arrays for the JS kernel (plain arrays) and the WebAssembly kernel (neuron memory). */
const kernels = [
  { kernel: 'JS', alloc: (n: number): Float32Array => new Float32Array(n) },
  { kernel: 'WebAssembly', alloc: allocNeuronArray },
] as const;

const dt = 0.001;
const params = resolveParams(LIF);

function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

function rateOf(J: number): number {
  const out = new Float32Array(1);
  LIF.rates(Float32Array.of(J), out, params);
  return out[0];
}

/** Run one LIF neuron from v0 = 0 for `steps` steps at constant J; 1-based spike steps. */
function spikeSteps(J: number, steps: number, alloc: (n: number) => Float32Array = kernels[0].alloc): { steps: number[]; heights: number[] } {
  const state = LIF.initState(1, params, createRng(1));
  state.voltage[0] = 0;
  const input = alloc(1).fill(J);
  const out = alloc(1);
  const spikes: number[] = [];
  const heights: number[] = [];
  for (let k = 1; k <= steps; k++) {
    const n = LIF.step(dt, input, out, state, params);
    expect(n).toBe(out[0] !== 0 ? 1 : 0);
    if (out[0] !== 0) {
      spikes.push(k);
      heights.push(out[0]);
    }
  }
  return { steps: spikes, heights };
}

describe('LIF rates (LIFRate formula, spec 2.3)', () => {
  it('matches the computed Nengo values', () => {
    expect(relErr(rateOf(2), 63.0400021906)).toBeLessThan(1e-6);
    expect(relErr(rateOf(10), 243.4742620305)).toBeLessThan(1e-6);
    expect(relErr(rateOf(1.5), 41.7149068741)).toBeLessThan(1e-6);
  });

  it('is zero at and below threshold', () => {
    for (const J of [1, 0.999, 0, -5]) expect(rateOf(J)).toBe(0);
  });
});

describe('LIF step (spec 2.3)', () => {
  it.each(kernels)('spikes at steps 14, 30, 46, 62, 78 and 63 times in 1 s for J = 2 ($kernel kernel)', ({ alloc }) => {
    const { steps } = spikeSteps(2, 1000, alloc);
    expect(steps.slice(0, 5)).toEqual([14, 30, 46, 62, 78]);
    expect(steps.length).toBe(63);
  });

  it.each(kernels)('spikes at steps 3, 7, 11, 15, 19 and 243 times in 1 s for J = 10 ($kernel kernel)', ({ alloc }) => {
    const { steps } = spikeSteps(10, 1000, alloc);
    expect(steps.slice(0, 5)).toEqual([3, 7, 11, 15, 19]);
    expect(steps.length).toBe(243);
  });

  it('emits spikes of height amplitude / dt', () => {
    expect(spikeSteps(10, 20).heights).toEqual([1000, 1000, 1000, 1000, 1000]);
    const p = resolveParams(LIF, { amplitude: 0.25 });
    const state = LIF.initState(1, p, createRng(1));
    state.voltage[0] = 0.99;
    const out = new Float32Array(1);
    LIF.step(dt, Float32Array.of(10), out, state, p);
    expect(out[0]).toBe(250);
  });

  it('uses a strict threshold: v landing exactly on 1 does not spike', () => {
    // v0 = 1 with J = 1: the update moves v by (J - v) * expm1(.) = 0, so v stays exactly 1.
    const state = LIF.initState(1, params, createRng(1));
    state.voltage[0] = 1;
    const out = new Float32Array(1);
    expect(LIF.step(dt, Float32Array.of(1), out, state, params)).toBe(0);
    expect(out[0]).toBe(0);
    expect(state.voltage[0]).toBe(1);
  });

  it('holds the voltage at 0 during the refractory period and resumes with a partial step', () => {
    const state = LIF.initState(1, params, createRng(1));
    state.voltage[0] = 0;
    const J = Float32Array.of(10);
    const out = new Float32Array(1);
    for (let k = 0; k < 3; k++) LIF.step(dt, J, out, state, params); // spikes on step 3
    expect(out[0]).toBe(1000);
    // refractoryTime = tauRef + tSpike with tSpike = dt + tauRc * log1p(-(v - 1) / (J - 1)) in (0, dt]
    const r0 = state.refractoryTime[0];
    expect(r0).toBeGreaterThan(0.002);
    expect(r0).toBeLessThanOrEqual(0.003);
    LIF.step(dt, J, out, state, params); // r = r0 - dt >= dt: fully refractory
    expect(state.voltage[0]).toBe(0);
    LIF.step(dt, J, out, state, params); // r = r0 - 2 dt in (0, dt): partial step of dt - r
    const r = r0 - 2 * dt;
    const partial = -(10 - 0) * Math.expm1(-(dt - r) / 0.02);
    expect(relErr(state.voltage[0], partial)).toBeLessThan(1e-5);
  });

  it('clamps the voltage at minVoltage (default 0) but not with minVoltage = -Infinity', () => {
    const clamped = LIF.initState(1, params, createRng(1));
    clamped.voltage[0] = 0.5;
    const out = new Float32Array(1);
    for (let k = 0; k < 200; k++) LIF.step(dt, Float32Array.of(-3), out, clamped, params);
    expect(clamped.voltage[0]).toBe(0);

    const free = resolveParams(LIF, { minVoltage: -Infinity });
    const state = LIF.initState(1, free, createRng(1));
    state.voltage[0] = 0;
    for (let k = 0; k < 200; k++) LIF.step(dt, Float32Array.of(-3), out, state, free);
    // 200 steps of exact decay toward -3 from 0: v = -3 * (1 - exp(-0.2 / 0.02))
    expect(relErr(state.voltage[0], -3 * -Math.expm1(-10))).toBeLessThan(1e-5);
  });

  it.each(kernels)('fires at the rate of its rate function over 1 s from random initial voltages ($kernel kernel)', ({ kernel, alloc }) => {
    const currents = [1.1, 1.25, 1.5, 2, 3, 5, 8, 12, 16, 20];
    const perJ = 20;
    const n = currents.length * perJ;
    const J = alloc(n);
    currents.forEach((j, k) => J.fill(j, k * perJ, (k + 1) * perJ));
    const state = LIF.initState(n, params, createRng(42));
    const out = alloc(n);
    expect(isNeuronArray(J) && isNeuronArray(out) && isNeuronArray(state.voltage)).toBe(kernel === 'WebAssembly');
    const counts = new Float64Array(n);
    for (let s = 0; s < 1000; s++) {
      LIF.step(dt, J, out, state, params);
      for (let i = 0; i < n; i++) counts[i] += out[i] * dt;
    }
    currents.forEach((j, k) => {
      const expected = rateOf(j);
      let mean = 0;
      for (let i = k * perJ; i < (k + 1) * perJ; i++) {
        expect(Math.abs(counts[i] - expected)).toBeLessThan(1.5);
        mean += counts[i] / perJ;
      }
      expect(Math.abs(mean - expected)).toBeLessThan(1);
    });
  });

  it('starts from voltage ~ Uniform(0, 1) and refractoryTime 0, deterministically per seed', () => {
    const a = LIF.initState(1000, params, createRng(7));
    const b = LIF.initState(1000, params, createRng(7));
    expect(LIF.stateNames).toEqual(['voltage', 'refractoryTime']);
    expect(Math.min(...a.voltage)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a.voltage)).toBeLessThan(1);
    const mean = a.voltage.reduce((s, v) => s + v, 0) / 1000;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    expect(a.refractoryTime.every((r) => r === 0)).toBe(true);

    const J = createRng(3).fillUniform(new Float32Array(1000), 0, 8);
    const outA = new Float32Array(1000);
    const outB = new Float32Array(1000);
    let spikes = 0;
    let mismatches = 0;
    for (let s = 0; s < 100; s++) {
      const na = LIF.step(dt, J, outA, a, params);
      const nb = LIF.step(dt, J, outB, b, params);
      spikes += na;
      if (na !== nb) mismatches++;
      for (let i = 0; i < 1000; i++) if (outA[i] !== outB[i]) mismatches++;
    }
    expect(spikes).toBeGreaterThan(1000);
    expect(mismatches).toBe(0);
    expect(a.voltage).toEqual(b.voltage);
    expect(a.refractoryTime).toEqual(b.refractoryTime);
  });
});

describe('LIF gainBias (spec 2.3)', () => {
  it('matches the computed Nengo values', () => {
    const gain = new Float32Array(2);
    const bias = new Float32Array(2);
    LIF.gainBias!(Float32Array.of(200, 100), Float32Array.of(0, -0.5), params, gain, bias);
    expect(relErr(gain[0], 6.1791619817)).toBeLessThan(1e-6);
    expect(bias[0]).toBeCloseTo(1.0, 6);
    expect(relErr(gain[1], 1.3554965211)).toBeLessThan(1e-6);
    expect(relErr(bias[1], 1.6777482606)).toBeLessThan(1e-6);
  });

  it('gives the requested max rate at x = 1 and zero rate at the intercept', () => {
    const gain = new Float32Array(1);
    const bias = new Float32Array(1);
    LIF.gainBias!(Float32Array.of(300), Float32Array.of(0.2), params, gain, bias);
    expect(relErr(rateOf(gain[0] + bias[0]), 300)).toBeLessThan(1e-5);
    expect(gain[0] * 0.2 + bias[0]).toBeCloseTo(1, 5);
  });

  it('is inverted by maxRatesIntercepts', () => {
    const maxRates = Float32Array.of(200, 100, 350);
    const intercepts = Float32Array.of(0, -0.5, 0.8);
    const gain = new Float32Array(3);
    const bias = new Float32Array(3);
    LIF.gainBias!(maxRates, intercepts, params, gain, bias);
    const r = new Float32Array(3);
    const c = new Float32Array(3);
    LIF.maxRatesIntercepts!(gain, bias, params, r, c);
    for (let i = 0; i < 3; i++) {
      expect(relErr(r[i], maxRates[i])).toBeLessThan(1e-4);
      expect(c[i]).toBeCloseTo(intercepts[i], 4);
    }
  });

  it('rejects max rates at or above 1 / tauRef with NEURON_BAD_RATE', () => {
    const gain = new Float32Array(2);
    const bias = new Float32Array(2);
    for (const bad of [500, 600]) {
      let error: unknown;
      try {
        LIF.gainBias!(Float32Array.of(100, bad), Float32Array.of(0, 0), params, gain, bias);
      } catch (e) {
        error = e;
      }
      expect(isSnnError(error, 'NEURON_BAD_RATE')).toBe(true);
      expect((error as Error).message).toContain('Max rates must be below the inverse refractory period (500.000)');
      expect((error as Error).message).toContain('maxRates[1]');
    }
  });
});

describe('LIF surrogate', () => {
  it('trains through SoftLIFRate with sigma 1 and the same time constants and amplitude', () => {
    const p = resolveParams(LIF, { tauRc: 0.05, tauRef: 0.001, amplitude: 0.5 });
    expect(LIF.surrogate!.type).toBe('SoftLIFRate');
    expect(LIF.surrogate!.params(p)).toEqual({ sigma: 1, tauRc: 0.05, tauRef: 0.001, amplitude: 0.5 });
  });
});
