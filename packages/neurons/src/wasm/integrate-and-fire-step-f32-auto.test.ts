import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { integrateAndFireStepF32 } from '../kernels/integrate-and-fire-step.js';
import { allocNeuronArray, freeNeuronArray } from './neuron-array.js';
import { integrateAndFireStepF32Auto } from './integrate-and-fire-step-f32-auto.js';

function same(a: Float32Array | Int32Array, b: Float32Array | Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('IntegrateAndFire float32 step with its spike list', () => {
  it('WebAssembly and JS give identical outputs, voltages and lists: signed input, negative voltages, several spikes per step, capped or not', () => {
    // sizes: several 1,024-neuron blocks, tails of 1-7 neurons and of part of a 64-neuron mask word;
    // J ranges: mostly spiking (several spikes per step), sparse (~3%), mostly negative
    const cases = [100_003, 1, 7, 8, 9, 1048, 4104].flatMap((n) => [[n, -1500, 3500, Infinity], [n, -60, 80, Infinity], [n, -400, 100, Infinity], [n, -1500, 3500, 1], [n, -500, 5000, 2]]);
    for (const [n, jLow, jHigh, maxSpikes] of cases) {
      const rng = createRng(n + jLow);
      const J = rng.fillUniform(new Float32Array(n), jLow, jHigh);
      const v = rng.fillUniform(new Float32Array(n), -1, 1);
      const out = new Float32Array(n);
      const index = new Int32Array(n);
      const value = new Float32Array(n);
      const [wJ, wOut, wV, wIndexF, wValue] = [0, 1, 2, 3, 4].map(() => allocNeuronArray(n));
      const wIndex = new Int32Array(wIndexF.buffer, wIndexF.byteOffset, n);
      wJ.set(J);
      wV.set(v);
      let spikes = 0;
      for (let s = 0; s < 60; s++) {
        const count = integrateAndFireStepF32(0.001, J, out, v, 0.7, 0, index, value, 0, maxSpikes);
        expect(integrateAndFireStepF32Auto(0.001, wJ, wOut, wV, 0.7, wIndex, wValue, maxSpikes)).toBe(count);
        if (!same(wOut, out) || !same(wV, v) || !same(wIndex.subarray(0, count), index.subarray(0, count)) || !same(wValue.subarray(0, count), value.subarray(0, count))) {
          throw new Error(`n = ${n}, J in [${jLow}, ${jHigh}), step ${s}: results differ`);
        }
        let k = 0;
        for (let i = 0; i < n; i++) if (out[i] !== 0 && (index[k] !== i || value[k++] !== out[i])) throw new Error(`n = ${n}, step ${s}: list wrong at ${i}`);
        for (let i = 0; i < n; i++) if (out[i] > Math.fround(maxSpikes * Math.fround(0.7 / 0.001))) throw new Error(`n = ${n}: more than ${maxSpikes} spikes at ${i}`);
        expect(k).toBe(count);
        spikes += count;
      }
      if (n > 1000) expect(spikes).toBeGreaterThan(0);
      for (const a of [wJ, wOut, wV, wIndexF, wValue]) freeNeuronArray(a);
    }
  });
});
