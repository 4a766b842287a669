import { LIF, type NeuronType } from '@snn/neurons';
import { loihiLifRate } from './loihi-lif-rate.js';
import { loihiLifSmoothRateDerivative } from './loihi-lif-smooth.js';
import { loihiLifStep } from './loihi-lif-step.js';
import { amplitudeSpec, dtSpec } from './param-specs.js';

/**
 * Nengo Loihi `LoihiLIF`: LIF as the chip runs it (spec loihi.md §1). Time constants are
 * discretized (`discretizeTauRc`, `discretizeTauRef`), the interspike interval is a whole
 * number of steps, at most one spike per step, no sub-step spike time. State `voltage = 0`,
 * `refractoryTime = 0` (the chip starts at 0). `rates` is `loihi_lif_rates` at `params.dt`.
 *
 * Training (NengoDL with nengo-extras, §1.4): `rates` is the forward value and
 * `ratesDerivative` is the derivative of the smooth curve (`loihiLifSmoothRate`), i.e.
 * `smooth + stop_gradient(loihi - smooth)`, the no-noise model; `lifSmoothing > 0` smooths that
 * curve as SoftLIF does. Gain and bias from max rates and intercepts are LIF's, as in Nengo Loihi.
 * `maxRateHz` is the cap 1 / (dt (round(tauRef / dt) + 1)): one spike per step, then the refractory steps.
 */
export const LoihiLIF: NeuronType = {
  name: 'LoihiLIF',
  params: {
    tauRc: { default: 0.02, min: Number.MIN_VALUE, doc: 'membrane RC time constant (s, > 0), discretized to 12-bit decay' },
    tauRef: { default: 0.002, min: 0, doc: 'refractory period (s, >= 0), rounded to whole steps' },
    minVoltage: { default: 0, max: 0, doc: 'lower clamp of the membrane voltage (normalized units, <= 0)' },
    amplitude: amplitudeSpec,
    dt: dtSpec,
    lifSmoothing: {
      default: 0,
      min: 0,
      doc: "NengoDL's lif_smoothing for the training gradient (current units; 0: the plain smooth LIF curve)",
    },
  },
  spiking: true,
  approximates: 'LIF',
  // one spike, then round(tauRef / dt) steps held at 0 (spec §1.2's cap)
  maxRateHz: (dt, p) => 1 / (dt * (Math.round(p.tauRef / dt) + 1)),
  negative: false,
  stateNames: ['voltage', 'refractoryTime'],
  initState: (n) => ({ voltage: new Float32Array(n), refractoryTime: new Float32Array(n) }),
  rates: (J, out, p) => loihiLifRate(J, out, p.tauRc, p.tauRef, p.amplitude, p.dt),
  step: (dt, J, out, state, p) =>
    loihiLifStep(dt, J, out, state.voltage, state.refractoryTime, p.tauRc, p.tauRef, p.minVoltage, p.amplitude),
  ratesDerivative: (J, out, p) => loihiLifSmoothRateDerivative(J, out, p),
  gainBias: LIF.gainBias,
  maxRatesIntercepts: LIF.maxRatesIntercepts,
};
