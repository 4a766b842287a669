import type { Padding } from './types.js';

/** Padding of one spatial axis: a Keras name or explicit `[before, after]`. */
export type AxisPadding = Exclude<Padding, ReadonlyArray<readonly [number, number]>> | readonly [number, number];

/**
 * Output length of one spatial axis of a convolution or pooling window (Nengo
 * `_forward_shape`, equal to TensorFlow): `valid` → `ceil((n - k + 1) / s)`, `same` →
 * `ceil(n / s)`, explicit `[before, after]` → `floor((n + before + after - k) / s) + 1`.
 * `k` is the effective window (`(k - 1) * dilation + 1`). A result below 1 means the
 * window does not fit; callers report it.
 */
export function convOutputSize(n: number, k: number, s: number, padding: AxisPadding): number {
  if (padding === 'valid') return Math.ceil((n - k + 1) / s);
  if (padding === 'same') return Math.ceil(n / s);
  return Math.floor((n + padding[0] + padding[1] - k) / s) + 1;
}

/**
 * Explicit `[before, after]` padding equal to `same` for one axis (TensorFlow and Nengo's
 * `calc_pad`): `p = max((out - 1) * s + k - n, 0)` with `out = ceil(n / s)`,
 * `floor(p / 2)` before and `ceil(p / 2)` after.
 */
export function samePadding(n: number, k: number, s: number): [number, number] {
  const out = Math.ceil(n / s);
  const p = Math.max((out - 1) * s + k - n, 0);
  return [Math.floor(p / 2), Math.ceil(p / 2)];
}
