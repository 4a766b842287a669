import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { spikingRectifiedLinearStep } from '../kernels/spiking-rectified-linear-step.js';
import { allocNeuronArray, freeNeuronArray } from './neuron-array.js';
import { spikingRectifiedLinearStepAuto } from './spiking-rectified-linear-step-auto.js';

function sameBits(a: Float32Array, b: Float32Array): boolean {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  return x.every((bits, i) => bits === y[i]);
}

describe('SpikingRectifiedLinear step through WebAssembly', () => {
  it('gives bit-identical outputs and voltages to the JS kernel, with several spikes per step and negative J', () => {
    for (const n of [100_001, 1, 2, 3]) {
      const rng = createRng(n);
      const J = rng.fillUniform(new Float32Array(n), -500, 3500);
      const v = rng.fillUniform(new Float32Array(n), 0, 1);
      for (let i = 0; i < n; i += 9) v[i] = -0.5 - v[i]; // a user-set negative start: floor(v) = -1
      const out = new Float32Array(n);
      const [wJ, wOut, wV] = [J, out, v].map((a) => allocNeuronArray(n).fill(0));
      wJ.set(J);
      wV.set(v);
      let spikes = 0;
      for (let s = 0; s < 300; s++) {
        const a = spikingRectifiedLinearStep(0.001, J, out, v, 0.7);
        expect(spikingRectifiedLinearStepAuto(0.001, wJ, wOut, wV, 0.7)).toBe(a);
        spikes += a;
        if (!sameBits(out, wOut) || !sameBits(v, wV)) throw new Error(`n = ${n}, step ${s}: results differ`);
      }
      if (n > 3) expect(spikes).toBeGreaterThan(n * 100);
      for (const a of [wJ, wOut, wV]) freeNeuronArray(a);
    }
  });
});
