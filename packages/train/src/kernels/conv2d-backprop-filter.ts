import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs-core';
import type { Conv2DBackpropFilterAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { convGeometry } from './conv-geometry.js';
import type { ConvGeometry } from './conv-geometry.js';
import { im2col } from './im2col.js';
import { im2colTransposed } from './im2col-transposed.js';
import type { WasmBackend } from './wasm-access.js';
import { asWasm, dispose, heapF32, heapOffset, makeView, matMul2d, releaseView, sumParts, transpose, zerosOutput } from './wasm-access.js';
import { backendMemory, trainWasm, type TrainWasm } from './wasm/train-wasm.js';
import { encodeDwDirectImages } from './threads/dw-direct-images.js';
import { imageHalves, runParts } from './threads/kernel-thread.js';
import { nonzeroShare, sparseFilterGradient, sparseGradientsApply } from './dw-sparse.js';
import { encodeDwSparseXImages } from './threads/dw-sparse-x-images.js';
import { xColumnsFilterGradient } from './dw-x-columns.js';

/** Largest slice of `dy` (in floats) multiplied at once: it stays in cache while XNNPACK reuses it. */
const DY_CHUNK_FLOATS = 1 << 17;
/** Patch rows (kH*kW*inC) up to which the direct SIMD loop beats packing for XNNPACK. */
const DIRECT_MAX_ROWS = 32;
/** Above this share of nonzero x entries the direct loop is faster than the one over x's nonzero entries (measured below). */
const MAX_SPARSE_X_DENSITY = 0.5;

/**
 * Filter gradient of a channels-last conv2d on tfjs's wasm backend (which has no such kernel),
 * as GEMMs on XNNPACK. XNNPACK repacks its right operand on every call (about 10 ns a float),
 * so the narrower of `dy` [P, outC] and the patches [P, R] (R = kH*kW*inC, P output pixels)
 * goes there: usually `dy`, used in place in chunks of rows, times transposed patches gathered
 * per chunk (dW = sum of im2colᵀ @ dy); when R < outC (few input channels), the patches, times
 * `dy` transposed once (dWᵀ = dyᵀ @ im2col). With few patch rows (R <= 32, e.g. a first layer
 * on 1-channel images) a direct WebAssembly SIMD loop reads x and dy in place instead. An
 * unpadded conv whose dy is mostly zero (behind a ReLU) sums only dy's nonzero entries
 * ({@link sparseFilterGradient}); given a demand map (x a first conv's output), only x's
 * nonzero entries when x has the smaller share of them (`xColumnsFilterGradient`).
 */
export const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, Conv2DBackpropFilter);
  const { x, dy, demand } = inputs as { x: TensorInfo; dy: TensorInfo; demand?: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  const g = convGeometry(info, Conv2DBackpropFilter);
  const rows = g.kH * g.kW * g.inC;
  const pixels = g.batch * g.outH * g.outW;
  const fit = Math.floor(DY_CHUNK_FLOATS / g.outC);
  // A row stride that is a multiple of 256 bytes sends every patch row to the same cache sets.
  const chunk = Math.max(1, Math.min(pixels, fit % 64 === 0 ? fit - 8 : fit));
  const simd = trainWasm(wasm);
  if (simd && rows <= DIRECT_MAX_ROWS && g.outC % 4 === 0) {
    return sparseXFilterGradient(wasm, simd, x, dy, g, [...filterShape]) ?? directFilterGradient(wasm, simd, x, dy, g, [...filterShape]);
  }
  if (simd && sparseGradientsApply(g)) {
    // behind a first conv, x's nonzero entries usually make fewer products than dy's
    if (demand && nonzeroShare(wasm, simd, x, g.batch * g.inH * g.inW, g.inC) <= nonzeroShare(wasm, simd, dy, pixels, g.outC)) {
      return xColumnsFilterGradient(wasm, simd, x, dy, g, [...filterShape], demand);
    }
    const sparse = sparseFilterGradient(wasm, simd, x, dy, g, [...filterShape], demand);
    if (sparse) return sparse;
  }
  if (rows < g.outC) return viaTransposedDy(wasm, x, dy, g, [...filterShape]);
  const dw = zerosOutput(wasm, [...filterShape]);
  const cols = wasm.makeOutput([rows, chunk], 'float32');
  for (let p0 = 0; p0 < pixels; p0 += chunk) {
    const pc = Math.min(chunk, pixels - p0);
    const a = pc === chunk ? cols : makeView(wasm, cols, 0, [rows, pc]);
    if (simd) simd.im2colTransposed(heapOffset(wasm, x), heapOffset(wasm, a), p0, p0 + pc, g);
    else im2colTransposed(heapF32(wasm, x), g, p0, p0 + pc, heapF32(wasm, a));
    const b = makeView(wasm, dy, p0 * g.outC, [pc, g.outC]);
    const part = matMul2d(wasm, a, b);
    releaseView(wasm, b);
    if (a !== cols) releaseView(wasm, a);
    const acc = heapF32(wasm, dw);
    const add = heapF32(wasm, part);
    for (let i = 0; i < acc.length; i++) acc[i] += add[i];
    dispose(wasm, part);
  }
  dispose(wasm, cols);
  return dw;
};

/**
 * {@link conv2dBackpropFilter} for few patch rows: `dwDirect` over the images' two halves into
 * two sums, the second on the kernel thread's helper when there is one, then added (the same
 * numbers either way).
 */
function directFilterGradient(wasm: WasmBackend, simd: TrainWasm, x: TensorInfo, dy: TensorInfo, g: ConvGeometry, filterShape: number[]): TensorInfo {
  const chunk = Math.max(1, Math.floor(DY_CHUNK_FLOATS / 2 / (g.outH * g.outW * g.outC)));
  const parts = imageHalves(g.batch);
  const dw = parts.map(() => zerosOutput(wasm, filterShape));
  const args = parts.map(([n0, n1], k) => encodeDwDirectImages(heapOffset(wasm, x), heapOffset(wasm, dy), heapOffset(wasm, dw[k]), n0, n1, chunk, g));
  runParts(backendMemory(wasm)!, simd, 'dwDirectImages', args);
  return sumParts(wasm, dw);
}

/**
 * {@link conv2dBackpropFilter} for few patch rows and an x that is mostly zero (a first conv on
 * MNIST: 19% of the pixels): `dwSparseX` sums dy rows times x's nonzero entries, over the
 * images' two halves into two sums (the second on the kernel thread's helper when there is
 * one), then added. Undefined (nothing allocated) when x is denser than
 * {@link MAX_SPARSE_X_DENSITY}.
 */
function sparseXFilterGradient(wasm: WasmBackend, simd: TrainWasm, x: TensorInfo, dy: TensorInfo, g: ConvGeometry, filterShape: number[]): TensorInfo | undefined {
  const size = g.batch * g.inH * g.inW * g.inC;
  if (size % 4 !== 0 || nonzeroShare(wasm, simd, x, size / 4, 4) > MAX_SPARSE_X_DENSITY) return undefined;
  const parts = imageHalves(g.batch);
  const listFloats = 4 * g.inH * g.inW * g.inC;
  const lists = wasm.makeOutput([parts.length * listFloats], 'float32');
  const dw = parts.map(() => zerosOutput(wasm, filterShape));
  const args = parts.map(([n0, n1], k) =>
    encodeDwSparseXImages(heapOffset(wasm, x), heapOffset(wasm, dy), heapOffset(wasm, dw[k]), n0, n1, heapOffset(wasm, lists) + 4 * k * listFloats, g),
  );
  runParts(backendMemory(wasm)!, simd, 'dwSparseXImages', args);
  dispose(wasm, lists);
  return sumParts(wasm, dw);
}

function viaTransposedDy(wasm: WasmBackend, x: TensorInfo, dy: TensorInfo, g: ConvGeometry, filterShape: number[]): TensorInfo {
  const rows = g.kH * g.kW * g.inC;
  const pixels = g.batch * g.outH * g.outW;
  const dyT = transpose(wasm, { dataId: dy.dataId, shape: [pixels, g.outC], dtype: dy.dtype }, [1, 0]);
  const cols = wasm.makeOutput([pixels, rows], 'float32');
  im2col(heapF32(wasm, x), g, 0, pixels, heapF32(wasm, cols));
  const dwT = matMul2d(wasm, dyT, cols);
  dispose(wasm, dyT);
  dispose(wasm, cols);
  const dw = transpose(wasm, dwT, [1, 0]);
  dispose(wasm, dwT);
  return { ...dw, shape: filterShape };
}

/** Name of snn's filter gradient given where x is its image's background: inputs `x`, `dy`, `demand`; attrs as Conv2DBackpropFilter's. */
export const Conv2DBackpropFilterDemand = 'SnnConv2DBackpropFilterDemand';

/**
 * {@link conv2dBackpropFilter} of a conv whose input x is, at every position where `demand`
 * ([batch, inH, inW, 1]) is zero, one and the same vector per image: the output of a first conv
 * + ReLU over all-zero input patches, the ReLU of its bias (see `Conv2DBackpropInputDemand`).
 * The sparse kernel sums the pixels lying wholly on that background per output channel and
 * multiplies once; the other paths ignore `demand`. The same gradient up to float32 rounding.
 */
export const conv2dBackpropFilterDemandConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilterDemand,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter,
};

/** Registration record for {@link conv2dBackpropFilter}. */
export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter,
};
