import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { spikingRectifiedLinearStep } from '../kernels/spiking-rectified-linear-step.js';
import { spikingRectifiedLinearStepF32 } from '../kernels/spiking-rectified-linear-step-f32.js';
import { allocNeuronArray, freeNeuronArray } from './neuron-array.js';
import { spikingRectifiedLinearStepF32Auto } from './spiking-rectified-linear-step-f32-auto.js';

function same(a: Float32Array | Int32Array, b: Float32Array | Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('SpikingRectifiedLinear float32 step (NengoDL arithmetic) with its spike list', () => {
  it('WebAssembly and JS give identical outputs, voltages and lists, with several spikes per step and negative J', () => {
    // sizes: several 1,024-neuron blocks, a last block ending in 8 neurons or in a part of a
    // 64-neuron mask word; J ranges: most neurons active (several spikes per step), ~3% active
    const cases = [100_003, 1, 7, 8, 9, 1048, 4104].flatMap((n) => [[n, -500, 3500], [n, -20, 80]]);
    for (const [n, jLow, jHigh] of cases) {
      const rng = createRng(n);
      const J = rng.fillUniform(new Float32Array(n), jLow, jHigh);
      const v = rng.fillUniform(new Float32Array(n), 0, 1);
      for (let i = 0; i < n; i += 9) v[i] = -0.5 - v[i]; // a user-set negative start: floor(v) = -1
      const out = new Float32Array(n);
      const index = new Int32Array(n);
      const value = new Float32Array(n);
      const [wJ, wOut, wV, wIndexF, wValue] = [0, 1, 2, 3, 4].map(() => allocNeuronArray(n));
      const wIndex = new Int32Array(wIndexF.buffer, wIndexF.byteOffset, n);
      wJ.set(J);
      wV.set(v);
      for (let s = 0; s < 100; s++) {
        const count = spikingRectifiedLinearStepF32(0.001, J, out, v, 0.7, 0, index, value, 0);
        expect(spikingRectifiedLinearStepF32Auto(0.001, wJ, wOut, wV, 0.7, wIndex, wValue)).toBe(count);
        if (!same(wOut, out) || !same(wV, v) || !same(wIndex.subarray(0, count), index.subarray(0, count)) || !same(wValue.subarray(0, count), value.subarray(0, count))) {
          throw new Error(`n = ${n}, step ${s}: results differ`);
        }
        // the list is exactly the nonzero outputs, in order
        let k = 0;
        for (let i = 0; i < n; i++) if (out[i] !== 0 && (index[k] !== i || value[k++] !== out[i])) throw new Error(`n = ${n}, step ${s}: list wrong at ${i}`);
        expect(k).toBe(count);
      }
      for (const a of [wJ, wOut, wV, wIndexF, wValue]) freeNeuronArray(a);
    }
  });

  it('spikes like the float64 kernel: per-neuron counts over 1,000 steps differ by at most one', () => {
    const n = 20_000;
    const rng = createRng(5);
    const J = rng.fillUniform(new Float32Array(n), 0, 400);
    const v0 = rng.fillUniform(new Float32Array(n), 0, 1);
    const [v32, v64] = [Float32Array.from(v0), Float32Array.from(v0)];
    const out32 = new Float32Array(n);
    const out64 = new Float32Array(n);
    const [c32, c64] = [new Float64Array(n), new Float64Array(n)];
    const index = new Int32Array(n);
    const value = new Float32Array(n);
    for (let s = 0; s < 1000; s++) {
      spikingRectifiedLinearStepF32(0.001, J, out32, v32, 1, 0, index, value, 0);
      spikingRectifiedLinearStep(0.001, J, out64, v64, 1);
      for (let i = 0; i < n; i++) {
        c32[i] += out32[i] * 0.001;
        c64[i] += out64[i] * 0.001;
      }
    }
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(Math.round(c32[i]) - Math.round(c64[i])));
    expect(worst).toBeLessThanOrEqual(1);
    // and both fire at the rate max(J, 0) Hz within one spike
    for (let i = 0; i < n; i += 97) expect(Math.abs(c32[i] - J[i])).toBeLessThanOrEqual(1.0001);
  });
});
