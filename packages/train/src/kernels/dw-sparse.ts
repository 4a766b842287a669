import type { TensorInfo } from '@tensorflow/tfjs-core';
import { everyTapInside, type ConvGeometry } from './conv-geometry.js';
import type { WasmBackend } from './wasm-access.js';
import { dispose, heapI32, heapOffset, transpose, zerosOutput } from './wasm-access.js';
import { sumChunks } from './sum-chunks.js';
import { backendMemory, type TrainWasm } from './wasm/train-wasm.js';
import { encodeDwSparseImages } from './threads/dw-sparse-images.js';
import { runParts } from './threads/kernel-thread.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';

/**
 * Largest x (bytes) of the images whose dy entries are summed in one pass (about 87 KB an image
 * for 26x26x32: one image, which stays in the core's L2 cache). Per-image partial sums keep the
 * float32 error of a filter-gradient entry near that of tfjs's own kernels (longer chains of
 * additions lost up to 40x more where the sum cancels to near zero).
 */
const BLOCK_X_BYTES = 128 << 10;
/**
 * Above this share of nonzero dy entries the dense GEMM path is faster (keras-to-snn conv1,
 * batch 200, 2 threads, forward pass included: 33.4 vs 39.3 ms at 0.7, 37.0 vs 38.8 at 0.85,
 * 40.1 vs 39.2 at 1).
 */
const MAX_SPARSE_DY_DENSITY = 0.85;

/**
 * Whether the sparse gradients ({@link sparseFilterGradient}, `sparseInputGradient`) handle `g`:
 * no padding, every tap of every output inside x, channel counts multiples of 4.
 */
export function sparseGradientsApply(g: ConvGeometry): boolean {
  return everyTapInside(g) && g.inC % 4 === 0 && g.outC % 4 === 0;
}

/** Chunks of rows {@link nonzeroShare} counts in a large tensor (one row in eight in all). */
const SHARE_CHUNKS = 8;
/** Tensors up to this many floats are counted whole. */
const SHARE_WHOLE_FLOATS = 1 << 16;

/**
 * The share of nonzero entries of `t`, `rows` x `cols` float32 (cols a multiple of 4), counted by
 * the SIMD `dyCount`: whole for small tensors, else in {@link SHARE_CHUNKS} runs of rows spread
 * evenly over it (an eighth of the rows: the count decides between kernels, and reading all of a
 * tensor that is no longer in cache cost up to 0.3 ms a call).
 */
export function nonzeroShare(wasm: WasmBackend, simd: TrainWasm, t: TensorInfo, rows: number, cols: number): number {
  const counts = wasm.makeOutput([cols], 'float32');
  const whole = rows * cols <= SHARE_WHOLE_FLOATS;
  const runRows = whole ? rows : Math.max(1, Math.floor(rows / (SHARE_CHUNKS * SHARE_CHUNKS)));
  const runs = whole ? 1 : SHARE_CHUNKS;
  let nonzero = 0;
  for (let k = 0; k < runs; k++) {
    const row = whole ? 0 : Math.floor((k * rows) / runs);
    simd.dyCount(heapOffset(wasm, t) + 4 * row * cols, runRows, cols, heapOffset(wasm, counts));
    nonzero += heapI32(wasm, heapOffset(wasm, counts), cols).reduce((a, c) => a + c, 0);
  }
  dispose(wasm, counts);
  return nonzero / (runs * runRows * cols);
}

/**
 * The filter gradient of an unpadded conv2d from the nonzero entries of `dy` only (behind a
 * ReLU, about half of dy is zero while a network trains): per block of images that fits the
 * L2 cache, dy's nonzero entries are listed by output channel (each channel's list with room
 * for every pixel of the block: no counting pass), then every output channel and tap sums its
 * x rows times those entries with four f32x4 accumulators in registers. Chunks of images are
 * summed apart, by the calling thread and the kernel thread's helper when there is one
 * ({@link KernelThread}), and added in chunk order.
 * Returns undefined (nothing allocated) when more than {@link MAX_SPARSE_DY_DENSITY} of dy is
 * nonzero. Sums in another order than the GEMM: equal to float32 rounding.
 *
 * With `demand` (a float per position of x, `[batch, inH, inW, 1]`, as for
 * `Conv2DBackpropInputDemand`: where it is zero, x is the image's one background vector) the
 * dy entries of pixels whose every tap lands on the background are not listed: per output
 * channel their sum times that vector is added to every tap (on MNIST behind a first conv, 40%
 * of the pixels). Images then go one per block.
 */
export function sparseFilterGradient(
  wasm: WasmBackend,
  simd: TrainWasm,
  x: TensorInfo,
  dy: TensorInfo,
  g: ConvGeometry,
  filterShape: number[],
  demand?: TensorInfo,
): TensorInfo | undefined {
  const pixelsPerImage = g.outH * g.outW;
  const imagesPerBlock = demand ? 1 : Math.max(1, Math.floor(BLOCK_X_BYTES / (4 * g.inH * g.inW * g.inC)));
  if (nonzeroShare(wasm, simd, dy, g.batch * pixelsPerImage, g.outC) > MAX_SPARSE_DY_DENSITY) return undefined;
  // Chunks of images (whole blocks), each summed into its own gradient, taken by two threads
  // (the calling thread and the kernel thread's helper, each with its own lists): each chunk,
  // and the chunks' sum in chunk order, come out the same whichever thread computes them.
  const chunks = Math.min(WORK_CHUNKS, Math.ceil(g.batch / imagesPerBlock));
  // room per output channel for every pixel of a block, plus one spare entry
  const capacity = Math.min(imagesPerBlock, g.batch) * pixelsPerImage + 1;
  const entryFloats = 2 * capacity * g.outC;
  const entries = THREAD_SLOTS.map(() => wasm.makeOutput([entryFloats], 'float32'));
  const dwFloats = g.outC * g.kH * g.kW * g.inC;
  const dwChunks = zerosOutput(wasm, [chunks, dwFloats]);
  const cursors = wasm.makeOutput([2 * THREAD_SLOTS.length * g.outC], 'float32');
  const pCursors = heapOffset(wasm, cursors);
  const sums = demand && wasm.makeOutput([THREAD_SLOTS.length * g.outC], 'float32');
  const args = THREAD_SLOTS.map((k) =>
    encodeDwSparseImages(
      {
        px: heapOffset(wasm, x),
        pdy: heapOffset(wasm, dy),
        capacity,
        pStart: pCursors + 8 * k * g.outC,
        pEnd: pCursors + 4 * (2 * k + 1) * g.outC,
        pEntries: heapOffset(wasm, entries[k]),
        pdwT: heapOffset(wasm, dwChunks),
        dwBytes: 4 * dwFloats,
        pDemand: demand ? heapOffset(wasm, demand) : 0,
        pSZ: sums ? heapOffset(wasm, sums) + 4 * k * g.outC : 0,
        chunks,
        imagesPerBlock,
      },
      g,
    ),
  );
  runParts(backendMemory(wasm)!, simd, 'dwSparseImages', args);
  const sum = sumChunks(wasm, simd, dwChunks, chunks, dwFloats);
  for (const t of [...entries, cursors, sums]) if (t) dispose(wasm, t);
  // dwT [outC, taps * inC] -> dw [taps * inC, outC]
  const taps = g.kH * g.kW;
  const dw = transpose(wasm, { dataId: sum.dataId, shape: [g.outC, taps * g.inC], dtype: 'float32' }, [1, 0]);
  dispose(wasm, sum);
  return { ...dw, shape: filterShape };
}
