import { describe, expect, it } from 'vitest';
import { vmaxInt, vminInt } from './voltage-limits.js';

describe('vminInt / vmaxInt (spec §2.3)', () => {
  it('vmin 0 -> 0 and vmax Infinity -> 2^23 - 1 = 8388607', () => {
    expect(vminInt(0, 5367089.219)).toBe(0);
    expect(vmaxInt(Infinity, 5367089.219)).toBe(8388607);
  });
  it('vmin -1 at v_scale 5367089.219: e = round(log2(5367090.219)) = 22 -> 1 - 2^22', () => {
    expect(vminInt(-1, 5367089.219)).toBe(1 - 2 ** 22);
  });
  it('clips the exponents: vmin e <= 31, vmax e in 0..7', () => {
    expect(vminInt(-1e12, 1e3)).toBe(1 - 2 ** 31);
    expect(vmaxInt(0, 1)).toBe(2 ** 9 - 1);
    // log2(2^13) = 13 -> (13 - 9)/2 = 2 -> 2^(9+4) - 1
    expect(vmaxInt(2 ** 13 - 1, 1)).toBe(2 ** 13 - 1);
  });
});
