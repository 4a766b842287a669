import { roundHalfEven } from '../round.js';

/** Largest 12-bit decay register value. */
const DECAY_MAX = 4095;

/**
 * The chip's current decay register for a float decay (spec §2.2):
 * `round(clip(decayU*4095 - 1, 0, 4095))`; the chip adds the 1 back (offset 1 in {@link decayInt}).
 */
export function decayUInt(decayU: number): number {
  return roundHalfEven(Math.min(Math.max(decayU * DECAY_MAX - 1, 0), DECAY_MAX));
}

/** The chip's voltage decay register for a float decay: `round(decayV*4095)` (spec §2.2). */
export function decayVInt(decayV: number): number {
  return roundHalfEven(decayV * DECAY_MAX);
}

/**
 * One integer decay step as the chip does it: `sign(x) * ((|x| * (4096 - offset - decay)) >> 12)`,
 * truncating toward zero. Current uses offset 1, voltage offset 0. Exact for |x| < 2^40 (the
 * product stays below 2^53, so the division by 4096 is exact in doubles).
 */
export function decayInt(x: number, decay: number, offset = 0): number {
  const r = 4096 - offset - decay;
  const y = Math.floor((Math.abs(x) * r) / 4096);
  return x < 0 ? -y : y;
}

/**
 * {@link decayInt} in int32 arithmetic for the emulator's registers (|x| < 2^31), with the
 * multiplier `r = 4096 - offset - decay` precomputed: `|x| = 4096 h + l` gives
 * `floor(|x| r / 4096) = h r + floor(l r / 4096)`, every term below 2^31. Same results, ~2x faster.
 */
export function decayInt32(x: number, r: number): number {
  const a = x < 0 ? -x : x;
  const y = (a >>> 12) * r + (((a & 4095) * r) >>> 12);
  return (x < 0 ? -y : y) | 0; // | 0: no -0, so the result stays a small integer for V8
}
