import { describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { filterSeries, filterSignal } from './filt.js';
import { lowpass } from './lowpass.js';
import { lowpassSpec } from './spec.js';

describe('filterSignal', () => {
  const kernel = lowpass.discretize(lowpassSpec(0.01), 0.001);

  it('filters every channel and equals filterSeries per channel', () => {
    const input = Array.from({ length: 6 }, (_, t) => Float32Array.from([1, t, -t * 0.5]));
    const out = filterSignal(kernel, input);
    expect(out).toHaveLength(6);
    for (let c = 0; c < 3; c++) {
      const one = filterSeries(kernel, input.map((u) => u[c]));
      expect(out.map((y) => y[c])).toEqual(Array.from(one));
    }
    // channel 0 is the unit step of spec §1.3
    expect(Math.abs(out[4][0] - 0.3934693403)).toBeLessThan(1e-7);
  });

  it('continues from a given state, so runs can be split', () => {
    const input = Array.from({ length: 10 }, (_, t) => Float32Array.from([Math.sin(t)]));
    const whole = filterSignal(kernel, input);
    const state = kernel.initState(1);
    const split = [...filterSignal(kernel, input.slice(0, 4), state), ...filterSignal(kernel, input.slice(4), state)];
    expect(split).toEqual(whole);
  });

  it('rejects steps with different channel counts', () => {
    try {
      filterSignal(kernel, [new Float32Array(2), new Float32Array(3)]);
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_STATE_SIZE')).toBe(true);
      expect((e as Error).message).toContain('input[1] has 3 channels');
    }
  });
});
