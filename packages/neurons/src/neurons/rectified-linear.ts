import { linearGainBias, linearMaxRatesIntercepts } from '../gain-bias/linear-gain-bias.js';
import { rectifiedLinearDerivative, rectifiedLinearRate } from '../kernels/rectified-linear.js';
import type { NeuronType } from '../types.js';
import { amplitudeSpec } from './param-specs.js';

/** Nengo `RectifiedLinear`: `out = amplitude * max(0, J)`; no state. `J === out` is allowed. */
export const RectifiedLinear: NeuronType = {
  name: 'RectifiedLinear',
  params: { amplitude: amplitudeSpec },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    rectifiedLinearRate(J, out, p.amplitude);
  },
  step: (_dt, J, out, _state, p) => rectifiedLinearRate(J, out, p.amplitude),
  ratesDerivative: (J, out, p) => rectifiedLinearDerivative(J, out, p.amplitude),
  gainBias: (maxRates, intercepts, _p, gain, bias) => linearGainBias('RectifiedLinear', maxRates, intercepts, gain, bias),
  maxRatesIntercepts: (gain, bias, _p, maxRates, intercepts) => linearMaxRatesIntercepts(gain, bias, maxRates, intercepts),
};
