import { describe, expect, it } from 'vitest';
import { FreeList } from './free-list.js';

describe('FreeList', () => {
  it('hands out 16-byte aligned blocks first-fit and reuses freed ones, coalescing neighbours', () => {
    const heap = new FreeList(8, 1024, () => {
      throw new Error('no growth expected');
    });
    const a = heap.alloc(10);
    const b = heap.alloc(100);
    const c = heap.alloc(16);
    expect([a, b, c]).toEqual([16, 32, 144]);
    expect(heap.sizeOf(b)).toBe(112);
    expect(heap.free(a)).toBe(true);
    expect(heap.free(b)).toBe(true);
    expect(heap.free(b)).toBe(false); // twice
    expect(heap.alloc(120)).toBe(16); // a and b coalesced into 128 bytes
    expect(heap.liveBytes()).toBe(128 + 16);
  });

  it('grows by at least the missing bytes and merges the new space with a free tail', () => {
    const grown: number[] = [];
    let end = 256;
    const heap = new FreeList(0, end, (bytes) => {
      grown.push(bytes);
      end += Math.max(bytes, 1024);
      return end;
    });
    heap.alloc(200);
    expect(heap.alloc(100)).toBe(208); // 48 free bytes at the tail + 64 more
    expect(grown).toEqual([64]);
    expect(heap.alloc(2000)).toBe(320);
    expect(grown).toEqual([64, 2000 - (1280 - 320)]);
  });
});
