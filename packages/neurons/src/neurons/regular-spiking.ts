import { ratesToRegularSpikesStep } from '../kernels/rates-to-spikes-step.js';
import type { NeuronParams, NeuronType } from '../types.js';
import { amplitudeSpec } from './param-specs.js';
import { uniformVoltageState } from './uniform-voltage.js';

/**
 * Nengo `RegularSpiking(base_type, amplitude)`: turn a rate type into a spiking one with
 * regular inter-spike intervals. Each step the base type maps J to a rate (Hz), then
 * `v += dt * rate; n = floor(v); out = (amplitude / dt) * n; v -= n`. State
 * `voltage ~ Uniform(0, 1)`. Name `RegularSpiking(<base name>)`.
 *
 * Parameters are the base's plus `amplitude`, the spike amplitude. When the base has its own
 * `amplitude`, the two share the name: the base is evaluated with `amplitude = 1` and the
 * value scales the spikes (one knob for `amplitude(base) * amplitude(wrapper)` in Nengo).
 * `rates` is what the spikes average to, `amplitude * rate(base)`; Nengo's `rates` omits the
 * wrapper amplitude, NengoDL's training path includes it, and the two agree for amplitude 1.
 * The surrogate is the base type itself when it has an `amplitude` to carry the scale;
 * otherwise there is none and training uses these rates and their derivative.
 */
export function regularSpiking(base: NeuronType): NeuronType {
  const baseHasAmplitude = Object.prototype.hasOwnProperty.call(base.params, 'amplitude');
  // Derived base params, one per resolved params object, so `step` allocates nothing.
  const baseParamsCache = new WeakMap<NeuronParams, NeuronParams>();
  const baseParams = (p: NeuronParams): NeuronParams => {
    if (!baseHasAmplitude) return p;
    let bp = baseParamsCache.get(p);
    if (bp === undefined) {
      bp = Object.freeze({ ...p, amplitude: 1 });
      baseParamsCache.set(p, bp);
    }
    return bp;
  };
  const scale = (out: Float32Array, amplitude: number): void => {
    if (amplitude !== 1) for (let i = 0, n = out.length; i < n; i++) out[i] *= amplitude;
  };
  return {
    name: `RegularSpiking(${base.name})`,
    params: {
      ...base.params,
      amplitude: { ...amplitudeSpec, doc: 'spike amplitude: each spike is amplitude/dt high (unitless, > 0)' },
    },
    spiking: true,
    negative: base.negative,
    stateNames: ['voltage'],
    initState: (n, _p, rng) => uniformVoltageState(n, rng),
    rates: (J, out, p) => {
      base.rates(J, out, baseParams(p));
      scale(out, p.amplitude);
    },
    step: (dt, J, out, state, p) => {
      base.rates(J, out, baseParams(p));
      return ratesToRegularSpikesStep(dt, out, state.voltage, p.amplitude);
    },
    ...(base.ratesDerivative
      ? {
          ratesDerivative: (J: Float32Array, out: Float32Array, p: NeuronParams) => {
            base.ratesDerivative!(J, out, baseParams(p));
            scale(out, p.amplitude);
          },
        }
      : {}),
    ...(baseHasAmplitude
      ? { surrogate: { type: base.name, params: (p: NeuronParams) => ({ ...baseParams(p), amplitude: p.amplitude }) } }
      : {}),
    ...(base.gainBias
      ? {
          gainBias: (maxRates: Float32Array, intercepts: Float32Array, p: NeuronParams, gain: Float32Array, bias: Float32Array) =>
            base.gainBias!(maxRates, intercepts, baseParams(p), gain, bias),
        }
      : {}),
    ...(base.maxRatesIntercepts
      ? {
          maxRatesIntercepts: (gain: Float32Array, bias: Float32Array, p: NeuronParams, maxRates: Float32Array, intercepts: Float32Array) =>
            base.maxRatesIntercepts!(gain, bias, baseParams(p), maxRates, intercepts),
        }
      : {}),
  };
}
