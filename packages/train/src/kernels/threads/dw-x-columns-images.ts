import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { eachChunk } from './chunk-range.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';
import type { NextChunk } from './kernel-tasks.js';

/** Where one thread's share of a filter gradient from x's nonzero entries reads and writes (byte offsets in tfjs's memory). */
export interface DwXColumnsImagesArgs {
  readonly px: number;
  readonly pdy: number;
  /** The first chunk's gradient, [kH, kW, inC, outC], summed into; chunk i's is `dwBytes` * i further. */
  readonly pdw: number;
  readonly dwBytes: number;
  /** A float per position of x (0: no demand map). */
  readonly pDemand: number;
  /** This thread's scratch (see `dwXColumns`). */
  readonly pScratch: number;
  /** The batch's images go in this many chunks (`chunkRange`), taken from the call's chunk source. */
  readonly chunks: number;
}

const FIELDS = ['px', 'pdy', 'pdw', 'dwBytes', 'pDemand', 'pScratch', 'chunks'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeDwXColumnsImages(a: DwXColumnsImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/**
 * The filter gradient of an unpadded conv from x's nonzero entries (`dwXColumns`), chunk by
 * chunk of images while the chunk source has any, each chunk into its own gradient; runs on any
 * thread with the kernels on the same memory.
 */
export function dwXColumnsImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as DwXColumnsImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  eachChunk(nextChunk, a.chunks, g.batch, 1, (n0, n1, i) => simd.dwXColumns(a.px, a.pdy, a.pdw + i * a.dwBytes, n0, n1, a.pDemand, a.pScratch, g));
}
