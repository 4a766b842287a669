import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { eachChunk } from './chunk-range.js';
import type { ConvFirstGradImagesArgs } from './conv-first-grad-images.js';
import type { DxSparseImagesArgs } from './dx-sparse-images.js';
import { decodeGeometry, encodeGeometry, GEOMETRY_ARGS } from './geometry-args.js';
import type { NextChunk } from './kernel-tasks.js';

/**
 * Where one part of a conv's sparse input gradient goes straight into the gradients of the
 * first conv that feeds it: `dx_sparse`'s arguments with `pdx` room for one image of dx (this
 * part's own), and `conv_first_grad`'s with that image as its dy.
 */
export type DxFirstGradImagesArgs = DxSparseImagesArgs & Omit<ConvFirstGradImagesArgs, 'pdy' | 'pDemand' | 'chunks'>;

const FIELDS = ['pdy', 'pwT', 'pdx', 'pList', 'pDemand', 'pTable', 'pWsum', 'pScratch', 'chunks', 'px', 'py', 'pdw', 'pdb', 'dwBytes', 'dbBytes', 'pImage'] as const;

/** The arguments as numbers, for a helper thread: `g` the conv's geometry, `first` the first conv's. */
export function encodeDxFirstGradImages(a: DxFirstGradImagesArgs, g: ConvGeometry, first: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g), ...encodeGeometry(first)];
}

/**
 * Chunk by chunk of images while the chunk source has any, image by image: the conv's input
 * gradient (`dxSparse`, then `dxLump` with a demand map) into this part's one-image room, then
 * the first conv's filter and bias gradients from it (`convFirstGrad`, each chunk into its own
 * dw and db). dx never leaves the cache, and the sums are those of the two kernels run apart
 * (each image is summed on its own and added to its chunk's in order). The kernels address
 * image n at `pdx + n * imageBytes`: they get `pdx - n * imageBytes`, wrapping in 32 bits as
 * WebAssembly's addresses do. Runs on any thread with the kernels on the same memory.
 */
export function dxFirstGradImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as DxFirstGradImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  const first = decodeGeometry(args, FIELDS.length + GEOMETRY_ARGS);
  const imageBytes = 4 * g.inH * g.inW * g.inC;
  eachChunk(nextChunk, a.chunks, g.batch, 1, (n0, n1, i) => {
    for (let n = n0; n < n1; n++) {
      const pdx = (a.pdx - n * imageBytes) | 0;
      simd.dxSparse(a.pdy, a.pwT, pdx, n, n + 1, a.pList, a.pDemand, a.pTable, g);
      if (a.pDemand) simd.dxLump(a.pdy, a.pWsum, pdx, a.pDemand, n, n + 1, a.pScratch, g);
      simd.convFirstGrad(a.px, pdx, a.py, a.pdw + i * a.dwBytes, a.pdb + i * a.dbBytes, n, n + 1, a.pImage, a.pDemand, first);
    }
  });
}
