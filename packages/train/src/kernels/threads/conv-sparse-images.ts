import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';
import { eachChunk } from './chunk-range.js';
import type { NextChunk } from './kernel-tasks.js';

/** Where one part of a sparse conv + bias + ReLU reads and writes (byte offsets in tfjs's memory). */
export interface ConvSparseImagesArgs {
  readonly px: number;
  /** The filter as [kH, kW, inC, outC], the bias, the output. */
  readonly pw: number;
  readonly pb: number;
  readonly py: number;
  /** Room for one pixel's list (kH*kW*inC entries of two words), this part's own. */
  readonly pList: number;
  /** A float per position of x (0: no demand map), see `conv_sparse`. */
  readonly pDemand: number;
  /** The list-building swizzle table (`compressTable`). */
  readonly pTable: number;
  /** Room for the background's per-tap sums (kH*kW*outC floats), this part's own. */
  readonly pBgTap: number;
  /** The batch's images go in this many chunks (`chunkRange`), taken from the call's chunk source. */
  readonly chunks: number;
}

const FIELDS = ['px', 'pw', 'pb', 'py', 'pList', 'pDemand', 'pTable', 'pBgTap', 'chunks'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeConvSparseImages(a: ConvSparseImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/**
 * relu(conv2d(x, w) + b) from x's nonzero entries (`convSparse`), chunk by chunk of images while
 * the chunk source has any; runs on any thread with the kernels on the same memory.
 */
export function convSparseImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as ConvSparseImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  eachChunk(nextChunk, a.chunks, g.batch, 1, (n0, n1) => simd.convSparse(a.px, a.pw, a.pb, a.py, n0, n1, a.pList, a.pDemand, a.pTable, a.pBgTap, g));
}
