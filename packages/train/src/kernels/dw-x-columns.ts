import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import { dispose, heapOffset, zerosOutput, type WasmBackend } from './wasm-access.js';
import { sumChunks } from './sum-chunks.js';
import { backendMemory, type TrainWasm } from './wasm/train-wasm.js';
import { encodeDwXColumnsImages } from './threads/dw-x-columns-images.js';
import { runParts } from './threads/kernel-thread.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';

/**
 * The filter gradient of an unpadded conv fed by a first conv + ReLU (`demand`: where x is not
 * the image's background, as for `Conv2DBackpropInputDemand`) from x's nonzero entries: per
 * image they are listed by patch row (kh, kw, ci) with the address of their pixel's dy row,
 * then every patch row sums its list times those dy rows with the sums in registers
 * (`dw_x_columns`); the taps on the background add dy's per-tap sums times the background
 * vector. Chunks of images go to both threads, each into its own gradient, added in chunk
 * order. Behind keras-to-snn's first conv x has a third fewer nonzero products than dy
 * (`sparseFilterGradient`'s). inC and outC multiples of 4 (`sparseGradientsApply`). Sums in
 * another order than the GEMM: equal to float32 rounding.
 */
export function xColumnsFilterGradient(wasm: WasmBackend, simd: TrainWasm, x: TensorInfo, dy: TensorInfo, g: ConvGeometry, filterShape: number[], demand: TensorInfo): TensorInfo {
  const taps = g.kH * g.kW;
  const rows = taps * g.inC;
  const chunks = Math.min(WORK_CHUNKS, g.batch);
  const dwFloats = rows * g.outC;
  const dwChunks = zerosOutput(wasm, [chunks, dwFloats]);
  // per thread: cursors, the background sums (1 + taps rows of outC) and every row's list
  const scratchFloats = rows + (1 + taps) * g.outC + 2 * rows * g.outH * g.outW;
  const scratch = wasm.makeOutput([THREAD_SLOTS.length * scratchFloats], 'float32');
  const args = THREAD_SLOTS.map((k) =>
    encodeDwXColumnsImages(
      {
        px: heapOffset(wasm, x),
        pdy: heapOffset(wasm, dy),
        pdw: heapOffset(wasm, dwChunks),
        dwBytes: 4 * dwFloats,
        pDemand: heapOffset(wasm, demand),
        pScratch: heapOffset(wasm, scratch) + 4 * k * scratchFloats,
        chunks,
      },
      g,
    ),
  );
  runParts(backendMemory(wasm)!, simd, 'dwXColumnsImages', args);
  dispose(wasm, scratch);
  const dw = sumChunks(wasm, simd, dwChunks, chunks, dwFloats);
  return { ...dw, shape: filterShape };
}
