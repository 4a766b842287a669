import type { TensorInfo } from '@tensorflow/tfjs-core';
import { dispose, heapOffset, type WasmBackend } from './wasm-access.js';
import type { TrainWasm } from './wasm/train-wasm.js';

/**
 * The sum of a task's per-chunk results, `parts` ([chunks, size] floats), in chunk order
 * (`sumRows`): the same numbers whichever threads computed which chunks. Disposes `parts`;
 * returns a [size] tensor.
 */
export function sumChunks(wasm: WasmBackend, simd: TrainWasm, parts: TensorInfo, chunks: number, size: number): TensorInfo {
  const sum = wasm.makeOutput([size], 'float32');
  const scratch = wasm.makeOutput([size], 'float32');
  simd.sumRows(heapOffset(wasm, parts), chunks, size, heapOffset(wasm, sum), heapOffset(wasm, scratch));
  dispose(wasm, scratch);
  dispose(wasm, parts);
  return sum;
}
