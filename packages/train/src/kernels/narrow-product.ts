import type { TensorInfo } from '@tensorflow/tfjs-core';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';
import { runParts } from './threads/kernel-thread.js';
import { encodeMmNnNarrowRows, encodeMmNtNarrowRows } from './threads/mm-narrow-rows.js';
import { encodeMmTnColumns } from './threads/mm-tn-columns.js';
import { dispose, heapOffset, zerosOutput, type WasmBackend } from './wasm-access.js';
import { backendMemory, trainWasm, type TrainWasm } from './wasm/train-wasm.js';

/** Widest narrow operand (a dense layer's outputs): `mm_tn` and `mm_nn_narrow` take it padded to 12 columns. */
const NARROW_COLUMNS = 12;
/** Fewest columns of the tall operand: below, XNNPACK's product (and a transposed copy) is cheap. */
const MIN_TALL_COLUMNS = 256;

/** `t` ([rows, cols]) with its columns padded with zeros to {@link NARROW_COLUMNS}. */
function padded(wasm: WasmBackend, simd: TrainWasm, t: TensorInfo): TensorInfo {
  const [rows, cols] = t.shape;
  const out = wasm.makeOutput([rows, NARROW_COLUMNS], 'float32');
  simd.copyColumns(heapOffset(wasm, t), heapOffset(wasm, out), rows, cols, NARROW_COLUMNS);
  return out;
}

/** The first `cols` columns of `t` ([rows, NARROW_COLUMNS]), which is disposed. */
function cut(wasm: WasmBackend, simd: TrainWasm, t: TensorInfo, cols: number): TensorInfo {
  const rows = t.shape[0];
  const out = wasm.makeOutput([rows, cols], 'float32');
  simd.copyColumns(heapOffset(wasm, t), heapOffset(wasm, out), rows, NARROW_COLUMNS, cols);
  dispose(wasm, t);
  return out;
}

/**
 * aᵀ b (2-D) for a tall a with many columns and a narrow b, as a dense layer's weight gradient
 * xᵀ dy: a read in place by `mm_tn` on two threads (chunks of out rows), no transposed copy of
 * a. Rows are summed in order (XNNPACK blocks them otherwise: equal to float32 rounding).
 * Undefined where it does not apply.
 */
export function narrowTransposedProduct(wasm: WasmBackend, a: TensorInfo, b: TensorInfo): TensorInfo | undefined {
  const simd = trainWasm(wasm);
  if (!simd || a.shape.length !== 2 || b.shape.length !== 2) return undefined;
  const [rows, aCols] = a.shape;
  if (b.shape[1] > NARROW_COLUMNS || aCols < MIN_TALL_COLUMNS || aCols % 4 !== 0) return undefined;
  const bPadded = padded(wasm, simd, b);
  const sumsT = zerosOutput(wasm, [NARROW_COLUMNS, aCols]);
  const parts = THREAD_SLOTS.map(() => encodeMmTnColumns(heapOffset(wasm, a), heapOffset(wasm, bPadded), heapOffset(wasm, sumsT), rows, aCols, WORK_CHUNKS));
  runParts(backendMemory(wasm)!, simd, 'mmTnColumns', parts);
  dispose(wasm, bPadded);
  const sums = wasm.makeOutput([aCols, NARROW_COLUMNS], 'float32');
  simd.transpose2d(heapOffset(wasm, sumsT), heapOffset(wasm, sums), NARROW_COLUMNS, aCols);
  dispose(wasm, sumsT);
  return cut(wasm, simd, sums, b.shape[1]);
}

/**
 * a b (2-D) for a wide a and a narrow b, as a dense layer's forward product x w: rows of a split
 * between both threads (`mm_nn_narrow`), each row's sum in order (XNNPACK blocks it otherwise:
 * equal to float32 rounding). Undefined where it does not apply.
 */
export function narrowProduct(wasm: WasmBackend, a: TensorInfo, b: TensorInfo): TensorInfo | undefined {
  const simd = trainWasm(wasm);
  if (!simd || a.shape.length !== 2 || b.shape.length !== 2) return undefined;
  const [rows, k] = a.shape;
  if (b.shape[1] > NARROW_COLUMNS || k < MIN_TALL_COLUMNS) return undefined;
  const bPadded = padded(wasm, simd, b);
  const out = wasm.makeOutput([rows, NARROW_COLUMNS], 'float32');
  const parts = THREAD_SLOTS.map(() => encodeMmNnNarrowRows(heapOffset(wasm, a), heapOffset(wasm, bPadded), heapOffset(wasm, out), rows, k, WORK_CHUNKS));
  runParts(backendMemory(wasm)!, simd, 'mmNnNarrowRows', parts);
  dispose(wasm, bPadded);
  return cut(wasm, simd, out, b.shape[1]);
}

/**
 * a bᵀ (2-D) for a narrow a and a tall b, as a dense layer's input gradient dy wᵀ: b transposed
 * once (a few hundred KB), then rows of the product split between both threads
 * (`mm_nt_narrow`), each sum in order of a's columns. Undefined where it does not apply.
 */
export function narrowRightTransposedProduct(wasm: WasmBackend, a: TensorInfo, b: TensorInfo): TensorInfo | undefined {
  const simd = trainWasm(wasm);
  if (!simd || a.shape.length !== 2 || b.shape.length !== 2) return undefined;
  const [rows, n] = a.shape;
  const cols = b.shape[0];
  if (n > NARROW_COLUMNS || n < 1 || cols < MIN_TALL_COLUMNS || cols % 4 !== 0) return undefined;
  const bT = wasm.makeOutput([n, cols], 'float32');
  simd.transpose2d(heapOffset(wasm, b), heapOffset(wasm, bT), cols, n);
  const out = wasm.makeOutput([rows, cols], 'float32');
  const parts = THREAD_SLOTS.map(() => encodeMmNtNarrowRows(heapOffset(wasm, a), heapOffset(wasm, bT), heapOffset(wasm, out), rows, n, cols, WORK_CHUNKS));
  runParts(backendMemory(wasm)!, simd, 'mmNtNarrowRows', parts);
  dispose(wasm, bT);
  return out;
}
