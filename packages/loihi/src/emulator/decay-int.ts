/**
 * Nengo Loihi's `decay_int(x, decay, bits=12, offset)`:
 * `sign(x) * ((|x| * (4096 - offset - decay)) >> 12)`, i.e. truncation toward zero.
 * The product can exceed 32 bits (|x| < 2^24, factor <= 4096) but stays exact in a double,
 * and dividing by 4096 is exact, so `Math.trunc` gives the shifted value.
 * The current u decays with offset 1, the voltage v with offset 0.
 */
export function decayInt(x: number, decay: number, offset: number): number {
  return Math.trunc((x * (4096 - offset - decay)) / 4096);
}
