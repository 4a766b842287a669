import { linearGainBias, linearMaxRatesIntercepts } from '../gain-bias/linear-gain-bias.js';
import { leakyReluDerivative, leakyReluRate } from '../kernels/leaky-relu.js';
import type { NeuronType } from '../types.js';
import { amplitudeSpec, negativeSlopeSpec } from './param-specs.js';

/**
 * NengoDL `LeakyReLU`: `out = amplitude * (J >= 0 ? J : negativeSlope * J)`; no state.
 * Declared `negative: false` like NengoDL even though outputs can be negative. Gain and bias
 * are RectifiedLinear's (NengoDL subclasses it).
 */
export const LeakyReLU: NeuronType = {
  name: 'LeakyReLU',
  params: { negativeSlope: negativeSlopeSpec, amplitude: amplitudeSpec },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    leakyReluRate(J, out, p.negativeSlope, p.amplitude);
  },
  step: (_dt, J, out, _state, p) => leakyReluRate(J, out, p.negativeSlope, p.amplitude),
  ratesDerivative: (J, out, p) => leakyReluDerivative(J, out, p.negativeSlope, p.amplitude),
  gainBias: (maxRates, intercepts, _p, gain, bias) => linearGainBias('LeakyReLU', maxRates, intercepts, gain, bias),
  maxRatesIntercepts: (gain, bias, _p, maxRates, intercepts) => linearMaxRatesIntercepts(gain, bias, maxRates, intercepts),
};
