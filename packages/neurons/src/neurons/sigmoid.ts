import { sigmoidGainBias, sigmoidMaxRatesIntercepts } from '../gain-bias/sigmoid-gain-bias.js';
import { sigmoidDerivative, sigmoidRate } from '../kernels/sigmoid.js';
import type { NeuronType } from '../types.js';
import { saturationTauRefSpec } from './param-specs.js';

/**
 * Nengo `Sigmoid`: `out = (1 / tauRef) / (1 + exp(-J))`; no state. With `tauRef = 1` (what the
 * Keras converter uses) it is exactly the logistic function. Intercepts are inflection points.
 */
export const Sigmoid: NeuronType = {
  name: 'Sigmoid',
  params: { tauRef: saturationTauRefSpec },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    sigmoidRate(J, out, p.tauRef);
  },
  step: (_dt, J, out, _state, p) => sigmoidRate(J, out, p.tauRef),
  ratesDerivative: (J, out, p) => sigmoidDerivative(J, out, p.tauRef),
  gainBias: (maxRates, intercepts, p, gain, bias) => sigmoidGainBias('Sigmoid', maxRates, intercepts, p.tauRef, gain, bias),
  maxRatesIntercepts: (gain, bias, p, maxRates, intercepts) =>
    sigmoidMaxRatesIntercepts(gain, bias, p.tauRef, maxRates, intercepts),
};
