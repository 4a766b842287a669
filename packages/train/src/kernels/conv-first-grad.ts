import { backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { convGeometry, type ConvGeometry } from './conv-geometry.js';
import type { Conv2DBiasReluAttrs } from './conv2d-bias-relu.js';
import { asWasm, dispose, heapF32, heapOffset, zerosOutput, type WasmBackend } from './wasm-access.js';
import { sumChunks } from './sum-chunks.js';
import { backendMemory, trainWasm } from './wasm/train-wasm.js';
import { encodeConvFirstGradImages } from './threads/conv-first-grad-images.js';
import { runParts } from './threads/kernel-thread.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';

/**
 * Name of snn's fused gradient of a first conv + bias + ReLU: inputs `x`, `dy`, `y` and
 * optionally `demand` (see {@link conv2dBiasReluFirstGrad}); attrs `strides`, `pad`,
 * `filterShape`; outputs the filter and bias gradients.
 */
export const Conv2DBiasReluFirstGrad = 'SnnConv2DBiasReluFirstGrad';

/** Most patch rows (kH*kW*inC) {@link firstConvGradApplies} takes: a first conv on images. */
const MAX_ROWS = 32;

/** Whether {@link Conv2DBiasReluFirstGrad} takes a filter of this shape ([kH, kW, inC, outC]). */
export function firstConvGradApplies(filterShape: readonly number[]): boolean {
  const [kH, kW, inC, outC] = filterShape;
  return kH * kW * inC <= MAX_ROWS && outC % 4 === 0;
}

/**
 * The filter and bias gradients of `relu(conv2d(x, w) + b)` (output `y`) when x's own gradient
 * is not wanted (x is the network's input) and the patches are small (a first conv,
 * {@link firstConvGradApplies}): one pass over dy and y per image (`conv_first_grad`) instead
 * of writing the ReLU's gradient out (a tensor as large as y) and reading it for each: per
 * image its pixels' masked dy rows and patches are gathered, then each patch row sums x times
 * them in registers. With `demand` ([batch, outH, outW, 1], the map of
 * `Conv2DBackpropInputDemand`) dy is known to be zero where it is zero except at each image's
 * first such pixel, and x's patch all zero there: those pixels are not read (the plain loops
 * read them anyway). Chunks of images go to the calling thread and the kernel thread's
 * helper, each image summed apart first. Sums in another order than the three
 * kernels: equal to float32 rounding.
 */
export const conv2dBiasReluFirstGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, Conv2DBiasReluFirstGrad);
  const simd = trainWasm(wasm);
  const { x, dy, y, demand } = inputs as { x: TensorInfo; dy: TensorInfo; y: TensorInfo; demand?: TensorInfo };
  const { strides, pad, filterShape } = attrs as unknown as Conv2DBiasReluAttrs & { filterShape: [number, number, number, number] };
  const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad);
  const g = convGeometry(info, Conv2DBiasReluFirstGrad);
  if (!simd) return firstGradLoops(wasm, x, dy, y, g, filterShape);
  // chunks of images, each summed into its own dw and db, taken by the calling thread and the
  // kernel thread's helper (each with its own scratch), then added in chunk order
  const chunks = Math.min(WORK_CHUNKS, g.batch);
  const dwFloats = filterShape.reduce((a, b) => a * b, 1);
  const dw = zerosOutput(wasm, [chunks, dwFloats]);
  const db = zerosOutput(wasm, [chunks, g.outC]);
  // per thread: gathered a rows and patch rows of an image's pixels (see conv-first-grad.wat)
  const scratchFloats = g.outH * g.outW * (g.outC + g.kH * g.kW * g.inC + 1);
  const scratch = wasm.makeOutput([THREAD_SLOTS.length * scratchFloats], 'float32');
  const args = THREAD_SLOTS.map((k) =>
    encodeConvFirstGradImages(
      {
        px: heapOffset(wasm, x),
        pdy: heapOffset(wasm, dy),
        py: heapOffset(wasm, y),
        pdw: heapOffset(wasm, dw),
        pdb: heapOffset(wasm, db),
        dwBytes: 4 * dwFloats,
        dbBytes: 4 * g.outC,
        pImage: heapOffset(wasm, scratch) + 4 * k * scratchFloats,
        pDemand: demand ? heapOffset(wasm, demand) : 0,
        chunks,
      },
      g,
    ),
  );
  runParts(backendMemory(wasm)!, simd, 'convFirstGradImages', args);
  dispose(wasm, scratch);
  const dwSum = sumChunks(wasm, simd, dw, chunks, dwFloats);
  return [{ ...dwSum, shape: [...filterShape] }, sumChunks(wasm, simd, db, chunks, g.outC)];
};

/** The same sums in plain float64 loops, where snn's WebAssembly kernels cannot be instantiated (exported for its test). */
export function firstGradLoops(wasm: WasmBackend, x: TensorInfo, dy: TensorInfo, y: TensorInfo, g: ConvGeometry, filterShape: number[]): TensorInfo[] {
  const [xs, dys, ys] = [x, dy, y].map((t) => heapF32(wasm, t));
  const dw = new Float64Array(g.kH * g.kW * g.inC * g.outC);
  const db = new Float64Array(g.outC);
  for (let n = 0, p = 0; n < g.batch; n++) {
    for (let oh = 0; oh < g.outH; oh++) {
      for (let ow = 0; ow < g.outW; ow++, p++) {
        for (let r = 0, kh = 0; kh < g.kH; kh++) {
          for (let kw = 0; kw < g.kW; kw++) {
            const ih = oh * g.strideH + kh - g.padTop;
            const iw = ow * g.strideW + kw - g.padLeft;
            for (let ci = 0; ci < g.inC; ci++, r++) {
              const v = ih >= 0 && ih < g.inH && iw >= 0 && iw < g.inW ? xs[((n * g.inH + ih) * g.inW + iw) * g.inC + ci] : 0;
              if (v !== 0) for (let co = 0; co < g.outC; co++) if (ys[p * g.outC + co] > 0) dw[r * g.outC + co] += v * dys[p * g.outC + co];
            }
          }
        }
        for (let co = 0; co < g.outC; co++) if (ys[p * g.outC + co] > 0) db[co] += dys[p * g.outC + co];
      }
    }
  }
  const dwT = wasm.makeOutput(filterShape, 'float32');
  const dbT = wasm.makeOutput([g.outC], 'float32');
  heapF32(wasm, dwT).set(dw);
  heapF32(wasm, dbT).set(db);
  return [dwT, dbT];
}

/** Registration record for {@link conv2dBiasReluFirstGrad}. */
export const conv2dBiasReluFirstGradConfig: KernelConfig = { kernelName: Conv2DBiasReluFirstGrad, backendName: 'wasm', kernelFunc: conv2dBiasReluFirstGrad };
