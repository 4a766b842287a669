import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round.js';

describe('roundHalfEven', () => {
  it('rounds ties to even like numpy (spec: 2.5 -> 2, 127.5 -> 128, 25.5 -> 26)', () => {
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(127.5)).toBe(128);
    expect(roundHalfEven(25.5)).toBe(26);
    expect(roundHalfEven(-2.5)).toBe(-2);
    expect(roundHalfEven(-127.5)).toBe(-128);
    expect(roundHalfEven(-63.75)).toBe(-64);
  });
  it('rounds non-ties to the nearest integer', () => {
    expect(roundHalfEven(2.4999)).toBe(2);
    expect(roundHalfEven(-3.6)).toBe(-4);
    expect(roundHalfEven(5367089.219)).toBe(5367089);
  });
});
