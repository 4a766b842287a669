import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import type { WasmBackend } from './wasm-access.js';
import { dispose, heapI32, heapOffset, transpose, zerosOutput } from './wasm-access.js';
import type { TrainWasm } from './wasm/train-wasm.js';

/**
 * Largest x (bytes) of the images whose dy entries are summed in one pass (about 87 KB an image
 * for 26x26x32: one image, which stays in the core's L2 cache). Per-image partial sums keep the
 * float32 error of a filter-gradient entry near that of tfjs's own kernels (longer chains of
 * additions lost up to 40x more where the sum cancels to near zero).
 */
const BLOCK_X_BYTES = 128 << 10;
/** Above this share of nonzero dy entries the dense GEMM path is faster. */
const MAX_SPARSE_DY_DENSITY = 0.6;

/** Whether {@link sparseFilterGradient} handles `g`: no padding, every tap of every output inside x, channel counts multiples of 4. */
export function sparseFilterGradientApplies(g: ConvGeometry): boolean {
  return (
    g.padTop === 0 && g.padLeft === 0 && (g.outH - 1) * g.strideH + g.kH <= g.inH && (g.outW - 1) * g.strideW + g.kW <= g.inW && g.inC % 4 === 0 && g.outC % 4 === 0
  );
}

/**
 * The filter gradient of an unpadded conv2d from the nonzero entries of `dy` only (behind a
 * ReLU, about half of dy is zero while a network trains): per block of images that fits the
 * L2 cache, dy's nonzero entries are listed by output channel, then every tap and output
 * channel sums its x rows times those entries with eight f32x4 accumulators in registers.
 * Returns undefined (nothing allocated) when more than {@link MAX_SPARSE_DY_DENSITY} of dy is
 * nonzero. Sums in another order than the GEMM: equal to float32 rounding.
 */
export function sparseFilterGradient(wasm: WasmBackend, simd: TrainWasm, x: TensorInfo, dy: TensorInfo, g: ConvGeometry, filterShape: number[]): TensorInfo | undefined {
  const pixelsPerImage = g.outH * g.outW;
  const imagesPerBlock = Math.max(1, Math.floor(BLOCK_X_BYTES / (4 * g.inH * g.inW * g.inC)));
  const blocks = Math.ceil(g.batch / imagesPerBlock);
  const imageDy = 4 * pixelsPerImage * g.outC;
  // per block the nonzero count of each output channel (one pass over dy), then start and end cursors
  const scratch = wasm.makeOutput([(blocks + 2) * g.outC], 'float32');
  const pCounts = heapOffset(wasm, scratch);
  const [pStart, pEnd] = [pCounts + 4 * blocks * g.outC, pCounts + 4 * (blocks + 1) * g.outC];
  for (let b = 0; b < blocks; b++) {
    const images = Math.min(imagesPerBlock, g.batch - b * imagesPerBlock);
    simd.dyCount(heapOffset(wasm, dy) + b * imagesPerBlock * imageDy, images * pixelsPerImage, g.outC, pCounts + 4 * b * g.outC);
  }
  // views made after every allocation: the heap may grow (and detach older views) when tensors are made
  const i32 = (p: number, n: number) => heapI32(wasm, p, n);
  const nonzero = i32(pCounts, blocks * g.outC).reduce((a, c) => a + c, 0);
  if (nonzero > MAX_SPARSE_DY_DENSITY * g.batch * pixelsPerImage * g.outC) {
    dispose(wasm, scratch);
    return undefined;
  }
  // room for the densest block: every entry of its dy nonzero, plus one spare entry per channel
  const entries = wasm.makeOutput([2 * (Math.min(imagesPerBlock, g.batch) * pixelsPerImage * g.outC + g.outC)], 'float32');
  const dwT = zerosOutput(wasm, [g.kH, g.kW, g.outC, g.inC]);
  const imageX = 4 * g.inH * g.inW * g.inC;
  for (let b = 0; b < blocks; b++) {
    const n0 = b * imagesPerBlock;
    const images = Math.min(imagesPerBlock, g.batch - n0);
    const pdy = heapOffset(wasm, dy) + n0 * imageDy;
    const [count, start, end] = [i32(pCounts + 4 * b * g.outC, g.outC), i32(pStart, g.outC), i32(pEnd, g.outC)];
    for (let co = 0, at = 0; co < g.outC; co++) {
      start[co] = at;
      end[co] = at; // the cursor dyColumns advances
      at += count[co] + 1;
    }
    simd.dyColumns(pdy, images, pEnd, heapOffset(wasm, entries), g);
    simd.dwSparse(heapOffset(wasm, x) + n0 * imageX, pStart, pEnd, heapOffset(wasm, entries), heapOffset(wasm, dwT), g);
  }
  dispose(wasm, entries);
  dispose(wasm, scratch);
  // dwT [taps, outC, inC] -> dw [taps, inC, outC]
  const taps = g.kH * g.kW;
  const dw = transpose(wasm, { dataId: dwT.dataId, shape: [taps, g.outC, g.inC], dtype: 'float32' }, [0, 2, 1]);
  dispose(wasm, dwT);
  return { ...dw, shape: filterShape };
}
