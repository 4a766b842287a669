import { EXPM1_SERIES_LIMIT } from '../kernels/small-series.js';
import { lifStep } from '../kernels/lif-step.js';
import { neuronWasm } from './neuron-wasm.js';

/**
 * Nengo `LIF.step` (same arguments and result as {@link lifStep}), through the WebAssembly
 * SIMD kernel when `J`, `out`, `voltage` and `refractoryTime` all live in neuron memory
 * (see `allocNeuronArray`), else through the JS kernel. Both give bit-identical results.
 */
export function lifStepAuto(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  refractoryTime: Float32Array,
  tauRc: number,
  tauRef: number,
  minVoltage: number,
  amplitude: number,
): number {
  const wasm = neuronWasm();
  if (wasm !== undefined) {
    const n = J.length;
    const pJ = wasm.offsetOf(J);
    const pOut = wasm.offsetOf(out);
    const pV = wasm.offsetOf(voltage);
    const pR = wasm.offsetOf(refractoryTime);
    if (pJ >= 0 && pOut >= 0 && pV >= 0 && pR >= 0 && out.length >= n && voltage.length >= n && refractoryTime.length >= n) {
      const series = dt / tauRc <= EXPM1_SERIES_LIMIT ? 1 : 0;
      return wasm.lifStep(n, pJ, pOut, pV, pR, wasm.scratch, dt, tauRc, tauRef, minVoltage, amplitude / dt, Math.expm1(-dt / tauRc), series);
    }
  }
  return lifStep(dt, J, out, voltage, refractoryTime, tauRc, tauRef, minVoltage, amplitude);
}
