import { lifGainBias, lifMaxRatesIntercepts } from '../gain-bias/lif-gain-bias.js';
import { softLifRate, softLifRateDerivative } from '../kernels/soft-lif-rate.js';
import type { NeuronType } from '../types.js';
import { amplitudeSpec, tauRcSpec, tauRefSpec } from './param-specs.js';

/**
 * NengoDL `SoftLIFRate` (Hunsberger & Eliasmith 2015): the LIF rate curve with the firing
 * threshold smoothed over a width `sigma`, so its derivative is continuous and nonzero below
 * threshold. The training surrogate of LIF. Gain and bias are LIFRate's. No state.
 */
export const SoftLIFRate: NeuronType = {
  name: 'SoftLIFRate',
  params: {
    sigma: { default: 1, min: Number.MIN_VALUE, doc: 'smoothing width around the firing threshold (current units, > 0)' },
    tauRc: tauRcSpec,
    tauRef: tauRefSpec,
    amplitude: amplitudeSpec,
  },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    softLifRate(J, out, p.sigma, p.tauRc, p.tauRef, p.amplitude);
  },
  step: (_dt, J, out, _state, p) => softLifRate(J, out, p.sigma, p.tauRc, p.tauRef, p.amplitude),
  ratesDerivative: (J, out, p) => softLifRateDerivative(J, out, p.sigma, p.tauRc, p.tauRef, p.amplitude),
  gainBias: (maxRates, intercepts, p, gain, bias) =>
    lifGainBias('SoftLIFRate', maxRates, intercepts, p.tauRc, p.tauRef, gain, bias),
  maxRatesIntercepts: (gain, bias, p, maxRates, intercepts) =>
    lifMaxRatesIntercepts(gain, bias, p.tauRc, p.tauRef, maxRates, intercepts),
};
