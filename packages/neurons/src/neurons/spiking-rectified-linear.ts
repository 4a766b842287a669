import { linearGainBias, linearMaxRatesIntercepts } from '../gain-bias/linear-gain-bias.js';
import { rectifiedLinearDerivative, rectifiedLinearRate } from '../kernels/rectified-linear.js';
import type { NeuronType } from '../types.js';
import { allocNeuronArray } from '../wasm/neuron-array.js';
import { spikingRectifiedLinearStepAuto } from '../wasm/spiking-rectified-linear-step-auto.js';
import { spikingRectifiedLinearStepF32Auto } from '../wasm/spiking-rectified-linear-step-f32-auto.js';
import { amplitudeSpec } from './param-specs.js';

/**
 * Nengo `SpikingRectifiedLinear`: integrate `max(J, 0)`, emit `floor(v)` spikes of height
 * `amplitude / dt` and reset by subtraction. State `voltage ~ Uniform(0, 1)` in neuron
 * memory; `step` runs the WebAssembly SIMD kernel when J, out and voltage all live there
 * (`allocNeuronArray`), else the JS kernel, with bit-identical results. `stepFloat32` is
 * NengoDL's float32 arithmetic, eight neurons per SIMD iteration, listing the spikes as it goes.
 * Rates, gain/bias and the training surrogate are those of RectifiedLinear.
 */
export const SpikingRectifiedLinear: NeuronType = {
  name: 'SpikingRectifiedLinear',
  params: { amplitude: amplitudeSpec },
  spiking: true,
  negative: false,
  stateNames: ['voltage'],
  initState: (n, _p, rng) => ({ voltage: rng.fillUniform(allocNeuronArray(n), 0, 1) }),
  rates: (J, out, p) => {
    rectifiedLinearRate(J, out, p.amplitude);
  },
  step: (dt, J, out, state, p) => spikingRectifiedLinearStepAuto(dt, J, out, state.voltage, p.amplitude),
  stepFloat32: (dt, J, out, state, p, index, value) =>
    spikingRectifiedLinearStepF32Auto(dt, J, out, state.voltage, p.amplitude, index, value),
  // v += max(J, 0) dt adds nothing at J <= 0, and floor(v) = 0 on [0, 1): no spike, v unchanged
  restsWhen: { inputAtMost: 0, state: { voltage: [0, 1] } },
  ratesDerivative: (J, out, p) => rectifiedLinearDerivative(J, out, p.amplitude),
  surrogate: { type: 'RectifiedLinear', params: (p) => ({ amplitude: p.amplitude }) },
  gainBias: (maxRates, intercepts, _p, gain, bias) =>
    linearGainBias('SpikingRectifiedLinear', maxRates, intercepts, gain, bias),
  maxRatesIntercepts: (gain, bias, _p, maxRates, intercepts) => linearMaxRatesIntercepts(gain, bias, maxRates, intercepts),
};
