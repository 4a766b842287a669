/**
 * Round to the nearest integer, ties to even, as numpy's `np.round` does (2.5 -> 2, 127.5 -> 128,
 * -2.5 -> -2). Nengo Loihi rounds every discretized value this way; `Math.round` would send ties
 * up and break bit-exactness.
 */
export function roundHalfEven(x: number): number {
  if (Math.abs(x % 1) === 0.5) return 2 * Math.round(x / 2);
  return Math.round(x);
}
