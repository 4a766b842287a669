import { neuronWasm, type NeuronWasm, type WasmIfStepF32 } from './neuron-wasm.js';

/**
 * A JS float32 integrate-and-spike kernel that steps neurons `[start, J.length)` and appends
 * its spikes to the lists from `count` (kernels without a spike limit ignore `maxSpikes`).
 */
export type IntegrateStepF32 = (
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  amplitude: number,
  start: number,
  activeIndex: Int32Array,
  activeValue: Float32Array,
  count: number,
  maxSpikes?: number,
) => number;

/** The same step over all of `J`, listing the spikes from position 0 (see {@link integrateStepF32Auto}). */
export type IntegrateStepF32Auto = (
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  amplitude: number,
  activeIndex: Int32Array,
  activeValue: Float32Array,
  maxSpikes?: number,
) => number;

/**
 * An integrate-and-spike float32 step that runs the WebAssembly SIMD kernel `simd` picks
 * (eight neurons at a time, the spike list built in the same pass) for the first multiple of
 * 8 neurons when every array lives in neuron memory, and the JS kernel `js` for the rest.
 * Both compute the same float32 operations, so results are identical.
 */
export function integrateStepF32Auto(simd: (wasm: NeuronWasm) => WasmIfStepF32, js: IntegrateStepF32): IntegrateStepF32Auto {
  return (dt, J, out, voltage, amplitude, activeIndex, activeValue, maxSpikes = Infinity) => {
    const n = J.length;
    const wasm = neuronWasm();
    let done = 0;
    let count = 0;
    if (wasm !== undefined && out.length >= n && voltage.length >= n && activeIndex.length >= n && activeValue.length >= n) {
      const ptrs = [J, out, voltage, activeIndex, activeValue].map((a) => wasm.offsetOf(a));
      if (ptrs.every((p) => p >= 0)) {
        done = n & ~7;
        count = simd(wasm)(done, ptrs[0], ptrs[1], ptrs[2], ptrs[3], ptrs[4], wasm.scratch, Math.fround(dt), Math.fround(amplitude / dt), maxSpikes);
      }
    }
    return js(dt, J, out, voltage, amplitude, done, activeIndex, activeValue, count, maxSpikes);
  };
}
