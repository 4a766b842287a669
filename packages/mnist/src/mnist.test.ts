import { describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { readIdx } from './idx.js';
import { loadMnist } from './node.js';

describe('MNIST shipped with the project', () => {
  it('loads the full test set with the known label counts', () => {
    const test = loadMnist('test');
    expect(test.count).toBe(10_000);
    expect(test.imageSize).toBe(784);
    const counts = new Array(10).fill(0);
    for (const l of test.labels) counts[l]++;
    // the standard MNIST test set's digit counts
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(Array.from(test.labels.slice(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    let max = 0;
    for (const v of test.images) max = Math.max(max, v);
    expect(max).toBe(1);
  });

  it('loads a limited training subset', () => {
    const train = loadMnist('train', 100);
    expect(train.count).toBe(100);
    expect(train.images.length).toBe(78_400);
    expect(train.labels[0]).toBe(5);
  });

  it('rejects bytes that are not IDX and truncated files', () => {
    expect(() => readIdx(new Uint8Array([1, 2, 3, 4]))).toThrow(/not an IDX file/);
    const truncated = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 10, 1, 2]);
    try {
      readIdx(truncated, 'labels.idx');
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'DATA_TRUNCATED')).toBe(true);
    }
  });
});
