import { backend_util, Conv2DBackpropInput } from '@tensorflow/tfjs-core';
import type { Conv2DBackpropInputAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import { convGeometry } from './conv-geometry.js';
import { col2im } from './col2im.js';
import { polyphaseApplies, polyphaseBackpropInput } from './polyphase-backprop-input.js';
import { sparseInputGradient } from './dx-sparse.js';
import { trainWasm } from './wasm/train-wasm.js';
import type { WasmBackend } from './wasm-access.js';
import { asWasm, dispose, heapF32, makeView, matMul2d, releaseView, transpose, zerosOutput } from './wasm-access.js';

/** Patch-gradient floats computed per GEMM before col2im scatters them (bounded scratch). */
const COLS_CHUNK_FLOATS = 1 << 17;

/**
 * Input gradient of a channels-last conv2d on tfjs's wasm backend (replacing its scalar,
 * single-threaded loop): one stride-1 XNNPACK convolution per stride phase of `dy` with the
 * flipped sub-filter (see {@link polyphaseBackpropInput}). Explicit paddings wider than the
 * kernel fall back to dcols = dy @ Wᵀ on XNNPACK followed by col2im. An unpadded conv whose dy
 * is mostly zero (behind a ReLU) sums only dy's nonzero entries ({@link sparseInputGradient}).
 */
export const conv2dBackpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, Conv2DBackpropInput);
  const { dy, filter, demand } = inputs as { dy: TensorInfo; filter: TensorInfo; demand?: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Conv2DBackpropInputAttrs;
  const info = backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  const g = convGeometry(info, Conv2DBackpropInput);
  const simd = trainWasm(wasm);
  const sparse = simd ? sparseInputGradient(wasm, simd, dy, filter, g, demand) : undefined;
  if (sparse) return sparse;
  const dx = polyphaseApplies(g) ? polyphaseBackpropInput(wasm, dy, filter, g) : viaCol2im(wasm, dy, filter, g);
  if (demand) lumpUndemanded(heapF32(wasm, dx), heapF32(wasm, demand), g);
  return dx;
};

/**
 * The true dx in the form the sparse kernel gives with a demand map: per image, the total over
 * the undemanded positions in the first of them, zeros at the others (what a consumer of
 * `SnnConv2DBackpropInputDemand` may rely on).
 */
function lumpUndemanded(dx: Float32Array, demand: Float32Array, g: ConvGeometry): void {
  const positions = g.inH * g.inW;
  for (let n = 0; n < g.batch; n++) {
    let first = -1;
    for (let p = n * positions; p < (n + 1) * positions; p++) {
      if (demand[p] !== 0) continue;
      if (first < 0) {
        first = p;
        continue;
      }
      for (let c = 0; c < g.inC; c++) {
        dx[first * g.inC + c] += dx[p * g.inC + c];
        dx[p * g.inC + c] = 0;
      }
    }
  }
}

function viaCol2im(wasm: WasmBackend, dy: TensorInfo, filter: TensorInfo, g: ConvGeometry): TensorInfo {
  const rows = g.kH * g.kW * g.inC;
  const pixels = g.batch * g.outH * g.outW;
  const chunk = Math.max(1, Math.min(pixels, Math.floor(COLS_CHUNK_FLOATS / rows)));
  const wT = transpose(wasm, { dataId: filter.dataId, shape: [rows, g.outC], dtype: filter.dtype }, [1, 0]);
  const dx = zerosOutput(wasm, [g.batch, g.inH, g.inW, g.inC]);
  for (let p0 = 0; p0 < pixels; p0 += chunk) {
    const pc = Math.min(chunk, pixels - p0);
    const a = makeView(wasm, dy, p0 * g.outC, [pc, g.outC]);
    const cols = matMul2d(wasm, a, wT);
    releaseView(wasm, a);
    col2im(heapF32(wasm, cols), g, p0, p0 + pc, heapF32(wasm, dx));
    dispose(wasm, cols);
  }
  dispose(wasm, wT);
  return dx;
}

/** Name of snn's input gradient for a consumer that needs it only where `demand` is nonzero: inputs `dy`, `filter`, `demand`; attrs as Conv2DBackpropInput's. */
export const Conv2DBackpropInputDemand = 'SnnConv2DBackpropInputDemand';

/**
 * {@link conv2dBackpropInput} for a consumer that reads dx only through a mask that, per image
 * and channel, is the same at every position whose `demand` ([batch, inH, inW, 1]) is zero, and
 * through a conv whose input patches are all zero at those positions: the first conv + ReLU of
 * a network, where demand is its input's largest magnitude over each patch (the ReLU mask there
 * is its bias's sign). Such a consumer gets the same gradients from the true dx and from this
 * one: dx at demanded positions and, at the others, zeros except each image's per-channel total
 * of the true dx in the first of them. The sparse kernel skips the undemanded positions (about
 * 60% of them behind MNIST's first conv); the other paths compute the true dx and move it into
 * that form, on which the first conv's gradient relies (`SnnConv2DBiasReluFirstGrad` with a
 * demand map reads only the demanded positions and the first of the others).
 */
export const conv2dBackpropInputDemandConfig: KernelConfig = {
  kernelName: Conv2DBackpropInputDemand,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput,
};

/** Registration record for {@link conv2dBackpropInput}. */
export const conv2dBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput,
};
