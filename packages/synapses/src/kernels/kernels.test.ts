import { describe, expect, it } from 'vitest';
import { createRng, isSnnError } from '@snn/ir';
import { alpha } from '../alpha.js';
import { linearFilter } from '../linear-filter.js';
import { lowpass } from '../lowpass.js';
import { none } from '../none.js';
import { alphaSpec, linearFilterSpec, lowpassSpec } from '../spec.js';
import type { FilterKernel } from '../types.js';
import type { LinearKernel } from './linear-kernel.js';

const dt = 0.001;
const wc = 2 * Math.PI * 50;

const kernels: [string, FilterKernel][] = [
  ['lowpass (oneX)', lowpass.discretize(lowpassSpec(0.005), dt)],
  ['alpha (noD, order 2)', alpha.discretize(alphaSpec(0.01), dt)],
  ['lead (general, order 1)', linearFilter.discretize(linearFilterSpec([0.01, 0], [0.01, 1]), dt)],
  ['butterworth (noD, order 3)', linearFilter.discretize(linearFilterSpec([1], [1 / wc ** 3, 2 / wc ** 2, 2 / wc, 1]), dt)],
  ['general order 2', linearFilter.discretize(linearFilterSpec([0.5, 1, 3], [0.0001, 0.02, 1]), dt)],
  ['gain (noX)', linearFilter.discretize(linearFilterSpec([3], [2]), dt)],
  ['none (identity)', none.discretize({ type: 'none' }, dt)],
];

describe('kernels over many channels', () => {
  it.each(kernels)('%s: 1003 channels at once equal each channel run alone', (_, kernel) => {
    const n = 1003; // not a multiple of the unroll width
    const steps = 20;
    const rng = createRng(7);
    const inputs = Array.from({ length: steps }, () => rng.fillUniform(new Float32Array(n), -2, 2));
    const state = kernel.initState(n);
    expect(state.length).toBe(n * Math.max(kernel.order, 1));
    const all = inputs.map((u) => {
      const y = new Float32Array(n);
      kernel.step(u, y, state);
      return y;
    });
    for (let i = 0; i < n; i += 37) {
      const s1 = kernel.initState(1);
      const u1 = new Float32Array(1);
      const y1 = new Float32Array(1);
      for (let t = 0; t < steps; t++) {
        u1[0] = inputs[t][i];
        kernel.step(u1, y1, s1);
        expect(y1[0]).toBe(all[t][i]);
      }
      // channel-major state: channel i's variables are state[i*order .. i*order + order)
      const order = kernel.order;
      if (order > 0) expect(Array.from(s1)).toEqual(Array.from(state.subarray(i * order, (i + 1) * order)));
    }
  });

  it('the identity filter copies input to output, and is a no-op in place', () => {
    const k = none.discretize({ type: 'none' }, dt) as LinearKernel;
    expect(k.order).toBe(0);
    const u = Float32Array.from([1, -2, 3.5]);
    const y = new Float32Array(3);
    k.step(u, y, k.initState(3));
    expect(Array.from(y)).toEqual([1, -2, 3.5]);
    k.step(u, u, k.initState(3));
    expect(Array.from(u)).toEqual([1, -2, 3.5]);
  });

  it('step rejects a state of the wrong size with SYNAPSE_STATE_SIZE', () => {
    const k = alpha.discretize(alphaSpec(0.01), dt);
    const u = new Float32Array(4);
    try {
      k.step(u, new Float32Array(4), new Float32Array(4));
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_STATE_SIZE')).toBe(true);
      expect((e as Error).message).toMatch(/state exactly 8 values \(order 2\)/);
    }
  });
});
