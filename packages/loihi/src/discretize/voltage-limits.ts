import { roundHalfEven } from '../round.js';

/**
 * The chip's lower voltage limit for a float vmin (spec §2.3): `1 - 2^e` with
 * `e = clip(round(log2(1 - vScale*vmin)), 0, 31)`. vmin 0 gives 0.
 */
export function vminInt(vmin: number, vScale: number): number {
  const e = clip(roundHalfEven(Math.log2(1 - vScale * vmin)), 0, 31);
  return 1 - 2 ** e;
}

/**
 * The chip's upper voltage limit for a float vmax (spec §2.3): `2^(9 + 2e) - 1` with
 * `e = clip(round((log2(vScale*vmax + 1) - 9)/2), 0, 7)`. vmax Infinity gives 2^23 - 1 = 8388607.
 */
export function vmaxInt(vmax: number, vScale: number): number {
  const e = clip(roundHalfEven((Math.log2(vScale * vmax + 1) - 9) * 0.5), 0, 7);
  return 2 ** (9 + 2 * e) - 1;
}

function clip(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}
