import { describe, expect, it } from 'vitest';
import { bitsPerAxon, denseSynapseFormat, realIndexBits } from './bits-per-axon.js';

describe('bitsPerAxon (spec §4.2)', () => {
  it('counts dense 8-bit weights in 64-weight chunks rounded up to 64 bits', () => {
    const golden: [number, number][] = [[1, 64], [10, 128], [63, 576], [64, 576], [65, 640], [100, 896], [128, 1152], [200, 1856], [600, 5440]];
    for (const [n, bits] of golden) expect(bitsPerAxon(n, denseSynapseFormat)).toBe(bits);
  });

  it('adds index bits for compression 0 (convolution) and delay/tag bits to every weight', () => {
    // 12 weights of 8 + 10 index bits: 12*18 + 10 = 226 -> 256
    expect(bitsPerAxon(12, { weightBits: 8, idxBits: 10, compression: 0 })).toBe(256);
    // 64 weights of 8 + 6 + 1 delay bits: 64*15 + 10 = 970 -> 1024
    expect(bitsPerAxon(64, { weightBits: 8, idxBits: 6, compression: 0, delayBits: 1 })).toBe(1024);
    // compression 3 ignores index bits
    expect(bitsPerAxon(10, { weightBits: 8, idxBits: 12, compression: 3 })).toBe(128);
    expect(bitsPerAxon(0, denseSynapseFormat)).toBe(0);
  });

  it('test_validate_block: dense 500x600 uses 2720000 bits (5440 per axon)', () => {
    expect(500 * bitsPerAxon(600, denseSynapseFormat)).toBe(2720000);
  });
});

describe('realIndexBits', () => {
  it('takes the smallest index width covering the largest index', () => {
    expect(realIndexBits(0)).toBe(0);
    expect(realIndexBits(1)).toBe(6);
    expect(realIndexBits(63)).toBe(6);
    expect(realIndexBits(64)).toBe(7);
    expect(realIndexBits(675)).toBe(10);
    expect(realIndexBits(4095)).toBe(12);
    // beyond 12 bits Nengo Loihi's placeholder code -1 reads the last entry
    expect(realIndexBits(5407)).toBe(12);
  });
});
