import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';

/** The arguments as numbers, for a helper thread: x, dy, dw (summed into), images [n0, n1), this part's list room. */
export function encodeDwSparseXImages(px: number, pdy: number, pdw: number, n0: number, n1: number, pList: number, g: ConvGeometry): number[] {
  return [px, pdy, pdw, n0, n1, pList, ...encodeGeometry(g)];
}

/** The filter gradient of images [n0, n1) from x's nonzero entries (`dwSparseX`); runs on any thread with the kernels on the same memory. */
export function dwSparseXImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>): void {
  const [px, pdy, pdw, n0, n1, pList] = Array.from({ length: 6 }, (_, i) => args[i]);
  simd.dwSparseX(px, pdy, pdw, n0, n1, pList, decodeGeometry(args, 6));
}
