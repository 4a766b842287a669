import type { TrainWasm } from '../wasm/train-wasm.js';
import { eachChunk } from './chunk-range.js';
import type { NextChunk } from './kernel-tasks.js';

/** The arguments as numbers, for a helper thread: dy, x, out, their length, the chunks it goes in. */
export function encodeReluGradRange(pdy: number, px: number, po: number, n: number, chunks: number): number[] {
  return [pdy, px, po, n, chunks];
}

/** out = x > 0 ? dy : 0 (`reluGrad`), chunk by chunk of elements (multiples of 4) while the chunk source has any; runs on any thread with the kernels on the same memory. */
export function reluGradRange(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const [pdy, px, po, n, chunks] = Array.from({ length: 5 }, (_, i) => args[i]);
  eachChunk(nextChunk, chunks, n, 4, (i0, i1) => simd.reluGrad(pdy + 4 * i0, px + 4 * i0, po + 4 * i0, i1 - i0));
}
