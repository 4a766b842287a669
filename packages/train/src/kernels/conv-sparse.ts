import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import { nonzeroShare, sparseGradientsApply } from './dw-sparse.js';
import { MAX_FILTER_BYTES } from './dx-sparse.js';
import type { WasmBackend } from './wasm-access.js';
import { dispose, heapOffset } from './wasm-access.js';
import { COMPRESS_TABLE_FLOATS, writeCompressTable } from './compress-table.js';
import { backendMemory, type TrainWasm } from './wasm/train-wasm.js';
import { encodeConvSparseImages } from './threads/conv-sparse-images.js';
import { runParts } from './threads/kernel-thread.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';

/**
 * Above this share of nonzero x entries XNNPACK's convolution is faster (keras-to-snn conv1,
 * batch 200, 2 threads, no background: 10.3 vs 16.4 ms at 0.3, 10.4 vs 13.6 at 0.5, 15.2 vs
 * 13.1 at 0.7, 22.1 vs 13.4 at 1). Behind MNIST's first conv, 40-57% of x is nonzero while it
 * trains, and the background pixels cost next to nothing.
 */
const MAX_SPARSE_X_DENSITY = 0.6;
/**
 * With a demand map, the same bound on x's share of nonzero entries times the share of demanded
 * positions: the background is summed once per image, so the work is roughly that product
 * (the walkthrough's stage 5 pushes conv0's rates up: x 80-86% nonzero, 37% of positions
 * demanded; conv1's forward 12.4-13.0 ms through XNNPACK, see docs/benchmarks.md).
 */
const MAX_SPARSE_X_WORK = 0.5;

/**
 * relu(conv2d(x, filter) + bias) of an unpadded conv (channel counts multiples of 4) from the
 * nonzero entries of x only, for the conv fed by a first conv + ReLU: per output pixel x's
 * nonzero values over its taps are listed, then summed times the filter's rows in registers
 * (`conv_sparse`); with `demand` (see `Conv2DBackpropInputDemand`) the pixels lying wholly on
 * an image's background are computed once per image. Chunks of images go to two threads
 * when the kernel thread has a helper; every pixel is summed in the same order either way.
 * Returns undefined (nothing allocated) where it does not apply or x is denser than
 * {@link MAX_SPARSE_X_DENSITY} (with `demand`: {@link MAX_SPARSE_X_WORK}). Sums in another order than XNNPACK: equal to float32 rounding.
 */
export function sparseConvBiasRelu(
  wasm: WasmBackend,
  simd: TrainWasm,
  x: TensorInfo,
  filter: TensorInfo,
  bias: TensorInfo,
  g: ConvGeometry,
  demand?: TensorInfo,
): TensorInfo | undefined {
  const taps = g.kH * g.kW;
  if (!sparseGradientsApply(g) || 4 * taps * g.inC * g.outC > MAX_FILTER_BYTES) return undefined;
  const positions = g.batch * g.inH * g.inW;
  const share = nonzeroShare(wasm, simd, x, positions, g.inC);
  const demanded = demand && positions % 4 === 0 ? nonzeroShare(wasm, simd, demand, positions / 4, 4) : undefined;
  if (demanded === undefined ? share > MAX_SPARSE_X_DENSITY : share * demanded > MAX_SPARSE_X_WORK) return undefined;
  const y = wasm.makeOutput([g.batch, g.outH, g.outW, g.outC], 'float32');
  // per thread: a pixel's list (two words an entry) and the background's per-tap sums
  const entries = 2 * taps * g.inC;
  const perThread = entries + taps * g.outC;
  const lists = wasm.makeOutput([COMPRESS_TABLE_FLOATS + THREAD_SLOTS.length * perThread], 'float32');
  const pTable = heapOffset(wasm, lists);
  writeCompressTable(wasm, pTable);
  const args = THREAD_SLOTS.map((k) =>
    encodeConvSparseImages(
      {
        px: heapOffset(wasm, x),
        pw: heapOffset(wasm, filter),
        pb: heapOffset(wasm, bias),
        py: heapOffset(wasm, y),
        pList: pTable + 4 * (COMPRESS_TABLE_FLOATS + k * perThread),
        pTable,
        pBgTap: pTable + 4 * (COMPRESS_TABLE_FLOATS + k * perThread + entries),
        pDemand: demand ? heapOffset(wasm, demand) : 0,
        chunks: WORK_CHUNKS,
      },
      g,
    ),
  );
  runParts(backendMemory(wasm)!, simd, 'convSparseImages', args);
  dispose(wasm, lists);
  return y;
}
