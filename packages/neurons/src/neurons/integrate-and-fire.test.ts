import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { integrateAndFireStepF32 } from '../kernels/integrate-and-fire-step.js';
import { resolveParams } from '../params.js';
import { createNeuronRegistry } from '../registry.js';
import { IntegrateAndFire } from './integrate-and-fire.js';

const dt = 0.001;

/** Run `steps` steps of constant or per-step currents; returns spike counts per neuron. */
function spikeCounts(currents: readonly number[], steps: number, p = resolveParams(IntegrateAndFire)): Float64Array {
  const n = currents.length;
  const J = Float32Array.from(currents);
  const out = new Float32Array(n);
  const state = IntegrateAndFire.initState(n, p, createRng(0));
  const counts = new Float64Array(n);
  for (let s = 0; s < steps; s++) {
    IntegrateAndFire.step(dt, J, out, state, p);
    for (let i = 0; i < n; i++) counts[i] += (out[i] * dt) / p.amplitude;
  }
  return counts;
}

describe('IntegrateAndFire', () => {
  it('follows v += J dt, floor(v) spikes when v >= 1, reset by subtraction, negative input lowers v', () => {
    const p = resolveParams(IntegrateAndFire, { initialVoltage: 0 });
    const state = IntegrateAndFire.initState(1, p, createRng(0));
    const out = new Float32Array(1);
    // J (per step), expected output, expected voltage after the step
    const expected: [number, number, number][] = [
      [2500, 2000, 0.5],
      [-1000, 0, -0.5],
      [700, 0, 0.2],
      [900, 1000, 0.1],
      [-300, 0, -0.2],
      [3300, 3000, 0.1],
    ];
    for (const [J, output, v] of expected) {
      const spiked = IntegrateAndFire.step(dt, Float32Array.of(J), out, state, p);
      expect(out[0]).toBe(output);
      expect(spiked).toBe(output > 0 ? 1 : 0);
      expect(state.voltage[0]).toBeCloseTo(v, 6);
    }
  });

  it('starts at half threshold by default: a constant current gives round(J t) spikes by time t', () => {
    const currents = [0, 40, 49, 51, 160, 333, 749, 751, 1010, -200];
    for (const steps of [1, 2, 4, 10]) {
      const counts = spikeCounts(currents, steps);
      currents.forEach((J, i) => expect(counts[i], `J=${J}, ${steps} steps`).toBe(Math.max(0, Math.floor(J * dt * steps + 0.5))));
    }
  });

  it('starts from a deterministic state: no randomness, every neuron at initialVoltage', () => {
    const p = resolveParams(IntegrateAndFire, { initialVoltage: 0.25 });
    const a = IntegrateAndFire.initState(5, p, createRng(1)).voltage;
    const b = IntegrateAndFire.initState(5, p, createRng(99)).voltage;
    expect([...a]).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
    expect([...b]).toEqual([...a]);
  });

  it('averages to its RectifiedLinear rate, with amplitude / dt per spike', () => {
    const p = resolveParams(IntegrateAndFire, { amplitude: 0.01 });
    const currents = [0, 3, 17.5, 99, 222, 400, -50];
    const counts = spikeCounts(currents, 1000, p);
    const rates = new Float32Array(currents.length);
    IntegrateAndFire.rates(Float32Array.from(currents), rates, p);
    currents.forEach((J, i) => {
      expect(rates[i]).toBeCloseTo(0.01 * Math.max(0, J), 6);
      expect(Math.abs(counts[i] - Math.max(0, J))).toBeLessThanOrEqual(0.5);
    });
    expect(IntegrateAndFire.surrogate?.type).toBe('RectifiedLinear');
  });

  it('the float32 step gives the same spikes as the float64 step and lists them in order', () => {
    const rng = createRng(3);
    const n = 1000;
    const p = resolveParams(IntegrateAndFire);
    const s64 = IntegrateAndFire.initState(n, p, rng);
    const s32 = IntegrateAndFire.initState(n, p, rng);
    const out64 = new Float32Array(n);
    const out32 = new Float32Array(n);
    const index = new Int32Array(n);
    const value = new Float32Array(n);
    let spikes = 0;
    for (let s = 0; s < 50; s++) {
      const J = rng.fillUniform(new Float32Array(n), -400, 900);
      IntegrateAndFire.step(dt, J, out64, s64, p);
      const count = IntegrateAndFire.stepFloat32!(dt, J, out32, s32, p, index, value);
      expect(out32).toEqual(out64);
      const listed = [...out32.keys()].filter((i) => out32[i] !== 0);
      expect([...index.subarray(0, count)]).toEqual(listed);
      expect([...value.subarray(0, count)]).toEqual(listed.map((i) => out32[i]));
      spikes += count;
    }
    expect(spikes).toBeGreaterThan(5000);
    for (let i = 0; i < n; i++) expect(s32.voltage[i]).toBeCloseTo(s64.voltage[i], 4);
    expect(integrateAndFireStepF32(dt, Float32Array.of(2000), new Float32Array(1), Float32Array.of(0), 1, 0, new Int32Array(1), new Float32Array(1), 0)).toBe(1);
  });

  it('maxSpikesPerStep caps the spikes of a step; the rest of v carries over (one spike a step: a rate clipped at 1/dt)', () => {
    const p = resolveParams(IntegrateAndFire, { initialVoltage: 0, maxSpikesPerStep: 1 });
    const state = IntegrateAndFire.initState(1, p, createRng(0));
    const out = new Float32Array(1);
    const expected: [number, number, number][] = [
      [2500, 1000, 1.5], // floor(2.5) = 2 spikes, capped at 1
      [0, 1000, 0.5], // the carried-over voltage spikes on its own
      [300, 0, 0.8],
    ];
    for (const [J, output, v] of expected) {
      IntegrateAndFire.step(dt, Float32Array.of(J), out, state, p);
      expect(out[0]).toBe(output);
      expect(state.voltage[0]).toBeCloseTo(v, 6);
    }
    const counts = spikeCounts([500, 1500, 4000], 100, resolveParams(IntegrateAndFire, { maxSpikesPerStep: 1 }));
    expect([...counts]).toEqual([50, 100, 100]);
    expect(() => resolveParams(IntegrateAndFire, { maxSpikesPerStep: 0 })).toThrow(/maxSpikesPerStep = 0/);
  });

  it('is registered with the built-in types', () => {
    expect(createNeuronRegistry().get('IntegrateAndFire')).toBe(IntegrateAndFire);
  });
});
