import type { TensorInfo } from '@tensorflow/tfjs-core';
import { everyTapInside, type ConvGeometry } from './conv-geometry.js';
import { firstConvGradApplies } from './conv-first-grad.js';
import { nonzeroShare } from './dw-sparse.js';
import { dispose, heapOffset, type WasmBackend } from './wasm-access.js';
import { backendMemory, type TrainWasm } from './wasm/train-wasm.js';
import { encodeConvFirstImages } from './threads/conv-first-images.js';
import { runParts } from './threads/kernel-thread.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';

/**
 * Above this share of nonzero input values XNNPACK's convolution is left to do it: the
 * per-pixel lists pay off on images that are mostly background (MNIST: 19% nonzero).
 */
const MAX_SPARSE_INPUT_DENSITY = 0.5;

/**
 * relu(conv2d(x, filter) + bias) of an unpadded first conv (few patch values, see
 * `firstConvGradApplies`) from each patch's nonzero values (`conv_first`): per output pixel
 * they are listed, then summed times the filter's rows in registers, bias first and the values
 * in patch order. With `demand` (each output pixel's largest |patch value|, as
 * `SnnPatchDemand` computes it) the pixels whose patch is all zero get relu(bias) without a
 * list. Chunks of images go to both threads. On MNIST this replaces a dense product over
 * patches that are four-fifths zero (XNNPACK's, 2.0-2.5 ms a keras-to-snn step). Returns
 * undefined (nothing allocated) where it does not apply or x is denser than
 * {@link MAX_SPARSE_INPUT_DENSITY}.
 */
export function sparseFirstConvBiasRelu(
  wasm: WasmBackend,
  simd: TrainWasm,
  x: TensorInfo,
  filter: TensorInfo,
  bias: TensorInfo,
  g: ConvGeometry,
  demand?: TensorInfo,
): TensorInfo | undefined {
  if (!everyTapInside(g) || !firstConvGradApplies(filter.shape)) return undefined;
  const size = g.batch * g.inH * g.inW * g.inC;
  if (size % 4 !== 0 || nonzeroShare(wasm, simd, x, size / 4, 4) > MAX_SPARSE_INPUT_DENSITY) return undefined;
  const y = wasm.makeOutput([g.batch, g.outH, g.outW, g.outC], 'float32');
  // per thread: relu(bias), then a pixel's list (two words an entry)
  const perThread = g.outC + 2 * g.kH * g.kW * g.inC;
  const scratch = wasm.makeOutput([THREAD_SLOTS.length * perThread], 'float32');
  const args = THREAD_SLOTS.map((k) =>
    encodeConvFirstImages(
      {
        px: heapOffset(wasm, x),
        pw: heapOffset(wasm, filter),
        pb: heapOffset(wasm, bias),
        py: heapOffset(wasm, y),
        pList: heapOffset(wasm, scratch) + 4 * k * perThread,
        pDemand: demand ? heapOffset(wasm, demand) : 0,
        chunks: WORK_CHUNKS,
      },
      g,
    ),
  );
  runParts(backendMemory(wasm)!, simd, 'convFirstImages', args);
  dispose(wasm, scratch);
  return y;
}
