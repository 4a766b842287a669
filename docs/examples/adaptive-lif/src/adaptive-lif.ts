import { LIF, LIFRate, lifStep, type NeuronType } from '@snn/neurons';

/**
 * Nengo's `AdaptiveLIF` (nengo/neurons.py), defined outside the snn packages: a LIF neuron
 * whose input current is reduced by an adaptation state `n`,
 *
 * ```
 * LIF.step(dt, J - n, output, voltage, refractoryTime)
 * n += (dt / tauN) * (incN * output - n)
 * ```
 *
 * so `tau_n dn/dt = -n`, and each spike (output `amplitude / dt`) raises `n` by
 * `incN * amplitude / tauN`. `rates` is Nengo's: the LIF rate curve without adaptation (the
 * onset rate); `adaptedRate` gives the steady state. Training goes through SoftLIFRate, as
 * for LIF.
 */
export const AdaptiveLIF: NeuronType = {
  name: 'AdaptiveLIF',
  params: {
    ...LIF.params,
    tauN: { default: 1, min: Number.MIN_VALUE, doc: 'adaptation time constant (s, > 0): how quickly n decays without spikes' },
    incN: { default: 0.01, min: 0, doc: 'adaptation increment: n grows by incN * amplitude / tauN per spike (units of current)' },
  },
  spiking: true,
  negative: false,
  stateNames: ['voltage', 'refractoryTime', 'adaptation'],
  initState: (n, _p, rng) => ({
    voltage: rng.fillUniform(new Float32Array(n), 0, 1),
    refractoryTime: new Float32Array(n),
    adaptation: new Float32Array(n),
  }),
  rates: (J, out, p) => LIFRate.rates(J, out, p),
  ratesDerivative: (J, out, p) => LIFRate.ratesDerivative!(J, out, p),
  step: (dt, J, out, state, p) => {
    const n = state.adaptation;
    // J - n goes into `out` first: lifStep reads J[i] before it writes out[i], so the
    // adapted current can share the output buffer and the step allocates nothing
    for (let i = 0; i < J.length; i++) out[i] = J[i] - n[i];
    const spikes = lifStep(dt, out, out, state.voltage, state.refractoryTime, p.tauRc, p.tauRef, p.minVoltage, p.amplitude);
    const k = dt / p.tauN;
    for (let i = 0; i < J.length; i++) n[i] += k * (p.incN * out[i] - n[i]);
    return spikes;
  },
  surrogate: {
    type: 'SoftLIFRate',
    params: (p) => ({ sigma: 1, tauRc: p.tauRc, tauRef: p.tauRef, amplitude: p.amplitude }),
  },
  gainBias: (maxRates, intercepts, p, gain, bias) => LIF.gainBias!(maxRates, intercepts, p, gain, bias),
  maxRatesIntercepts: (gain, bias, p, maxRates, intercepts) => LIF.maxRatesIntercepts!(gain, bias, p, maxRates, intercepts),
};
