import { integrateAndFireStepF32 } from '../kernels/integrate-and-fire-step.js';
import { neuronWasm } from './neuron-wasm.js';

/**
 * {@link integrateAndFireStepF32} over all of `J`, listing the spikes from position 0: the
 * WebAssembly SIMD kernel (`if_step_f32`, eight neurons at a time, the list built from
 * 16-neuron masks) for the first multiple of 8 neurons when every array lives in neuron
 * memory, the JS kernel for the rest. Both compute the same float32 operations, so results
 * are identical.
 */
export function integrateAndFireStepF32Auto(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  amplitude: number,
  activeIndex: Int32Array,
  activeValue: Float32Array,
): number {
  const n = J.length;
  const wasm = neuronWasm();
  let done = 0;
  let count = 0;
  if (wasm !== undefined && out.length >= n && voltage.length >= n && activeIndex.length >= n && activeValue.length >= n) {
    const ptrs = [J, out, voltage, activeIndex, activeValue].map((a) => wasm.offsetOf(a));
    if (ptrs.every((p) => p >= 0)) {
      done = n & ~7;
      count = wasm.ifStepF32(done, ptrs[0], ptrs[1], ptrs[2], ptrs[3], ptrs[4], wasm.scratch, Math.fround(dt), Math.fround(amplitude / dt));
    }
  }
  return integrateAndFireStepF32(dt, J, out, voltage, amplitude, done, activeIndex, activeValue, count);
}
