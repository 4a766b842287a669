import { describe, expect, it } from 'vitest';
import { resolveParams } from '@snn/neurons';
import { LoihiSpikingRectifiedLinear as SRL } from './loihi-spiking-rectified-linear.js';
import { loihiSrlSmoothRate } from './loihi-srl-rate.js';

const p = resolveParams(SRL, {});

function rates(J: number[]): number[] {
  const out = new Float32Array(J.length);
  SRL.rates(Float32Array.from(J), out, p);
  return Array.from(out);
}

/** Spike steps (1-based) of one neuron stepped `nSteps` times with constant current J. */
function spikeSteps(J: number, nSteps: number): number[] {
  const state = SRL.initState(1, p, undefined as never);
  const out = new Float32Array(1);
  const steps: number[] = [];
  for (let t = 1; t <= nSteps; t++) {
    const n = SRL.step(0.001, Float32Array.of(J), out, state, p);
    expect(n).toBeLessThanOrEqual(1);
    if (n === 1) {
      expect(out[0]).toBe(1000);
      steps.push(t);
    } else expect(out[0]).toBe(0);
  }
  return steps;
}

describe('LoihiSpikingRectifiedLinear rates (spec §1.2)', () => {
  it('is the whole-step staircase: 100 -> 100, 250/300/333 -> 250, 334/400/499 -> 333.33, 500/501/999 -> 500, >= 1000 -> 1000', () => {
    const J = [-5, 0, 100, 250, 300, 333, 334, 400, 499, 500, 501, 999, 1000, 5000];
    const want = [0, 0, 100, 250, 250, 250, 1000 / 3, 1000 / 3, 1000 / 3, 500, 500, 500, 1000, 1000];
    rates(J).forEach((r, i) => expect(r, `J = ${J[i]}`).toBeCloseTo(want[i], 3));
  });
});

describe('LoihiSpikingRectifiedLinear step (spec §1.3)', () => {
  it('J = 500 spikes every 3 steps (333/s), not 2: the strict > at an exact integer period', () => {
    const s = spikeSteps(500, 30);
    expect(s).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
    expect(rates([500])[0]).toBe(500);
  });
  it('J = 300 every 4 steps, J = 501 every 2 steps, J = 5000 once per step at most (as the chip trace)', () => {
    expect(spikeSteps(300, 12)).toEqual([4, 8, 12]);
    expect(spikeSteps(501, 8)).toEqual([2, 4, 6, 8]);
    expect(spikeSteps(5000, 1000).length).toBe(1000);
  });
  it('resets to 0 (the excess is lost) and clamps negative voltage at 0', () => {
    const state = SRL.initState(1, p, undefined as never);
    const out = new Float32Array(1);
    SRL.step(0.001, Float32Array.of(700), out, state, p);
    SRL.step(0.001, Float32Array.of(700), out, state, p);
    expect(state.voltage[0]).toBe(0);
    SRL.step(0.001, Float32Array.of(-700), out, state, p);
    expect(state.voltage[0]).toBe(0);
  });
  it('its spike count over 1000 steps matches rates away from exact periods', () => {
    for (const J of [37, 123.4, 260, 333.7, 450, 720]) {
      const s = spikeSteps(J, 2000);
      expect(1000 / (s[s.length - 1] - s[s.length - 2]), `J = ${J}`).toBeCloseTo(rates([J])[0], 3);
    }
  });
});

describe('LoihiSpikingRectifiedLinear training curve (spec §1.4)', () => {
  it('forward (rates) and smooth values: J = 300 250/260.87, 400 333.33/333.33, 900 500/620.69', () => {
    const J = Float32Array.of(300, 400, 900, -1);
    const smooth = new Float32Array(4);
    loihiSrlSmoothRate(J, smooth, 1, 0.001);
    expect(rates(Array.from(J)).map((r) => +r.toFixed(2))).toEqual([250, 333.33, 500, 0]);
    expect(Array.from(smooth, (r) => +r.toFixed(2))).toEqual([260.87, 333.33, 620.69, 0]);
  });
  it('ratesDerivative is d smooth / dJ = 1 / (1 + J dt / 2)^2, 0 for J <= 0', () => {
    const J = [1, 50, 300, 900, 2000];
    const d = new Float32Array(J.length);
    SRL.ratesDerivative!(Float32Array.from(J), d, p);
    J.forEach((j, i) => {
      const h = 1e-2;
      const f = (x: number): number => 1 / (0.0005 + 1 / x);
      expect(d[i]).toBeCloseTo((f(j + h) - f(j - h)) / (2 * h), 4);
    });
    const below = new Float32Array(2);
    SRL.ratesDerivative!(Float32Array.of(0, -3), below, p);
    expect(Array.from(below)).toEqual([0, 0]);
  });
});
