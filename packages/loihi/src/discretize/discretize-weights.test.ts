import { describe, expect, it } from 'vitest';
import { createRng } from '@snn/ir';
import { roundHalfEven } from '../round.js';
import { discretizeWeights } from './discretize-weights.js';
import { DENSE_SYNAPSE_FORMAT, shiftBits } from './synapse-format.js';

describe('discretizeWeights (spec §2.4)', () => {
  it('dense 8-bit mixed-sign format shifts by 1', () => {
    expect(shiftBits(DENSE_SYNAPSE_FORMAT)).toBe(1);
    expect(shiftBits({ weightBits: 6, mixedSign: false })).toBe(2);
  });

  it("w' 255 -> 16256 (127.5 rounds to 128, clipped to 127), 51 -> 3328, -127.5 -> -8192 (weight_exp 0)", () => {
    expect(Array.from(discretizeWeights([255, 51, -127.5], DENSE_SYNAPSE_FORMAT, 0))).toEqual([16256, 3328, -8192]);
  });

  for (const lossyShift of [true, false]) {
    it(`test_lossy_shift (lossy_shift ${lossyShift}): 6 bits, fanout 0 -> W_int = round(w/4) << 8`, () => {
      const rng = createRng(3);
      const w = Array.from({ length: 100 }, () => rng.uniform(-100, 100));
      const expected = Int32Array.from(w, (x) => Math.min(Math.max(roundHalfEven(x / 4), -64), 64) * 2 ** 8);
      expect(discretizeWeights(w, { weightBits: 6, mixedSign: false }, 0, { lossyShift })).toEqual(expected);
    });
  }

  it('rounds (ties to even) before a right shift and warns about the lost bits', () => {
    const warnings: string[] = [];
    // q = 122, 123, -61; s2 = 1 - 3 = -2: round(30.5) = 30, round(30.75) = 31, round(-15.25) = -15.
    const w = discretizeWeights([244, 246, -122], DENSE_SYNAPSE_FORMAT, -3, { onWarning: (m) => warnings.push(m) });
    expect(Array.from(w)).toEqual([30 << 6, 31 << 6, -15 << 6]);
    expect(warnings).toEqual(['Lost 2 extra bits in weight rounding']);
  });

  it('without lossy shift, shifts once (right shifts floor)', () => {
    // q = 122, 123, -61 shifted by 6 - 2 = 4 in one go.
    expect(Array.from(discretizeWeights([244, 246, -122], DENSE_SYNAPSE_FORMAT, -3, { lossyShift: false }))).toEqual([
      122 << 4, 123 << 4, -61 << 4,
    ]);
  });

  it('left-shifts by shift + weight_exp for positive exponents', () => {
    expect(Array.from(discretizeWeights([100], DENSE_SYNAPSE_FORMAT, 2))).toEqual([(50 << 3) << 6]);
  });
});
