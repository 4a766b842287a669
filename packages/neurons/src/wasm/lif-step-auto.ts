import { EXPM1_SERIES_LIMIT } from '../kernels/small-series.js';
import { lifStep } from '../kernels/lif-step.js';
import { neuronWasm } from './neuron-wasm.js';

/**
 * Arithmetic of the LIF step. 'float64' (the default everywhere): every operation in double
 * precision, then rounded to the float32 state, bit-identical between the JS and the
 * WebAssembly kernels and across thread counts. 'float32': the whole step in float32, four
 * neurons per SIMD vector, as NengoDL computes LIF (expm1 and log1p of the rare partial
 * refractory steps and spike times by float32 series, exact float64 where their arguments
 * leave the series' range). It is 2.1x (silent populations) to 2.9x (J ~ U(0, 5)) as fast;
 * spike trains differ from the exact ones by rounding only (over 1000 steps of 100k neurons:
 * counts within one spike per neuron, ~0.1% of neurons with their latest spike a step apart).
 * It is still deterministic and independent of the thread count. 'float32' needs the WebAssembly kernel
 * (all arrays in neuron memory); elsewhere the exact kernel runs.
 */
export type LifPrecision = 'float64' | 'float32';

/** Options of {@link lifStepAuto}. */
export interface LifStepOptions {
  /** Arithmetic of the step (see {@link LifPrecision}); default 'float64' (exact). */
  readonly precision?: LifPrecision;
}

/**
 * Nengo `LIF.step` (same arguments and result as {@link lifStep}), through the WebAssembly
 * SIMD kernel when `J`, `out`, `voltage` and `refractoryTime` all live in neuron memory
 * (see `allocNeuronArray`), else through the JS kernel. With the default precision
 * 'float64' both give bit-identical results; `{ precision: 'float32' }` selects the faster
 * float32 kernel where the WebAssembly kernel runs (see {@link LifPrecision}).
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
  options?: LifStepOptions,
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
      const kernel = options?.precision === 'float32' ? wasm.lifStepF32 : wasm.lifStep;
      return kernel(n, pJ, pOut, pV, pR, wasm.scratch, dt, tauRc, tauRef, minVoltage, amplitude / dt, Math.expm1(-dt / tauRc), series);
    }
  }
  return lifStep(dt, J, out, voltage, refractoryTime, tauRc, tauRef, minVoltage, amplitude);
}
