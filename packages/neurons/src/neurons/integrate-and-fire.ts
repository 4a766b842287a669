import { linearGainBias, linearMaxRatesIntercepts } from '../gain-bias/linear-gain-bias.js';
import { integrateAndFireStep } from '../kernels/integrate-and-fire-step.js';
import { rectifiedLinearDerivative, rectifiedLinearRate } from '../kernels/rectified-linear.js';
import type { NeuronType } from '../types.js';
import { allocNeuronArray } from '../wasm/neuron-array.js';
import { integrateAndFireStepF32Auto } from '../wasm/integrate-and-fire-step-f32-auto.js';
import { amplitudeSpec } from './param-specs.js';

/**
 * Integrate-and-fire neuron for ANN-to-SNN conversion: integrates its signed input current
 * (`v += J * dt`, no floor), emits `floor(v)` spikes of height `amplitude / dt` once `v >= 1`
 * (at most `maxSpikesPerStep`) and resets by subtraction. Its rate is RectifiedLinear's (`amplitude * max(0, J)`), so it
 * replaces ReLU exactly on average; it trains through RectifiedLinear.
 *
 * Every neuron starts at `initialVoltage` (default 0.5, half the threshold): a constant
 * current J then gives `round(J * t)` spikes by time t instead of `floor(J * t)`, which
 * halves the quantization error of few-step runs (the "shift" of Bu et al., ICLR 2022).
 * Deterministic: no random initial state. `stepFloat32` runs a WebAssembly SIMD kernel
 * (eight neurons per iteration, spikes listed branch-free) when the arrays live in neuron memory.
 */
export const IntegrateAndFire: NeuronType = {
  name: 'IntegrateAndFire',
  params: {
    amplitude: amplitudeSpec,
    initialVoltage: { default: 0.5, max: 1, doc: 'membrane voltage every neuron starts at, as a fraction of the threshold 1 (unitless, <= 1)' },
    maxSpikesPerStep: {
      default: Infinity,
      min: 1,
      doc: 'most spikes a neuron emits in one step (default: no limit; 1 gives the one-spike-per-step neuron of SpikingJelly and QCFS, whose activation clips at the threshold)',
    },
  },
  spiking: true,
  negative: false,
  stateNames: ['voltage'],
  initState: (n, p) => ({ voltage: allocNeuronArray(n).fill(p.initialVoltage) }),
  rates: (J, out, p) => {
    rectifiedLinearRate(J, out, p.amplitude);
  },
  step: (dt, J, out, state, p) => integrateAndFireStep(dt, J, out, state.voltage, p.amplitude, p.maxSpikesPerStep),
  stepFloat32: (dt, J, out, state, p, index, value) => integrateAndFireStepF32Auto(dt, J, out, state.voltage, p.amplitude, index, value, p.maxSpikesPerStep),
  ratesDerivative: (J, out, p) => rectifiedLinearDerivative(J, out, p.amplitude),
  surrogate: { type: 'RectifiedLinear', params: (p) => ({ amplitude: p.amplitude }) },
  gainBias: (maxRates, intercepts, _p, gain, bias) => linearGainBias('IntegrateAndFire', maxRates, intercepts, gain, bias),
  maxRatesIntercepts: (gain, bias, _p, maxRates, intercepts) => linearMaxRatesIntercepts(gain, bias, maxRates, intercepts),
};
