import { describe, expect, it } from 'vitest';
import { decayInt } from '../discretize/integer-decay.js';
import { Q_BITS, U_BITS, wrapSigned } from './wrap-signed.js';

describe('decayInt (Nengo Loihi decay_int)', () => {
  it('truncates toward zero for both signs: sign(x) * ((|x| * (4096 - offset - decay)) >> 12)', () => {
    // 107 * 3354 = 358878, >> 12 = 87 (87.6...); -107 -> -87, not -88
    expect(decayInt(107, 741, 1)).toBe(87);
    expect(decayInt(-107, 741, 1)).toBe(-87);
    // Trace A step 2: 524160 * 3896 / 4096 = 498566.25 -> 498566
    expect(decayInt(524160, 200, 0)).toBe(498566);
    // |x| near 2^23 times 4096 exceeds 32 bits and must stay exact
    expect(decayInt(2 ** 23 - 1, 0, 0)).toBe(2 ** 23 - 1);
    expect(decayInt(-(2 ** 23), 0, 1)).toBe(-(2 ** 23) + 2048);
    // tau_s = 0 (decay_u 4094, offset 1) keeps 1/4096 of the current: small values vanish
    expect(decayInt(4095, 4094, 1)).toBe(0);
  });
});

describe('wrapSigned (Nengo Loihi overflow_signed)', () => {
  it("keeps [-2^bits, 2^bits - 1] and wraps outside as two's complement", () => {
    expect(wrapSigned(2 ** U_BITS - 1, U_BITS)).toBe(2 ** U_BITS - 1);
    expect(wrapSigned(-(2 ** U_BITS), U_BITS)).toBe(-(2 ** U_BITS));
    expect(wrapSigned(2 ** U_BITS, U_BITS)).toBe(-(2 ** U_BITS));
    expect(wrapSigned(-(2 ** U_BITS) - 1, U_BITS)).toBe(2 ** U_BITS - 1);
    expect(wrapSigned(2 ** Q_BITS, Q_BITS)).toBe(-(2 ** Q_BITS));
    expect(wrapSigned(16256000, Q_BITS)).toBe(16256000 - 4 * 2 ** 22);
  });
});
