import { describe, expect, it } from 'vitest';
import { chunkRange, eachChunk } from './chunk-range.js';

describe('chunkRange / eachChunk', () => {
  it('split [0, count) into chunks that cover it once, in order, with inner boundaries at multiples', () => {
    for (const [count, chunks, multiple] of [
      [200, 8, 1],
      [9216, 8, 4],
      [7, 8, 1], // more chunks than items: some are empty
      [201, 8, 4], // the last chunk ends at count, not a multiple
    ]) {
      let at = 0;
      for (let i = 0; i < chunks; i++) {
        const [start, end] = chunkRange(i, chunks, count, multiple);
        expect(start).toBe(at);
        expect(end).toBeGreaterThanOrEqual(start);
        if (end < count) expect(end % multiple).toBe(0);
        at = end;
      }
      expect(at).toBe(count);
    }
  });

  it('eachChunk runs the chunks its source hands out, and stops when the source is past the last', () => {
    const handed = [3, 0, 5, 8]; // another thread took the rest
    const seen: number[][] = [];
    eachChunk(() => handed.shift() ?? 99, 8, 200, 1, (start, end, i) => seen.push([i, start, end]));
    expect(seen).toEqual([
      [3, 75, 100],
      [0, 0, 25],
      [5, 125, 150],
    ]);
  });
});
