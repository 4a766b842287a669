/** Largest |value| of an array (0 when empty): a synapse's `max_abs_weight`, a block's largest bias. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}
