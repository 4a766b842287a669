import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';
import { eachChunk } from './chunk-range.js';
import type { NextChunk } from './kernel-tasks.js';

/** Where one part of a sparse input gradient reads and writes (byte offsets in tfjs's memory). */
export interface DxSparseImagesArgs {
  readonly pdy: number;
  /** The filter as [kH, kW, outC, inC]. */
  readonly pwT: number;
  /** dx, summed into. */
  readonly pdx: number;
  /** Room for one pixel's list (outC entries of two floats), this part's own. */
  readonly pList: number;
  /** A float per position of dx (0: no demand map); see `sparseInputGradient`. */
  readonly pDemand: number;
  /** The list-building swizzle table (`compressTable`). */
  readonly pTable: number;
  /** With a demand map: the filter summed over its taps ([outC, inC]) and this part's scratch (outC + inC floats). */
  readonly pWsum: number;
  readonly pScratch: number;
  /** The batch's images go in this many chunks (`chunkRange`), taken from the call's chunk source. */
  readonly chunks: number;
}

const FIELDS = ['pdy', 'pwT', 'pdx', 'pList', 'pDemand', 'pTable', 'pWsum', 'pScratch', 'chunks'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeDxSparseImages(a: DxSparseImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/**
 * The input gradient from dy's nonzero entries (`dxSparse`), with a demand map then each image's
 * total over its undemanded positions (`dxLump`), chunk by chunk of images while the chunk
 * source has any; runs on any thread with the kernels on the same memory.
 */
export function dxSparseImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as DxSparseImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  eachChunk(nextChunk, a.chunks, g.batch, 1, (n0, n1) => {
    simd.dxSparse(a.pdy, a.pwT, a.pdx, n0, n1, a.pList, a.pDemand, a.pTable, g);
    if (a.pDemand) simd.dxLump(a.pdy, a.pWsum, a.pdx, a.pDemand, n0, n1, a.pScratch, g);
  });
}
