/**
 * numpy's `np.round` for one number: round half to even (2.5 -> 2, 3.5 -> 4, -2.5 -> -2,
 * 127.5 -> 128), as every "round" in Nengo Loihi (spec loihi.md). Non-finite values pass through.
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x); // rounds halves toward +Infinity
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
