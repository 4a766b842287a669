import { listNonzero } from '../kernels/list-nonzero.js';
import { neuronWasm } from './neuron-wasm.js';

/**
 * {@link listNonzero} of `out[0..n)` from position 0: the WebAssembly SIMD kernel (branch-free
 * lists from 16-entry masks) for the first multiple of 8 entries when every array lives in
 * neuron memory, the JS loop for the rest (and everywhere else). Same list either way.
 */
export function listNonzeroAuto(out: Float32Array, n: number, activeIndex: Int32Array, activeValue: Float32Array): number {
  const wasm = neuronWasm();
  if (wasm === undefined || out.length < n || activeIndex.length < n || activeValue.length < n) {
    return listNonzero(out, n, activeIndex, activeValue);
  }
  const pOut = wasm.offsetOf(out);
  const pIdx = wasm.offsetOf(activeIndex);
  const pVal = wasm.offsetOf(activeValue);
  if (pOut < 0 || pIdx < 0 || pVal < 0) return listNonzero(out, n, activeIndex, activeValue);
  const done = n & ~7;
  const count = wasm.listNonzero(done, pOut, pIdx, pVal, wasm.scratch);
  return listNonzero(out, n, activeIndex, activeValue, done, count);
}
