import { describe, expect, it } from 'vitest';
import { compressTable } from './compress-table.js';

/** i8x16.swizzle as the wasm spec defines it: out[i] = index < 16 ? bytes[index] : 0. */
function swizzle(bytes: Uint8Array, control: Uint8Array): Uint8Array {
  return control.map((index) => (index < 16 ? bytes[index] : 0));
}

describe('compressTable', () => {
  it("moves each 4-bit mask's 32-bit lanes to the front in lane order and zeroes the rest", () => {
    const table = compressTable();
    const lanes = new Uint32Array([0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00]);
    const bytes = new Uint8Array(lanes.buffer);
    for (let mask = 0; mask < 16; mask++) {
      const out = new Uint32Array(swizzle(bytes, table.subarray(16 * mask, 16 * mask + 16)).buffer);
      const kept = [0, 1, 2, 3].filter((lane) => (mask >> lane) & 1).map((lane) => lanes[lane]);
      expect([...out]).toEqual([...kept, ...new Array(4 - kept.length).fill(0)]);
    }
  });
});
