import { describe, expect, it } from 'vitest';
import { LIF, resolveParams } from '@snn/neurons';
import { LoihiLIF } from './loihi-lif.js';
import { loihiLifSmoothRate } from './loihi-lif-smooth.js';

const p = resolveParams(LoihiLIF, {});

function rates(J: number[], params = p): number[] {
  const out = new Float32Array(J.length);
  LoihiLIF.rates(Float32Array.from(J), out, params);
  return Array.from(out);
}

/** Spike steps (1-based) of one neuron stepped `nSteps` times with constant current J. */
function spikeSteps(J: number, nSteps: number): number[] {
  const state = LoihiLIF.initState(1, p, undefined as never);
  const j = Float32Array.of(J);
  const out = new Float32Array(1);
  const steps: number[] = [];
  for (let t = 1; t <= nSteps; t++) {
    if (LoihiLIF.step(0.001, j, out, state, p) === 1) {
      expect(out[0]).toBe(1000);
      steps.push(t);
    }
  }
  return steps;
}

describe('LoihiLIF rates (spec §1.2)', () => {
  it('gives the computed Loihi rates at dt 1 ms, gain 1, bias 0', () => {
    const want = [0, 0, 41.6667, 62.5, 90.9091, 142.857, 200, 333.333, 333.333];
    rates([0.5, 1, 1.5, 2, 3, 5, 10, 30, 100]).forEach((r, i) => expect(r).toBeCloseTo(want[i], 3));
  });
  it('caps at 1 / (dt (round(tauRef / dt) + 1)) where standard LIF goes on (63.04 and 243.47 at J = 2, 10)', () => {
    expect(rates([1e6])[0]).toBeCloseTo(1000 / 3, 3);
    const lif = new Float32Array(2);
    LIF.rates(Float32Array.of(2, 10), lif, resolveParams(LIF, {}));
    expect(lif[0]).toBeCloseTo(63.04, 2);
    expect(lif[1]).toBeCloseTo(243.47, 2);
  });
  it('depends on dt through the whole-step period (dt 2 ms: J = 10 -> 1 / (2 ms * 3))', () => {
    expect(rates([10], { ...p, dt: 0.002 })[0]).toBeCloseTo(1 / 0.006, 3);
  });
});

describe('LoihiLIF step (spec §1.3)', () => {
  it('J = 2: first spike at step 14, ISI 16, 62 spikes in 1000 steps (62.5 Hz; the phase costs the 63rd)', () => {
    const s = spikeSteps(2, 1000);
    expect(s.slice(0, 6)).toEqual([14, 30, 46, 62, 78, 94]);
    expect(s.length).toBe(62);
  });
  it('J = 10: spikes at 3, 8, 13, 18, 23, ... (ISI 5), 200 spikes in 1000 steps, as the chip trace', () => {
    const s = spikeSteps(10, 1000);
    expect(s.slice(0, 5)).toEqual([3, 8, 13, 18, 23]);
    expect(s.length).toBe(200);
  });
  it('holds the voltage at 0 for round(tauRef / dt) = 2 steps after a spike, then integrates again', () => {
    const state = LoihiLIF.initState(1, p, undefined as never);
    const out = new Float32Array(1);
    const v: number[] = [];
    for (let t = 0; t < 7; t++) {
      LoihiLIF.step(0.001, Float32Array.of(10), out, state, p);
      v.push(state.voltage[0]);
    }
    const d = 200 / 4095;
    expect(v[0]).toBeCloseTo(10 * d, 6);
    expect(v.slice(2, 5)).toEqual([0, 0, 0]);
    expect(v[5]).toBeCloseTo(10 * d, 6);
  });
  it('its steady interspike interval is 1 / rate over a sweep of currents away from exact periods', () => {
    for (const J of [1.2, 1.7, 2.6, 4.3, 7.1, 12.5, 19, 55]) {
      const s = spikeSteps(J, 3000);
      const isi = s[s.length - 1] - s[s.length - 2];
      expect(1000 / isi, `J = ${J}`).toBeCloseTo(rates([J])[0], 3);
    }
  });
  it('never fires at or below threshold and clamps the voltage at minVoltage', () => {
    expect(spikeSteps(1, 2000)).toEqual([]);
    const state = LoihiLIF.initState(1, p, undefined as never);
    LoihiLIF.step(0.001, Float32Array.of(-5), new Float32Array(1), state, p);
    expect(state.voltage[0]).toBe(0);
  });
});

describe('LoihiLIF training curve (spec §1.4)', () => {
  it('forward is the Loihi rate, the smooth curve gives J = 2 -> 61.189, J = 10 -> 217.196, 0 below threshold', () => {
    const smooth = new Float32Array(3);
    loihiLifSmoothRate(Float32Array.of(2, 10, 0.9), smooth, p);
    expect(smooth[0]).toBeCloseTo(61.189, 3);
    expect(smooth[1]).toBeCloseTo(217.196, 3);
    expect(smooth[2]).toBe(0);
  });
  it('ratesDerivative is the derivative of the smooth curve (central differences), with and without lifSmoothing', () => {
    for (const lifSmoothing of [0, 0.02, 1]) {
      const J = [1.3, 2, 4.5, 10, 40];
      if (lifSmoothing > 0) J.push(0.5, 0.99);
      const d = new Float32Array(J.length);
      LoihiLIF.ratesDerivative!(Float32Array.from(J), d, { ...p, lifSmoothing });
      J.forEach((j, i) => {
        const h = 1e-4;
        const f = (x: number): number => {
          const o = new Float32Array(1);
          loihiLifSmoothRate(Float32Array.of(x), o, { ...p, lifSmoothing });
          return o[0];
        };
        const numeric = (f(j + h) - f(j - h)) / (2 * h);
        expect(Math.abs(d[i] - numeric), `J = ${j}, sigma ${lifSmoothing}`).toBeLessThan(0.02 * Math.abs(numeric) + 0.5);
      });
    }
    const below = new Float32Array(1);
    LoihiLIF.ratesDerivative!(Float32Array.of(0.5), below, p);
    expect(below[0]).toBe(0);
  });
});
