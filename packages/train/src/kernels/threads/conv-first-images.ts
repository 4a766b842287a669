import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { eachChunk } from './chunk-range.js';
import type { ConvSparseImagesArgs } from './conv-sparse-images.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';
import type { NextChunk } from './kernel-tasks.js';

/**
 * Where one thread's share of a first conv's forward pass reads and writes: as for the sparse
 * conv (the filter as [kH*kW*inC, outC]), with pList this thread's scratch (see `convFirst`).
 */
export type ConvFirstImagesArgs = Pick<ConvSparseImagesArgs, 'px' | 'pw' | 'pb' | 'py' | 'pList' | 'pDemand' | 'chunks'>;

const FIELDS = ['px', 'pw', 'pb', 'py', 'pList', 'pDemand', 'chunks'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeConvFirstImages(a: ConvFirstImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/**
 * A first conv + bias + ReLU from its patches' nonzero values (`convFirst`), chunk by chunk of
 * images while the chunk source has any; runs on any thread with the kernels on the same memory.
 */
export function convFirstImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as ConvFirstImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  eachChunk(nextChunk, a.chunks, g.batch, 1, (n0, n1) => simd.convFirst(a.px, a.pw, a.pb, a.py, n0, n1, a.pList, a.pDemand, g));
}
