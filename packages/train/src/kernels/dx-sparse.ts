import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import { nonzeroShare, sparseGradientsApply } from './dw-sparse.js';
import type { WasmBackend } from './wasm-access.js';
import { dispose, heapF32, heapOffset, transpose } from './wasm-access.js';
import { backendMemory, type TrainWasm } from './wasm/train-wasm.js';
import { COMPRESS_TABLE_FLOATS, writeCompressTable } from './compress-table.js';
import { encodeDxSparseImages, type DxSparseImagesArgs } from './threads/dx-sparse-images.js';
import { runParts } from './threads/kernel-thread.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';

/**
 * Above this share of nonzero dy entries XNNPACK's convolutions per stride phase are faster
 * (keras-to-snn conv1, batch 200, 2 threads: 36.5 vs 42.2 ms at 0.7, 38.2 vs 39.4 at 0.85,
 * 42.0 vs 39.4 at 1, forward pass included).
 */
const MAX_SPARSE_DY_DENSITY = 0.85;
/** Largest filter (bytes) read row by row per listed entry: it must stay in the core's L2 cache. */
export const MAX_FILTER_BYTES = 256 << 10;

/**
 * The input gradient of an unpadded conv2d (every tap inside x, channel counts multiples of 4)
 * from the nonzero entries of `dy` only: behind a ReLU about half of dy is zero while a network
 * trains. Per output pixel its nonzero dy values are listed, then every tap's dx row sums them
 * times the filter's rows in registers (`dx_sparse`). Chunks of images go to two threads
 * when the kernel thread has a helper ({@link KernelThread}); every image is summed in the same
 * order either way. Returns undefined (nothing allocated) when dy is denser than
 * {@link MAX_SPARSE_DY_DENSITY} or the filter too large to stay in cache. Sums in another order
 * than XNNPACK: equal to float32 rounding.
 *
 * With `demand` (a float per position of x, `[batch, inH, inW, 1]`) dx is summed only at the
 * positions whose demand is nonzero, and each image's per-channel total over the other
 * positions is put in the first of them (the rest stay zero): see `Conv2DBackpropInputDemand`
 * for who may use such a gradient.
 */
export function sparseInputGradient(
  wasm: WasmBackend,
  simd: TrainWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  g: ConvGeometry,
  demand?: TensorInfo,
): TensorInfo | undefined {
  const sparse = prepareSparseInputGradient(wasm, simd, dy, filter, g, demand);
  if (!sparse) return undefined;
  const dx = wasm.makeOutput([g.batch, g.inH, g.inW, g.inC], 'float32'); // dx_sparse zeroes each image
  const pdx = heapOffset(wasm, dx);
  runParts(backendMemory(wasm)!, simd, 'dxSparseImages', sparse.parts.map((a) => encodeDxSparseImages({ ...a, pdx }, g)));
  sparse.release();
  return dx;
}

/** What `dx_sparse` reads besides dy, prepared once per call (see {@link prepareSparseInputGradient}). */
export interface SparseInputGradientParts {
  /** Per thread slot, the task's arguments but for where dx goes. */
  readonly parts: ReadonlyArray<Omit<DxSparseImagesArgs, 'pdx'>>;
  /** Free what was prepared. */
  release(): void;
}

/**
 * Everything {@link sparseInputGradient} hands to `dx_sparse` but dx itself (the transposed
 * filter, the list room, with `demand` the filter's tap sums and `dx_lump`'s scratch), or
 * undefined (nothing allocated) where it does not apply.
 */
export function prepareSparseInputGradient(
  wasm: WasmBackend,
  simd: TrainWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  g: ConvGeometry,
  demand?: TensorInfo,
): SparseInputGradientParts | undefined {
  if (!sparseGradientsApply(g) || 4 * g.kH * g.kW * g.inC * g.outC > MAX_FILTER_BYTES) return undefined;
  if (nonzeroShare(wasm, simd, dy, g.batch * g.outH * g.outW, g.outC) > MAX_SPARSE_DY_DENSITY) return undefined;
  // the filter [kH, kW, inC, outC] as [kH, kW, outC, inC]: each entry's row of inC channels contiguous
  const taps = g.kH * g.kW;
  const wT = transpose(wasm, { dataId: filter.dataId, shape: [taps, g.inC, g.outC], dtype: 'float32' }, [0, 2, 1]);
  const lists = wasm.makeOutput([COMPRESS_TABLE_FLOATS + 4 * g.outC], 'float32');
  const pTable = heapOffset(wasm, lists);
  writeCompressTable(wasm, pTable);
  const wSum = demand && filterTapSum(wasm, wT, g);
  const scratch = demand && wasm.makeOutput([2 * (g.outC + g.inC)], 'float32');
  const parts = THREAD_SLOTS.map((k) => ({
    pdy: heapOffset(wasm, dy),
    pwT: heapOffset(wasm, wT),
    pList: pTable + 4 * COMPRESS_TABLE_FLOATS + 8 * k * g.outC,
    pTable,
    pDemand: demand ? heapOffset(wasm, demand) : 0,
    pWsum: wSum ? heapOffset(wasm, wSum) : 0,
    pScratch: scratch ? heapOffset(wasm, scratch) + 4 * k * (g.outC + g.inC) : 0,
    chunks: WORK_CHUNKS,
  }));
  return {
    parts,
    release: () => {
      for (const t of [lists, wT, wSum, scratch]) if (t) dispose(wasm, t);
    },
  };
}

/** The filter wT [taps, outC, inC] summed over its taps: [outC, inC]. */
function filterTapSum(wasm: WasmBackend, wT: TensorInfo, g: ConvGeometry): TensorInfo {
  const size = g.outC * g.inC;
  const out = wasm.makeOutput([g.outC, g.inC], 'float32');
  const w = heapF32(wasm, wT);
  const sum = heapF32(wasm, out);
  sum.set(w.subarray(0, size));
  for (let t = 1; t < g.kH * g.kW; t++) for (let i = 0; i < size; i++) sum[i] += w[t * size + i];
  return out;
}
