import { Abs, Add, backend_util, Multiply, Neg, RealDiv, Square, Sub, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, heapF32, runWasmKernel } from './wasm-access.js';

/**
 * Largest output (elements) {@link smallElementwiseConfigs} compute themselves; larger ones go to
 * tfjs's XNNPACK kernels, which split them between threads.
 */
export const SMALL_ELEMENTWISE_MAX = 1 << 14;

/** The binary operations {@link broadcastBinary} computes. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

/** One binary operation; a switch on an argument that stays the same through a loop (cheaper than calling a closure per element). */
function binary(op: BinaryOp, x: number, y: number): number {
  switch (op) {
    case 'add':
      return x + y;
    case 'sub':
      return x - y;
    case 'mul':
      return x * y;
    default:
      return x / y;
  }
}

/**
 * `out[i] = op(a[ia], b[ib])` over `outShape`, `a` and `b` broadcast to it (numpy rules, shapes
 * aligned at their last axes), a row of the last axis at a time. Each result is rounded to
 * float32 once, as a float32 operation rounds it, so the same bits as any IEEE float32 kernel.
 */
export function broadcastBinary(
  a: Float32Array,
  aShape: readonly number[],
  b: Float32Array,
  bShape: readonly number[],
  out: Float32Array,
  outShape: readonly number[],
  op: BinaryOp,
): void {
  const n = out.length;
  if (a.length === n && b.length === n) {
    for (let i = 0; i < n; i++) out[i] = binary(op, a[i], b[i]);
    return;
  }
  const rank = outShape.length;
  const aStep = broadcastStrides(aShape, outShape);
  const bStep = broadcastStrides(bShape, outShape);
  const cols = outShape[rank - 1];
  const [sa, sb] = [aStep[rank - 1], bStep[rank - 1]];
  const index = new Int32Array(rank);
  let ia = 0;
  let ib = 0;
  for (let o = 0; o < n; o += cols) {
    if (sb === 0) {
      const y = b[ib];
      for (let j = 0; j < cols; j++) out[o + j] = binary(op, a[ia + j * sa], y);
    } else if (sa === 0) {
      const x = a[ia];
      for (let j = 0; j < cols; j++) out[o + j] = binary(op, x, b[ib + j]);
    } else {
      for (let j = 0; j < cols; j++) out[o + j] = binary(op, a[ia + j], b[ib + j]);
    }
    // the next row: advance the outer axes like an odometer, moving a's and b's offsets with them
    for (let d = rank - 2; d >= 0; d--) {
      ia += aStep[d];
      ib += bStep[d];
      if (++index[d] < outShape[d]) break;
      ia -= aStep[d] * outShape[d];
      ib -= bStep[d] * outShape[d];
      index[d] = 0;
    }
  }
}

/** Per output axis, how far a broadcast input's offset moves (0 along axes it is broadcast over). */
function broadcastStrides(shape: readonly number[], outShape: readonly number[]): Int32Array {
  const steps = new Int32Array(outShape.length);
  let stride = 1;
  for (let d = shape.length - 1, o = outShape.length - 1; d >= 0; d--, o--) {
    if (shape[d] !== 1) steps[o] = stride;
    stride *= shape[d];
  }
  return steps;
}

function smallBinary(kernelName: string, op: BinaryOp): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const wasm = asWasm(backend, kernelName);
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return runWasmKernel(wasm, kernelName, inputs as Record<string, TensorInfo>, attrs);
    const shape = backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const size = util.sizeFromShape(shape);
    if (size === 0 || size > SMALL_ELEMENTWISE_MAX) return runWasmKernel(wasm, kernelName, inputs as Record<string, TensorInfo>, attrs);
    const out = wasm.makeOutput(shape, 'float32');
    broadcastBinary(heapF32(wasm, a), a.shape, heapF32(wasm, b), b.shape, heapF32(wasm, out), shape, op);
    return out;
  };
  return { kernelName, backendName: 'wasm', kernelFunc };
}

/** The unary operations of {@link smallElementwiseConfigs}. */
type UnaryOp = 'neg' | 'abs' | 'square';

function unary(op: UnaryOp, x: number): number {
  switch (op) {
    case 'neg':
      return -x;
    case 'abs':
      return Math.abs(x);
    default:
      return x * x;
  }
}

function smallUnary(kernelName: string, op: UnaryOp): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const wasm = asWasm(backend, kernelName);
    const { x } = inputs as { x: TensorInfo };
    const size = util.sizeFromShape(x.shape);
    if (x.dtype !== 'float32' || size === 0 || size > SMALL_ELEMENTWISE_MAX) return runWasmKernel(wasm, kernelName, { x }, attrs);
    const out = wasm.makeOutput(x.shape, 'float32');
    const xs = heapF32(wasm, x);
    const ys = heapF32(wasm, out);
    for (let i = 0; i < size; i++) ys[i] = unary(op, xs[i]);
    return out;
  };
  return { kernelName, backendName: 'wasm', kernelFunc };
}

/**
 * Add, Sub, Multiply and RealDiv, and Neg, Abs and Square, of float32 tensors with at most
 * {@link SMALL_ELEMENTWISE_MAX} outputs, computed on the calling thread (the same bits as tfjs's
 * kernels; larger or other tensors go to them). tfjs's kernels run every such op through XNNPACK's thread pool, whose
 * worker then polls for more work for a while: on two cores it takes the core snn's kernel
 * thread needs, and a training step's loss and bias ops are a dozen tiny ones.
 */
export const smallElementwiseConfigs: KernelConfig[] = [
  smallBinary(Add, 'add'),
  smallBinary(Sub, 'sub'),
  smallBinary(Multiply, 'mul'),
  smallBinary(RealDiv, 'div'),
  smallUnary(Neg, 'neg'),
  smallUnary(Abs, 'abs'),
  smallUnary(Square, 'square'),
];
