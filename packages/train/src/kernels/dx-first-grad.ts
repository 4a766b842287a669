import { backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { convGeometry, type ConvGeometry } from './conv-geometry.js';
import { conv2dBackpropInput } from './conv2d-backprop-input.js';
import { conv2dBiasReluFirstGrad, firstConvGradApplies } from './conv-first-grad.js';
import { prepareSparseInputGradient } from './dx-sparse.js';
import { sumChunks } from './sum-chunks.js';
import { asWasm, dispose, heapOffset, zerosOutput, type WasmBackend } from './wasm-access.js';
import { backendMemory, trainWasm, type TrainWasm } from './wasm/train-wasm.js';
import { encodeDxFirstGradImages } from './threads/dx-first-grad-images.js';
import { runParts } from './threads/kernel-thread.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';

/**
 * Name of snn's kernel that takes a conv's input gradient straight into the filter and bias
 * gradients of the first conv + ReLU feeding it: inputs `dy` (the conv's output gradient,
 * after its own ReLU), `filter` (the conv's), `demand` (the first conv's demand map, as for
 * `SnnConv2DBackpropInputDemand`), `x` (the first conv's input) and `y` (its output, the conv's
 * input); attrs the conv's `strides`, `pad` and `inputShape` and the first conv's
 * `firstStrides`, `firstPad` and `firstFilterShape`. Outputs the first conv's filter and bias
 * gradients.
 */
export const Conv2DBackpropInputFirstGrad = 'SnnConv2DBackpropInputFirstGrad';

/** Attributes of {@link Conv2DBackpropInputFirstGrad}. */
export interface Conv2DBackpropInputFirstGradAttrs {
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid';
  readonly inputShape: [number, number, number, number];
  readonly firstStrides: [number, number];
  readonly firstPad: 'same' | 'valid';
  readonly firstFilterShape: [number, number, number, number];
}

/**
 * The first conv's gradients through the conv it feeds, without the conv's input gradient
 * ever being a tensor: where the sparse input gradient applies, each image's dx is summed
 * (`dx_sparse`, `dx_lump`) into a per-thread room that stays in cache and read there at once by
 * `conv_first_grad` (task `dxFirstGradImages`): the same sums as `SnnConv2DBackpropInputDemand`
 * followed by `SnnConv2DBiasReluFirstGrad`, without writing and reading back a tensor as large
 * as the first conv's output. Elsewhere it runs those two kernels.
 */
export const conv2dBackpropInputFirstGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, Conv2DBackpropInputFirstGrad);
  const { dy, filter, demand, x, y } = inputs as Record<'dy' | 'filter' | 'demand' | 'x' | 'y', TensorInfo>;
  const a = attrs as unknown as Conv2DBackpropInputFirstGradAttrs;
  if (!firstConvGradApplies(a.firstFilterShape)) {
    throw new SnnError('TRAIN_INTERNAL', `${Conv2DBackpropInputFirstGrad}: the first conv's filter ${a.firstFilterShape.join('x')} is not one its gradient kernel takes`, {
      where: Conv2DBackpropInputFirstGrad,
    });
  }
  const g = convGeometry(backend_util.computeConv2DInfo(a.inputShape, filter.shape as [number, number, number, number], a.strides, 1, a.pad), Conv2DBackpropInputFirstGrad);
  const first = convGeometry(backend_util.computeConv2DInfo(x.shape as [number, number, number, number], a.firstFilterShape, a.firstStrides, 1, a.firstPad), Conv2DBackpropInputFirstGrad);
  const simd = trainWasm(wasm);
  const fused = simd && fusedGradients(wasm, simd, dy, filter, demand, x, y, g, first, a.firstFilterShape);
  if (fused) return fused;
  const dataFormat = 'NHWC';
  const dx = conv2dBackpropInput({ inputs: { dy, filter, demand }, backend, attrs: { strides: a.strides, pad: a.pad, inputShape: a.inputShape, dataFormat } as unknown as NamedAttrMap }) as TensorInfo;
  const grads = conv2dBiasReluFirstGrad({
    inputs: { x, dy: dx, y, demand },
    backend,
    attrs: { strides: a.firstStrides, pad: a.firstPad, filterShape: a.firstFilterShape } as unknown as NamedAttrMap,
  }) as TensorInfo[];
  dispose(wasm, dx);
  return grads;
};

function fusedGradients(
  wasm: WasmBackend,
  simd: TrainWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  demand: TensorInfo,
  x: TensorInfo,
  y: TensorInfo,
  g: ConvGeometry,
  first: ConvGeometry,
  firstFilterShape: number[],
): TensorInfo[] | undefined {
  const sparse = prepareSparseInputGradient(wasm, simd, dy, filter, g, demand);
  if (!sparse) return undefined;
  const chunks = WORK_CHUNKS;
  const dwFloats = firstFilterShape.reduce((p, d) => p * d, 1);
  const dw = zerosOutput(wasm, [chunks, dwFloats]);
  const db = zerosOutput(wasm, [chunks, first.outC]);
  // per thread: one image of dx, then conv_first_grad's gathered rows (see conv-first-grad.ts)
  const dxFloats = g.inH * g.inW * g.inC;
  const perThread = dxFloats + first.outH * first.outW * (first.outC + first.kH * first.kW * first.inC + 1);
  const scratch = wasm.makeOutput([THREAD_SLOTS.length * perThread], 'float32');
  const args = sparse.parts.map((part, k) => {
    const room = heapOffset(wasm, scratch) + 4 * k * perThread;
    const firstArgs = { px: heapOffset(wasm, x), py: heapOffset(wasm, y), pdw: heapOffset(wasm, dw), pdb: heapOffset(wasm, db) };
    return encodeDxFirstGradImages({ ...part, ...firstArgs, pdx: room, pImage: room + 4 * dxFloats, dwBytes: 4 * dwFloats, dbBytes: 4 * first.outC }, g, first);
  });
  runParts(backendMemory(wasm)!, simd, 'dxFirstGradImages', args);
  sparse.release();
  dispose(wasm, scratch);
  const dwSum = sumChunks(wasm, simd, dw, chunks, dwFloats);
  return [{ ...dwSum, shape: [...firstFilterShape] }, sumChunks(wasm, simd, db, chunks, first.outC)];
}

/** Registration record for {@link conv2dBackpropInputFirstGrad}. */
export const conv2dBackpropInputFirstGradConfig: KernelConfig = {
  kernelName: Conv2DBackpropInputFirstGrad,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInputFirstGrad,
};
