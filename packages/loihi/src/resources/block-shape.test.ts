import { describe, expect, it } from 'vitest';
import { blockShape, blockSize, blockTiles, nSplits, sequentialBlockShape } from './block-shape.js';

describe('BlockShape (spec §4.3, §6.1)', () => {
  it('test_block_shape_1d and 3d: splits, block size', () => {
    const b1 = blockShape([5], [15], 15);
    expect([nSplits(b1), blockSize(b1)]).toEqual([3, 5]);
    const b3 = blockShape([2, 3, 2], [4, 6, 7], 168);
    expect([nSplits(b3), blockSize(b3)]).toEqual([16, 12]);
    expect(nSplits(blockShape([5], [10]))).toBe(2);
    expect(nSplits(blockShape([2, 2], [4, 4]))).toBe(4);
  });

  it('tiles in C order, first axis slowest', () => {
    expect(blockTiles(blockShape([2, 2], [4, 4])).map((t) => [...t])).toEqual([[0, 1, 4, 5], [2, 3, 6, 7], [8, 9, 12, 13], [10, 11, 14, 15]]);
    // the last tile along an axis is smaller
    expect(blockTiles(blockShape([134], [400])).map((t) => t.length)).toEqual([134, 134, 132]);
    const t = blockTiles(blockShape([2, 2, 1], [3, 2, 2]));
    expect(t.map((x) => [...x])).toEqual([[0, 2, 4, 6], [1, 3, 5, 7], [8, 10], [9, 11]]);
  });

  it("raises Nengo Loihi's errors naming the layer", () => {
    expect(() => blockShape([6, 2], [6, 2], 10, 'ens')).toThrow('ens: Block shape ensemble size (`prod([6, 2]) = 12`) must match number of ensemble neurons (10)');
    expect(() => blockShape([2], [4, 4], 16, 'ens')).toThrow('`shape` and `ensemble_shape` must be the same length');
    expect(() => blockShape([2.5], [4], 4, 'ens')).toThrow('All elements must be an int');
    expect(() => blockShape([0], [4], 4, 'ens')).toThrow('must be positive');
    try {
      blockShape([6, 2], [6, 2], 10, 'ens');
    } catch (e) {
      expect((e as { code: string }).code).toBe('LOIHI_BLOCK_SHAPE');
    }
  });

  it('test_split_ensembles: sequential split from the limits', () => {
    const seq = (n: number) => blockTiles(sequentialBlockShape({ compartments: n, inAxons: 0, outAxonSlots: 0, synapseBits: 0 })).map((t) => t.length);
    expect(seq(1100)).toEqual([550, 550]);
    expect(seq(400)).toEqual([400]);
    // bits drive the split: 1026 axons of 200 weights (1856 bits each)
    expect(nSplits(sequentialBlockShape({ compartments: 200, inAxons: 1026, outAxonSlots: 0, synapseBits: 1026 * 1856 }))).toBe(2);
    expect(nSplits(sequentialBlockShape({ compartments: 10, inAxons: 9000, outAxonSlots: 0, synapseBits: 0 }))).toBe(3);
  });
});
