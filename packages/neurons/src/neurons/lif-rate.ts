import { lifGainBias, lifMaxRatesIntercepts } from '../gain-bias/lif-gain-bias.js';
import { lifRate, lifRateDerivative } from '../kernels/lif-rate.js';
import type { NeuronType } from '../types.js';
import { amplitudeSpec, tauRcSpec, tauRefSpec } from './param-specs.js';

/**
 * Nengo `LIFRate`: the steady-state LIF firing rate,
 * `amplitude / (tauRef + tauRc * log1p(1 / (J - 1)))` for `J > 1`, else 0. No state.
 */
export const LIFRate: NeuronType = {
  name: 'LIFRate',
  params: { tauRc: tauRcSpec, tauRef: tauRefSpec, amplitude: amplitudeSpec },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    lifRate(J, out, p.tauRc, p.tauRef, p.amplitude);
  },
  step: (_dt, J, out, _state, p) => lifRate(J, out, p.tauRc, p.tauRef, p.amplitude),
  ratesDerivative: (J, out, p) => lifRateDerivative(J, out, p.tauRc, p.tauRef, p.amplitude),
  gainBias: (maxRates, intercepts, p, gain, bias) => lifGainBias('LIFRate', maxRates, intercepts, p.tauRc, p.tauRef, gain, bias),
  maxRatesIntercepts: (gain, bias, p, maxRates, intercepts) =>
    lifMaxRatesIntercepts(gain, bias, p.tauRc, p.tauRef, maxRates, intercepts),
};
