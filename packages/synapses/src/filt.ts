import { SnnError } from '@snn/ir';
import { SYNAPSE_STATE_SIZE } from './kernels/linear-kernel.js';
import type { FilterKernel } from './types.js';

/**
 * Runs `kernel` over a sequence of steps (Nengo's `Synapse.filt` without any graph delay):
 * `input[t]` holds step `t`'s value for each of `n` channels; returns one output array per
 * step. Starts from zero state unless `state` (from `kernel.initState(n)`) is given; a given
 * state is updated in place, so calls can be chained.
 */
export function filterSignal(
  kernel: FilterKernel,
  input: readonly Float32Array[],
  state?: Float32Array,
): Float32Array[] {
  if (input.length === 0) return [];
  const n = input[0].length;
  const x = state ?? kernel.initState(n);
  return input.map((u, t) => {
    if (u.length !== n)
      throw new SnnError(
        SYNAPSE_STATE_SIZE,
        `filterSignal: input[${t}] has ${u.length} channels but input[0] has ${n}; every step needs the same number`,
        { where: `input[${t}]` },
      );
    const y = new Float32Array(n);
    kernel.step(u, y, x);
    return y;
  });
}

/** One channel: filters `series[t]` (t = 0, 1, ...) and returns the outputs, from zero state. */
export function filterSeries(kernel: FilterKernel, series: ArrayLike<number>): Float32Array {
  const state = kernel.initState(1);
  const u = new Float32Array(1);
  const y = new Float32Array(1);
  const out = new Float32Array(series.length);
  for (let t = 0; t < series.length; t++) {
    u[0] = series[t];
    kernel.step(u, y, state);
    out[t] = y[0];
  }
  return out;
}
