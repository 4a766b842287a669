import { SpikingRectifiedLinear, type NeuronType } from '@snn/neurons';
import { loihiSrlRate, loihiSrlSmoothRateDerivative } from './loihi-srl-rate.js';
import { loihiSrlStep } from './loihi-srl-step.js';
import { amplitudeSpec, dtSpec } from './param-specs.js';

/**
 * Nengo Loihi `LoihiSpikingRectifiedLinear`: integrate `J dt`, spike when the voltage exceeds
 * 1 and reset to 0, so at most one spike per step and the rate is the staircase
 * `1 / (dt * ceil(1 / (J dt)))` (spec loihi.md §1). State `voltage = 0` (the chip starts at 0).
 * `rates` is `loihi_spikingrectifiedlinear_rates` at `params.dt`.
 *
 * Training (§1.4): `rates` is the forward value and `ratesDerivative` the derivative of the
 * smooth curve `amplitude / (dt / 2 + 1 / J)` (`smooth + stop_gradient(loihi - smooth)`).
 * Gain and bias from max rates and intercepts are SpikingRectifiedLinear's, as in Nengo Loihi.
 * `maxRateHz` is the one-spike-per-step cap, 1/dt.
 */
export const LoihiSpikingRectifiedLinear: NeuronType = {
  name: 'LoihiSpikingRectifiedLinear',
  params: { amplitude: amplitudeSpec, dt: dtSpec },
  spiking: true,
  approximates: 'RectifiedLinear',
  maxRateHz: (dt) => 1 / dt,
  negative: false,
  stateNames: ['voltage'],
  initState: (n) => ({ voltage: new Float32Array(n) }),
  rates: (J, out, p) => loihiSrlRate(J, out, p.amplitude, p.dt),
  step: (dt, J, out, state, p) => loihiSrlStep(dt, J, out, state.voltage, p.amplitude),
  ratesDerivative: (J, out, p) => loihiSrlSmoothRateDerivative(J, out, p.amplitude, p.dt),
  gainBias: SpikingRectifiedLinear.gainBias,
  maxRatesIntercepts: SpikingRectifiedLinear.maxRatesIntercepts,
};
