import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { eachChunk } from './chunk-range.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';
import type { NextChunk } from './kernel-tasks.js';

/** Where one thread's share of a first conv's gradients reads and writes (byte offsets in tfjs's memory). */
export interface ConvFirstGradImagesArgs {
  readonly px: number;
  readonly pdy: number;
  readonly py: number;
  /** The first chunk's dw and db, summed into; chunk i's are `dwBytes` and `dbBytes` * i further. */
  readonly pdw: number;
  readonly pdb: number;
  readonly dwBytes: number;
  readonly dbBytes: number;
  /** This thread's scratch. */
  readonly pImage: number;
  /** The demand map (0: none). */
  readonly pDemand: number;
  /** The batch's images go in this many chunks (`chunkRange`), taken from the call's chunk source. */
  readonly chunks: number;
}

const FIELDS = ['px', 'pdy', 'py', 'pdw', 'pdb', 'dwBytes', 'dbBytes', 'pImage', 'pDemand', 'chunks'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeConvFirstGradImages(a: ConvFirstGradImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/**
 * A first conv + ReLU's filter and bias gradients in one pass (`convFirstGrad`), chunk by chunk
 * of images while the chunk source has any, each chunk into its own dw and db; runs on any
 * thread with the kernels on the same memory.
 */
export function convFirstGradImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as ConvFirstGradImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  eachChunk(nextChunk, a.chunks, g.batch, 1, (n0, n1, i) =>
    simd.convFirstGrad(a.px, a.pdy, a.py, a.pdw + i * a.dwBytes, a.pdb + i * a.dbBytes, n0, n1, a.pImage, a.pDemand, g),
  );
}
