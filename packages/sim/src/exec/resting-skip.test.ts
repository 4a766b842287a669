import { describe, expect, it } from 'vitest';
import { createRng } from '@snn/ir';
import { SpikingRectifiedLinear, resolveParams, type NeuronState } from '@snn/neurons';
import { KernelArena } from '../wasm/sim-wasm.js';
import { RestingSkip } from './resting-skip.js';

const params = resolveParams(SpikingRectifiedLinear);
const dt = 0.001;

/**
 * Step n SpikingReLU neurons with constant currents for `steps` steps: every neuron each step
 * (reference), or through a RestingSkip packed after the first step. Arrays in kernel memory
 * (SIMD pack/unpack kernels) or plain (the JS path).
 */
function run(n: number, steps: number, skip: boolean, kernelMemory: boolean): number[][] {
  const arena = new KernelArena();
  const alloc = (k: number) => (kernelMemory ? arena.array(k) : new Float32Array(k));
  const rng = createRng(3);
  const J = alloc(n);
  for (let i = 0; i < n; i++) J[i] = rng.next() < 0.5 ? -rng.next() * 500 : rng.next() * 300;
  const state: NeuronState = { voltage: alloc(n) };
  rng.fillUniform(state.voltage, 0, 1);
  const value = alloc(n);
  const indexMemory = alloc(n);
  const active = { count: 0, index: new Int32Array(indexMemory.buffer, indexMemory.byteOffset, n), value: alloc(n) };
  const resting = skip ? new RestingSkip(SpikingRectifiedLinear.restsWhen!, n, arena, value, active) : undefined;
  const spikes: number[][] = [];
  const stepPacked = (j: Float32Array, out: Float32Array, s: NeuronState) => SpikingRectifiedLinear.stepFloat32!(dt, j, out, s, params, active.index, active.value);
  for (let t = 0; t < steps; t++) {
    if (resting?.packed) resting.step(stepPacked);
    else active.count = SpikingRectifiedLinear.stepFloat32!(dt, J, value, state, params, active.index, active.value);
    if (resting && t === 0) resting.pack(J, state, n);
    // the dense output holds exactly the listed spikes
    const listed = new Map(Array.from(active.index.subarray(0, active.count), (i, k) => [i, active.value[k]] as const));
    for (let i = 0; i < n; i++) expect(value[i]).toBe(listed.get(i) ?? 0);
    spikes.push(Array.from(active.index.subarray(0, active.count)));
  }
  return spikes;
}

describe('RestingSkip', () => {
  for (const kernelMemory of [true, false]) {
    it(`steps only the moving neurons and lists the same spikes in population order (${kernelMemory ? 'SIMD kernels' : 'JS path'})`, () => {
      const n = 5003;
      const full = run(n, 25, false, kernelMemory);
      const skipped = run(n, 25, true, kernelMemory);
      expect(full.flat().length).toBeGreaterThan(1000);
      expect(skipped).toEqual(full);
    });
  }
});
