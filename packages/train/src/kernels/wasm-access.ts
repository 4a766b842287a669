import { getKernel, util } from '@tensorflow/tfjs-core';
import type { DataType, KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { checkTfjsInternals } from '@snn/sim';
import { trainWasm } from './wasm/train-wasm.js';

/** What snn's kernels use of tfjs's WebAssembly backend (`BackendWasm`, not exported as a type). */
export interface WasmBackend extends KernelBackend {
  readonly dataIdMap: {
    get(dataId: object): { id: number; memoryOffset: number; shape: number[]; dtype: DataType; refCount: number };
    set(dataId: object, value: { id: number; memoryOffset: number; shape: number[]; dtype: DataType; refCount: number }): void;
    delete(dataId: object): void;
  };
  readonly wasm: {
    readonly HEAPU8: Uint8Array;
    readonly wasmMemory?: WebAssembly.Memory;
    readonly asm?: { readonly memory?: WebAssembly.Memory };
    readonly tfjs: { registerTensor(id: number, size: number, offset: number): void; disposeData(id: number): void };
  };
  dataIdNextNumber: number;
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
  incRef(dataId: object): void;
}

/** Kernels saved before snn replaced them, so wrappers can still reach tfjs's own fast paths. */
export const originalKernels = new Map<string, NonNullable<ReturnType<typeof getKernel>>>();

let versionChecked = false;

/**
 * The backend a kernel runs on, checked to be the WebAssembly one of the tfjs release line
 * whose private fields this module reads (`checkTfjsInternals`: `SIM_TFJS_VERSION` otherwise).
 * Every use of tfjs-backend-wasm's private API in snn's training kernels goes through here.
 */
export function asWasm(backend: unknown, kernel: string): WasmBackend {
  if (!versionChecked) {
    checkTfjsInternals(`snn's training kernel ${kernel}`);
    versionChecked = true;
  }
  const b = backend as Partial<WasmBackend>;
  if (!b || !b.wasm || !b.dataIdMap) {
    throw new SnnError('KERNEL_WRONG_BACKEND', `${kernel}: snn's kernel runs on tfjs's 'wasm' backend only`, { where: kernel });
  }
  return b as WasmBackend;
}

/** Float32 view of a tensor's data inside the WebAssembly heap (valid until the heap grows). */
export function heapF32(backend: WasmBackend, t: TensorInfo): Float32Array {
  const { memoryOffset } = backend.dataIdMap.get(t.dataId);
  const buffer = backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPU8.buffer;
  return new Float32Array(buffer, memoryOffset, util.sizeFromShape(t.shape));
}

/** Int32 view of `n` values at byte offset `byteOffset` of the WebAssembly heap (valid until the heap grows). */
export function heapI32(backend: WasmBackend, byteOffset: number, n: number): Int32Array {
  return new Int32Array(backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPU8.buffer, byteOffset, n);
}

/** Byte view of `n` bytes at byte offset `byteOffset` of the WebAssembly heap (valid until the heap grows). */
export function heapU8(backend: WasmBackend, byteOffset: number, n: number): Uint8Array {
  return new Uint8Array(backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPU8.buffer, byteOffset, n);
}

/** A float32 output tensor in the heap, filled with zeros. */
export function zerosOutput(backend: WasmBackend, shape: number[]): TensorInfo {
  const out = backend.makeOutput(shape, 'float32');
  heapF32(backend, out).fill(0);
  return out;
}

/** Byte offset of a tensor's data in the WebAssembly heap. */
export function heapOffset(backend: WasmBackend, t: TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).memoryOffset;
}

/**
 * Register a zero-copy tensor over `shape` elements of `t`'s memory starting at element
 * `offset`. Release it with {@link releaseView}, never with `disposeData` (which would free
 * memory the view does not own).
 */
export function makeView(backend: WasmBackend, t: TensorInfo, offset: number, shape: number[]): TensorInfo {
  const base = backend.dataIdMap.get(t.dataId).memoryOffset;
  const id = backend.dataIdNextNumber++;
  const dataId = { id };
  const memoryOffset = base + 4 * offset;
  backend.dataIdMap.set(dataId, { id, memoryOffset, shape, dtype: 'float32', refCount: 1 });
  backend.wasm.tfjs.registerTensor(id, util.sizeFromShape(shape), memoryOffset);
  return { dataId, shape, dtype: 'float32' };
}

/** Forget a view made by {@link makeView} (and any XNNPACK operator cached on it). */
export function releaseView(backend: WasmBackend, view: TensorInfo): void {
  const { id } = backend.dataIdMap.get(view.dataId);
  backend.dataIdMap.delete(view.dataId);
  backend.wasm.tfjs.disposeData(id);
}

/** Free an intermediate tensor a kernel made. */
export function dispose(backend: WasmBackend, t: TensorInfo): void {
  backend.disposeData(t.dataId);
}

/** Run tfjs's own wasm kernel `name` (the original when snn replaced it). */
export function runWasmKernel(
  backend: WasmBackend,
  name: string,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const kernel = originalKernels.get(name) ?? getKernel(name, 'wasm');
  if (!kernel) throw new SnnError('KERNEL_MISSING', `tfjs's wasm backend has no '${name}' kernel`, { where: name });
  return kernel.kernelFunc({ inputs, attrs, backend }) as TensorInfo;
}

/** `a @ b` for 2-D `a` [m, k] and `b` [k, n] through XNNPACK (tfjs's fast, threaded path). */
export function matMul2d(backend: WasmBackend, a: TensorInfo, b: TensorInfo): TensorInfo {
  return runWasmKernel(backend, 'BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
}

/**
 * Transpose: swapping the last two axes of float32 data runs snn's SIMD loop (tfjs-wasm's
 * generic Transpose costs about 4-5 ns a float); any other permutation runs tfjs's kernel.
 */
export function transpose(backend: WasmBackend, x: TensorInfo, perm: number[]): TensorInfo {
  const r = x.shape.length;
  const swapsLast2 = r >= 2 && perm.every((p, i) => p === (i < r - 2 ? i : i === r - 2 ? r - 1 : r - 2));
  const simd = trainWasm(backend);
  if (!simd || !swapsLast2 || x.dtype !== 'float32') return runWasmKernel(backend, 'Transpose', { x }, { perm });
  const rows = x.shape[r - 2];
  const cols = x.shape[r - 1];
  const out = backend.makeOutput([...x.shape.slice(0, -2), cols, rows], 'float32');
  const matrices = util.sizeFromShape(x.shape.slice(0, -2));
  const from = heapOffset(backend, x);
  const to = heapOffset(backend, out);
  for (let m = 0; m < matrices; m++) simd.transpose2d(from + 4 * m * rows * cols, to + 4 * m * rows * cols, rows, cols);
  return out;
}

/** `parts[0]` plus the others (disposed), in order: the sum of a kernel's per-thread parts. */
export function sumParts(backend: WasmBackend, parts: readonly TensorInfo[]): TensorInfo {
  const sum = heapF32(backend, parts[0]);
  for (const part of parts.slice(1)) {
    const add = heapF32(backend, part);
    for (let i = 0; i < sum.length; i++) sum[i] += add[i];
    dispose(backend, part);
  }
  return parts[0];
}
