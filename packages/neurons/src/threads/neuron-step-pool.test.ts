import { createRng, isSnnError } from '@snn/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIF } from '../neurons/lif.js';
import { SpikingRectifiedLinear } from '../neurons/spiking-rectified-linear.js';
import { Sigmoid } from '../neurons/sigmoid.js';
import { resolveParams } from '../params.js';
import type { NeuronType } from '../types.js';
import { allocNeuronArray, freeNeuronArray } from '../wasm/neuron-array.js';
import { createNeuronStepPool, type NeuronStepPool } from './neuron-step-pool.js';

const dt = 0.001;

/** Run `steps` steps of `type` on `pool` (or type.step when null); spikes per step and final arrays. */
function run(type: NeuronType, pool: NeuronStepPool | null, n: number, steps: number, params = resolveParams(type)) {
  const J = createRng(11).fillUniform(allocNeuronArray(n), -1, type === LIF ? 6 : 900);
  const out = allocNeuronArray(n);
  const state = type.initState(n, params, createRng(12));
  const spikes: number[] = [];
  for (let s = 0; s < steps; s++) {
    spikes.push(pool === null ? type.step(dt, J, out, state, params) : pool.step(type, dt, J, out, state, params));
  }
  const result = { spikes, out: out.slice(), state: Object.fromEntries(Object.entries(state).map(([k, a]) => [k, a.slice()])) };
  for (const a of [J, out, ...Object.values(state)]) freeNeuronArray(a);
  return result;
}

describe('createNeuronStepPool', () => {
  let pool: NeuronStepPool;
  beforeAll(async () => {
    pool = await createNeuronStepPool({ threads: 2, minParallel: 1000 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('starts a worker in Node', () => {
    expect(pool.threads).toBe(2);
  });

  it('gives the same LIF spikes, outputs and states on 2 threads as on 1 (odd population size)', () => {
    const n = 50_003;
    const one = run(LIF, null, n, 200);
    const two = run(LIF, pool, n, 200);
    expect(one.spikes.reduce((a, b) => a + b)).toBeGreaterThan(n);
    expect(two.spikes).toEqual(one.spikes);
    expect(two.out).toEqual(one.out);
    expect(two.state.voltage).toEqual(one.state.voltage);
    expect(two.state.refractoryTime).toEqual(one.state.refractoryTime);
  });

  it('gives the same SpikingRectifiedLinear results on 2 threads as on 1', () => {
    const params = resolveParams(SpikingRectifiedLinear, { amplitude: 0.5 });
    const one = run(SpikingRectifiedLinear, null, 40_001, 100, params);
    const two = run(SpikingRectifiedLinear, pool, 40_001, 100, params);
    expect(two.spikes).toEqual(one.spikes);
    expect(two.out).toEqual(one.out);
    expect(two.state.voltage).toEqual(one.state.voltage);
  });

  it('gives the same float32 LIF results on 2 threads as on 1, close to the exact ones', async () => {
    const n = 50_003;
    const two32 = await createNeuronStepPool({ threads: 2, minParallel: 1000, precision: 'float32' });
    const one32 = await createNeuronStepPool({ threads: 1, precision: 'float32' });
    try {
      expect(two32.precision).toBe('float32');
      expect(pool.precision).toBe('float64');
      const a = run(LIF, two32, n, 200);
      const b = run(LIF, one32, n, 200);
      expect(a.spikes).toEqual(b.spikes);
      expect(a.out).toEqual(b.out);
      expect(a.state.voltage).toEqual(b.state.voltage);
      expect(a.state.refractoryTime).toEqual(b.state.refractoryTime);
      const exact = run(LIF, null, n, 200);
      expect(a.state.voltage).not.toEqual(exact.state.voltage); // the float32 kernel ran
      const total = (s: number[]): number => s.reduce((x, y) => x + y);
      expect(Math.abs(total(a.spikes) - total(exact.spikes)) / total(exact.spikes)).toBeLessThan(1e-3);
      // small populations run on the calling thread, through the float32 kernel too
      expect(run(LIF, two32, 999, 50).state.voltage).toEqual(run(LIF, one32, 999, 50).state.voltage);
    } finally {
      await two32.close();
      await one32.close();
    }
  });

  it('rejects an unknown precision', async () => {
    let error: unknown;
    try {
      await createNeuronStepPool({ precision: 'float16' as 'float32' });
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error, 'NEURON_BAD_PRECISION')).toBe(true);
  });

  it('steps small populations, other types and plain arrays on the calling thread with the same results', () => {
    const small = run(LIF, pool, 999, 50);
    expect(small.spikes).toEqual(run(LIF, null, 999, 50).spikes);
    const p = resolveParams(Sigmoid);
    const J = Float32Array.of(-1, 0, 2);
    const out = new Float32Array(3);
    expect(pool.step(Sigmoid, dt, J, out, {}, p)).toBe(3);
    expect(out[1]).toBeCloseTo(0.5 / p.tauRef, 3);
    const plain = { voltage: new Float32Array(2000), refractoryTime: new Float32Array(2000) };
    const pOut = new Float32Array(2000);
    const spikes = pool.step(LIF, dt, new Float32Array(2000).fill(1e4), pOut, plain, resolveParams(LIF));
    expect(spikes).toBe(2000);
    expect(pOut[1999]).toBe(1000);
  });

  it('runs on one thread when asked, and refuses to step once closed', async () => {
    const single = await createNeuronStepPool({ threads: 1 });
    expect(single.threads).toBe(1);
    expect(run(LIF, single, 5000, 20).spikes).toEqual(run(LIF, null, 5000, 20).spikes);
    await single.close();
    const other = await createNeuronStepPool({ threads: 2 });
    await other.close();
    let error: unknown;
    try {
      other.step(LIF, dt, new Float32Array(1), new Float32Array(1), LIF.initState(1, resolveParams(LIF), createRng(1)), resolveParams(LIF));
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error, 'NEURON_POOL_CLOSED')).toBe(true);
  });
});
