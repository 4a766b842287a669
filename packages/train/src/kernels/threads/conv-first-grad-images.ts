import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';

/** The arguments as numbers, for a helper thread: x, dy, y, dw and db (summed into), images [n0, n1), this part's scratch, the demand map (0: none). */
export function encodeConvFirstGradImages(
  px: number,
  pdy: number,
  py: number,
  pdw: number,
  pdb: number,
  n0: number,
  n1: number,
  pImage: number,
  pDemand: number,
  g: ConvGeometry,
): number[] {
  return [px, pdy, py, pdw, pdb, n0, n1, pImage, pDemand, ...encodeGeometry(g)];
}

/** A first conv + ReLU's filter and bias gradients of images [n0, n1) in one pass (`convFirstGrad`); runs on any thread with the kernels on the same memory. */
export function convFirstGradImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>): void {
  const [px, pdy, py, pdw, pdb, n0, n1, pImage, pDemand] = Array.from({ length: 9 }, (_, i) => args[i]);
  simd.convFirstGrad(px, pdy, py, pdw, pdb, n0, n1, pImage, pDemand, decodeGeometry(args, 9));
}
