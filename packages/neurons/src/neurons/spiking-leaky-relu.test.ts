import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { SpikingLeakyReLU } from './spiking-leaky-relu.js';

const dt = 0.001;
const params = resolveParams(SpikingLeakyReLU);

describe('SpikingLeakyReLU step (spec 2.6)', () => {
  it('truncates toward zero: J = -1500 three times gives 0, 0, -1000 with v = -0.45, -0.9, -0.35', () => {
    const state = SpikingLeakyReLU.initState(1, params, createRng(1));
    state.voltage[0] = 0;
    const out = new Float32Array(1);
    const expected: [number, number][] = [
      [0, -0.45],
      [0, -0.9],
      [-1000, -0.35],
    ];
    for (const [output, v] of expected) {
      const n = SpikingLeakyReLU.step(dt, Float32Array.of(-1500), out, state, params);
      expect(out[0]).toBe(output);
      expect(n).toBe(output !== 0 ? 1 : 0);
      expect(state.voltage[0]).toBeCloseTo(v, 6);
    }
  });

  it('integrates positive currents like SpikingRectifiedLinear, several spikes per step', () => {
    const state = SpikingLeakyReLU.initState(1, params, createRng(1));
    state.voltage[0] = 0;
    const out = new Float32Array(1);
    SpikingLeakyReLU.step(dt, Float32Array.of(2500), out, state, params);
    expect(out[0]).toBe(2000);
    expect(state.voltage[0]).toBeCloseTo(0.5, 6);
  });

  it('averages to its LeakyReLU rate, negative currents included', () => {
    const currents = [-300, -40, 0, 25, 180];
    const J = Float32Array.from(currents);
    const state = SpikingLeakyReLU.initState(5, params, createRng(9));
    const out = new Float32Array(5);
    const sums = new Float64Array(5);
    for (let s = 0; s < 1000; s++) {
      SpikingLeakyReLU.step(dt, J, out, state, params);
      for (let i = 0; i < 5; i++) sums[i] += out[i] * dt;
    }
    const rates = new Float32Array(5);
    SpikingLeakyReLU.rates(J, rates, params);
    expect(rates[0]).toBeCloseTo(-90, 4);
    // trunc leaves v anywhere in (-1, 1), so a neuron starting at v0 > 0 and driven negative
    // can lag by up to 1 + v0 spikes; positive currents lag by less than 1, as with floor.
    for (let i = 0; i < 5; i++) expect(Math.abs(sums[i] - rates[i])).toBeLessThan(currents[i] < 0 ? 2 : 1);
    expect(SpikingLeakyReLU.surrogate!.type).toBe('LeakyReLU');
    expect(SpikingLeakyReLU.surrogate!.params(params)).toEqual({ negativeSlope: 0.3, amplitude: 1 });
  });
});
