import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';

/** The arguments as numbers, for a helper thread: x, dy, dw (summed into), images [n0, n1) in chunks of `chunk`. */
export function encodeDwDirectImages(px: number, pdy: number, pdw: number, n0: number, n1: number, chunk: number, g: ConvGeometry): number[] {
  return [px, pdy, pdw, n0, n1, chunk, ...encodeGeometry(g)];
}

/**
 * The filter gradient of images [n0, n1) of a conv with few patch rows, read from x and dy in
 * place (`dwDirect`) in chunks of images that stay in cache; runs on any thread with the
 * kernels on the same memory.
 */
export function dwDirectImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>): void {
  const [px, pdy, pdw, n0, n1, chunk] = Array.from({ length: 6 }, (_, i) => args[i]);
  const g = decodeGeometry(args, 6);
  for (let n = n0; n < n1; n += chunk) simd.dwDirect(px, pdy, pdw, n, Math.min(n1, n + chunk), g);
}
