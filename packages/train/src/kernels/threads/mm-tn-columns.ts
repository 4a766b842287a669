import type { TrainWasm } from '../wasm/train-wasm.js';
import { eachChunk } from './chunk-range.js';
import type { NextChunk } from './kernel-tasks.js';

/** The arguments as numbers, for a helper thread: a, b (12 columns), out (summed into), a's size, the chunks a's columns go in. */
export function encodeMmTnColumns(pa: number, pb: number, po: number, rows: number, aCols: number, chunks: number): number[] {
  return [pa, pb, po, rows, aCols, chunks];
}

/**
 * out += aᵀ b (`mmTn`), chunk by chunk of a's columns (multiples of 4) while the chunk source has
 * any; runs on any thread with the kernels on the same memory.
 */
export function mmTnColumns(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const [pa, pb, po, rows, aCols, chunks] = Array.from({ length: 6 }, (_, i) => args[i]);
  eachChunk(nextChunk, chunks, aCols, 4, (c0, c1) => simd.mmTn(pa, pb, po, rows, aCols, c0, c1));
}
