import { describe, expect, it } from 'vitest';
import { decayInt, decayInt32, decayUInt, decayVInt } from './integer-decay.js';
import { seededInts } from '../emulator/seeded-ints.js';
import { decayMagnitude } from './decay-magnitude.js';

const dt = 0.001;
const decayOf = (tau: number): number => -Math.expm1(-dt / tau);

describe('integer decays (spec §2.2)', () => {
  it('current decays: tau_s 0.005 -> 741, 0.01 -> 389, 0.1 -> 40, no filter -> 4094', () => {
    expect(decayUInt(decayOf(0.005))).toBe(741);
    expect(decayUInt(decayOf(0.01))).toBe(389);
    expect(decayUInt(decayOf(0.1))).toBe(40);
    expect(decayUInt(1)).toBe(4094);
  });
  it('voltage decays: tau_rc 0.02 -> 200, 0.05 -> 81, 0.1 -> 41', () => {
    expect(decayVInt(decayOf(0.02))).toBe(200);
    expect(decayVInt(decayOf(0.05))).toBe(81);
    expect(decayVInt(decayOf(0.1))).toBe(41);
  });
  it('decayInt truncates toward zero: sign(x) * ((|x| * (4096 - offset - decay)) >> 12)', () => {
    expect(decayInt(524160, 200)).toBe(Math.floor((524160 * 3896) / 4096));
    expect(decayInt(16256, 741, 1)).toBe(13311); // Trace B b0 current, steps 3 -> 4
    expect(decayInt(3328, 741, 1)).toBe(2725);
    expect(decayInt(-7, 2048)).toBe(-3);
    expect(decayInt(2 ** 23, 1, 1)).toBe(2 ** 23 - 2 * 2 ** 11);
  });
  it('Trace A voltage: v accumulates bias 524160 with decay 200 (steps 1..8)', () => {
    const v: number[] = [];
    let x = 0;
    for (let t = 0; t < 8; t++) v.push((x = decayInt(x, 200) + 524160));
    expect(v).toEqual([524160, 1022726, 1496948, 1948014, 2377056, 2785148, 3173314, 3542527]);
  });
});

describe('decayMagnitude (spec §2.2)', () => {
  it('decay_magnitude(200) = 20.478820278663, decay_magnitude(741, offset 1) = 5.520127454396', () => {
    expect(decayMagnitude(200)).toBeCloseTo(20.478820278663, 11);
    expect(decayMagnitude(741, 1)).toBeCloseTo(5.520127454396, 11);
  });
  it('estimates the summed integer decay series of 2^21 within 1e-3', () => {
    for (const [decay, offset] of [[200, 0], [741, 1], [41, 0]] as const) {
      let x = 2 ** 21;
      let sum = 0;
      while (x > 0) {
        sum += x;
        x = decayInt(x, decay, offset);
      }
      expect(Math.abs(sum / 2 ** 21 - decayMagnitude(decay, offset)) / (sum / 2 ** 21)).toBeLessThan(1e-3);
    }
  });
  it('decayInt32 equals decayInt for every int32 register value tried (edges and 20,000 seeded values)', () => {
    const edges = [0, 1, 4095, 4096, 4097, 2 ** 21, 2 ** 23 - 1, 2 ** 23, 2 ** 31 - 1].flatMap((x) => [x, -x]);
    const xs = [...edges, ...seededInts(7, 20000, -(2 ** 31 - 1), 2 ** 31 - 1)];
    const decays = seededInts(8, xs.length, 0, 4095);
    for (let i = 0; i < xs.length; i++) {
      for (const [decay, offset] of [[decays[i]!, 0], [decays[i]! % 4095, 1], [0, 0], [4095, 0]] as const) {
        expect(decayInt32(xs[i]!, 4096 - offset - decay)).toBe(decayInt(xs[i]!, decay, offset) | 0); // as an int32 register holds it (no -0)
      }
    }
  });
});
