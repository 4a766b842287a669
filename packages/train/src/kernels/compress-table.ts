import { heapU8, type WasmBackend } from './wasm-access.js';

/** Floats (4 bytes each) that {@link writeCompressTable} writes: 16 controls of 16 bytes. */
export const COMPRESS_TABLE_FLOATS = 64;

/**
 * The swizzle controls the sparse kernels' list building reads (`conv_pixel` in conv-sparse.wat,
 * `dx_sparse`): for each 4-bit lane mask, the 16 byte indices that move the mask's 32-bit lanes
 * to the front in lane order (the rest 0x80: zero bytes). 256 bytes.
 */
export function compressTable(): Uint8Array {
  const table = new Uint8Array(16 * 16).fill(0x80);
  for (let mask = 0; mask < 16; mask++) {
    let kept = 0;
    for (let lane = 0; lane < 4; lane++) {
      if (!((mask >> lane) & 1)) continue;
      for (let b = 0; b < 4; b++) table[16 * mask + 4 * kept + b] = 4 * lane + b;
      kept++;
    }
  }
  return table;
}

const table = compressTable();

/** Write {@link compressTable} at byte offset `at` of tfjs's wasm memory (16-byte aligned is best). */
export function writeCompressTable(wasm: WasmBackend, at: number): void {
  heapU8(wasm, at, table.length).set(table);
}
