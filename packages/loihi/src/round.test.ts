import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round.js';

describe('roundHalfEven (numpy np.round)', () => {
  it('rounds halves to the even neighbour, the spec examples included', () => {
    expect([2.5, 127.5, 25.5, 0.5, 1.5, -0.5, -1.5, -2.5, 3.5].map(roundHalfEven)).toEqual([2, 128, 26, 0, 2, -0, -2, -2, 4]);
  });
  it('rounds everything else to the nearest integer', () => {
    expect([2.4999, 2.5001, -2.6, 199.7, 4094.9].map(roundHalfEven)).toEqual([2, 3, -3, 200, 4095]);
  });
});
