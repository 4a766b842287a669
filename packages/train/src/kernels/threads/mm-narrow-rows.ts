import type { TrainWasm } from '../wasm/train-wasm.js';
import { eachChunk } from './chunk-range.js';
import type { NextChunk } from './kernel-tasks.js';

/** The arguments as numbers, for a helper thread: a, w (12 columns), out, a's size, the chunks the rows go in. */
export function encodeMmNnNarrowRows(pa: number, pw: number, po: number, rows: number, k: number, chunks: number): number[] {
  return [pa, pw, po, rows, k, chunks];
}

/** out = a w (`mmNnNarrow`), chunk by chunk of rows (multiples of 2) while the chunk source has any; runs on any thread with the kernels on the same memory. */
export function mmNnNarrowRows(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const [pa, pw, po, rows, k, chunks] = Array.from({ length: 6 }, (_, i) => args[i]);
  eachChunk(nextChunk, chunks, rows, 2, (r0, r1) => simd.mmNnNarrow(pa, pw, po, r0, r1, k));
}

/** The arguments as numbers, for a helper thread: a (n columns), bT [n, cols], out, the sizes, the chunks the rows go in. */
export function encodeMmNtNarrowRows(pa: number, pbT: number, po: number, rows: number, n: number, cols: number, chunks: number): number[] {
  return [pa, pbT, po, rows, n, cols, chunks];
}

/** out = a bT (`mmNtNarrow`), chunk by chunk of rows while the chunk source has any; runs on any thread with the kernels on the same memory. */
export function mmNtNarrowRows(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const [pa, pbT, po, rows, n, cols, chunks] = Array.from({ length: 7 }, (_, i) => args[i]);
  eachChunk(nextChunk, chunks, rows, 1, (r0, r1) => simd.mmNtNarrow(pa, pbT, po, r0, r1, n, cols));
}
