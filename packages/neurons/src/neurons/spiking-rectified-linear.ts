import { linearGainBias, linearMaxRatesIntercepts } from '../gain-bias/linear-gain-bias.js';
import { rectifiedLinearDerivative, rectifiedLinearRate } from '../kernels/rectified-linear.js';
import { spikingRectifiedLinearStep } from '../kernels/spiking-rectified-linear-step.js';
import type { NeuronType } from '../types.js';
import { amplitudeSpec } from './param-specs.js';
import { uniformVoltageState } from './uniform-voltage.js';

/**
 * Nengo `SpikingRectifiedLinear`: integrate `max(J, 0)`, emit `floor(v)` spikes of height
 * `amplitude / dt` and reset by subtraction. State `voltage ~ Uniform(0, 1)`.
 * Rates, gain/bias and the training surrogate are those of RectifiedLinear.
 */
export const SpikingRectifiedLinear: NeuronType = {
  name: 'SpikingRectifiedLinear',
  params: { amplitude: amplitudeSpec },
  spiking: true,
  negative: false,
  stateNames: ['voltage'],
  initState: (n, _p, rng) => uniformVoltageState(n, rng),
  rates: (J, out, p) => {
    rectifiedLinearRate(J, out, p.amplitude);
  },
  step: (dt, J, out, state, p) => spikingRectifiedLinearStep(dt, J, out, state.voltage, p.amplitude),
  ratesDerivative: (J, out, p) => rectifiedLinearDerivative(J, out, p.amplitude),
  surrogate: { type: 'RectifiedLinear', params: (p) => ({ amplitude: p.amplitude }) },
  gainBias: (maxRates, intercepts, _p, gain, bias) =>
    linearGainBias('SpikingRectifiedLinear', maxRates, intercepts, gain, bias),
  maxRatesIntercepts: (gain, bias, _p, maxRates, intercepts) => linearMaxRatesIntercepts(gain, bias, maxRates, intercepts),
};
