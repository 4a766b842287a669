import { tanhGainBias, tanhMaxRatesIntercepts } from '../gain-bias/tanh-gain-bias.js';
import { tanhDerivative, tanhRate } from '../kernels/tanh.js';
import type { NeuronType } from '../types.js';
import { saturationTauRefSpec } from './param-specs.js';

/**
 * Nengo `Tanh`: `out = (1 / tauRef) * tanh(J)`; no state. With `tauRef = 1` (what the Keras
 * converter uses) it is exactly `tanh`. Outputs can be negative.
 */
export const Tanh: NeuronType = {
  name: 'Tanh',
  params: { tauRef: saturationTauRefSpec },
  spiking: false,
  negative: true,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    tanhRate(J, out, p.tauRef);
  },
  step: (_dt, J, out, _state, p) => tanhRate(J, out, p.tauRef),
  ratesDerivative: (J, out, p) => tanhDerivative(J, out, p.tauRef),
  gainBias: (maxRates, intercepts, p, gain, bias) => tanhGainBias('Tanh', maxRates, intercepts, p.tauRef, gain, bias),
  maxRatesIntercepts: (gain, bias, p, maxRates, intercepts) => tanhMaxRatesIntercepts(gain, bias, p.tauRef, maxRates, intercepts),
};
