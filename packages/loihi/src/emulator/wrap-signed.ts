import { Q_BITS, U_BITS } from '../discretize/chip-constants.js';

export { Q_BITS, U_BITS };

/**
 * Nengo Loihi's `overflow_signed(x, bits)` for one int32: keep the low `bits` bits and bit
 * `bits` as the sign (two's complement), so the result lies in [-2^bits, 2^bits - 1].
 * A value already in range is returned unchanged; compare to detect an overflow.
 */
export function wrapSigned(x: number, bits: number): number {
  const shift = 31 - bits;
  return ((x << shift) >> shift) | 0;
}
