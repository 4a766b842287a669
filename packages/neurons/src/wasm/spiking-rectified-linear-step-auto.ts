import { spikingRectifiedLinearStep } from '../kernels/spiking-rectified-linear-step.js';
import { neuronWasm } from './neuron-wasm.js';

/**
 * Nengo `SpikingRectifiedLinear.step` (as {@link spikingRectifiedLinearStep}) through the
 * WebAssembly SIMD kernel when `J`, `out` and `voltage` all live in neuron memory (see
 * `allocNeuronArray`), else through the JS kernel. Both give bit-identical results.
 */
export function spikingRectifiedLinearStepAuto(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  amplitude: number,
): number {
  const wasm = neuronWasm();
  if (wasm !== undefined) {
    const n = J.length;
    const pJ = wasm.offsetOf(J);
    const pOut = wasm.offsetOf(out);
    const pV = wasm.offsetOf(voltage);
    if (pJ >= 0 && pOut >= 0 && pV >= 0 && out.length >= n && voltage.length >= n) {
      return wasm.sreluStep(n, pJ, pOut, pV, wasm.scratch, dt, amplitude / dt);
    }
  }
  return spikingRectifiedLinearStep(dt, J, out, voltage, amplitude);
}
