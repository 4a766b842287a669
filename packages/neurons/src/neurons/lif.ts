import { lifGainBias, lifMaxRatesIntercepts } from '../gain-bias/lif-gain-bias.js';
import { lifRate, lifRateDerivative } from '../kernels/lif-rate.js';
import type { NeuronType } from '../types.js';
import { lifStepAuto } from '../wasm/lif-step-auto.js';
import { listNonzeroAuto } from '../wasm/list-nonzero-auto.js';
import { allocNeuronArray } from '../wasm/neuron-array.js';
import { amplitudeSpec, tauRcSpec, tauRefSpec } from './param-specs.js';

/**
 * Nengo `LIF`: leaky integrate-and-fire with an exact zero-order-hold voltage update,
 * sub-step spike times and refractory bookkeeping (see `lifStep`). State
 * `voltage ~ Uniform(0, 1)`, `refractoryTime = 0`, allocated in neuron memory; `step` runs
 * the WebAssembly SIMD kernel when J, out and the state all live there (`allocNeuronArray`),
 * else the JS kernel, with bit-identical results; `stepFloat32` runs the float32 SIMD kernel
 * (NengoDL's precision) where it can. `rates` is the LIFRate curve.
 *
 * Training surrogate: NengoDL trains LIF through LIFRate, or SoftLIFRate with
 * `sigma = lif_smoothing`; we default to SoftLIFRate with `sigma = 1`, whose gradient is
 * nonzero below threshold. A trainer wanting another smoothing can map the params itself.
 */
export const LIF: NeuronType = {
  name: 'LIF',
  params: {
    tauRc: tauRcSpec,
    tauRef: tauRefSpec,
    minVoltage: {
      default: 0,
      max: 0,
      doc: 'lower clamp of the membrane voltage (normalized units, <= 0; -Infinity: never clamped)',
    },
    amplitude: amplitudeSpec,
  },
  spiking: true,
  negative: false,
  stateNames: ['voltage', 'refractoryTime'],
  initState: (n, _p, rng) => ({
    voltage: rng.fillUniform(allocNeuronArray(n), 0, 1),
    refractoryTime: allocNeuronArray(n),
  }),
  rates: (J, out, p) => {
    lifRate(J, out, p.tauRc, p.tauRef, p.amplitude);
  },
  step: (dt, J, out, state, p) =>
    lifStepAuto(dt, J, out, state.voltage, state.refractoryTime, p.tauRc, p.tauRef, p.minVoltage, p.amplitude),
  stepFloat32: (dt, J, out, state, p, index, value) => {
    const opts = { precision: 'float32' } as const;
    const spikes = lifStepAuto(dt, J, out, state.voltage, state.refractoryTime, p.tauRc, p.tauRef, p.minVoltage, p.amplitude, opts);
    return spikes === 0 ? 0 : listNonzeroAuto(out, J.length, index, value);
  },
  ratesDerivative: (J, out, p) => lifRateDerivative(J, out, p.tauRc, p.tauRef, p.amplitude),
  surrogate: {
    type: 'SoftLIFRate',
    params: (p) => ({ sigma: 1, tauRc: p.tauRc, tauRef: p.tauRef, amplitude: p.amplitude }),
  },
  gainBias: (maxRates, intercepts, p, gain, bias) => lifGainBias('LIF', maxRates, intercepts, p.tauRc, p.tauRef, gain, bias),
  maxRatesIntercepts: (gain, bias, p, maxRates, intercepts) =>
    lifMaxRatesIntercepts(gain, bias, p.tauRc, p.tauRef, maxRates, intercepts),
};
