import { linearGainBias, linearMaxRatesIntercepts } from '../gain-bias/linear-gain-bias.js';
import { leakyReluDerivative, leakyReluRate } from '../kernels/leaky-relu.js';
import { spikingLeakyReluStep } from '../kernels/spiking-leaky-relu-step.js';
import type { NeuronType } from '../types.js';
import { amplitudeSpec, negativeSlopeSpec } from './param-specs.js';
import { uniformVoltageState } from './uniform-voltage.js';

/**
 * NengoDL `SpikingLeakyReLU`: integrate the leaky-ReLU current, emit `trunc(v)` spikes of
 * height `amplitude / dt` (negative spikes possible) and reset by subtraction. State
 * `voltage ~ Uniform(0, 1)`. Rates, gain/bias and the surrogate are LeakyReLU's.
 */
export const SpikingLeakyReLU: NeuronType = {
  name: 'SpikingLeakyReLU',
  params: { negativeSlope: negativeSlopeSpec, amplitude: amplitudeSpec },
  spiking: true,
  negative: false,
  stateNames: ['voltage'],
  initState: (n, _p, rng) => uniformVoltageState(n, rng),
  rates: (J, out, p) => {
    leakyReluRate(J, out, p.negativeSlope, p.amplitude);
  },
  step: (dt, J, out, state, p) => spikingLeakyReluStep(dt, J, out, state.voltage, p.negativeSlope, p.amplitude),
  ratesDerivative: (J, out, p) => leakyReluDerivative(J, out, p.negativeSlope, p.amplitude),
  surrogate: { type: 'LeakyReLU', params: (p) => ({ negativeSlope: p.negativeSlope, amplitude: p.amplitude }) },
  gainBias: (maxRates, intercepts, _p, gain, bias) => linearGainBias('SpikingLeakyReLU', maxRates, intercepts, gain, bias),
  maxRatesIntercepts: (gain, bias, _p, maxRates, intercepts) => linearMaxRatesIntercepts(gain, bias, maxRates, intercepts),
};
