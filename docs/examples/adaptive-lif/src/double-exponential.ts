import { SnnError, type SynapseSpec } from '@snn/ir';
import { kernelFromStateSpace, SYNAPSE_INVALID_PARAM, tf2ss, zohDiscretize, type SynapseType } from '@snn/synapses';

const params = {
  tauRise: { min: 0, doc: 'rise time constant (s, > 0)' },
  tauDecay: { min: 0, doc: 'decay time constant (s, > 0)' },
} as const;

/**
 * `doubleExponential`: the synapse `1 / ((tauRise s + 1)(tauDecay s + 1))`, a difference of
 * two exponentials with unit area (Alpha when both time constants are equal). Discretized
 * exactly for piecewise-constant input by zero-order hold, as `@snn/synapses`' LinearFilter
 * is, through that package's public state-space helpers. Spec:
 * `{ type: 'doubleExponential', params: { tauRise: 0.001, tauDecay: 0.01 } }`.
 */
export const doubleExponential: SynapseType = {
  name: 'doubleExponential',
  params,
  discretize(spec: SynapseSpec, dt: number) {
    const tau = (name: keyof typeof params): number => {
      const value = spec.params?.[name];
      if (typeof value !== 'number' || !(value > 0)) {
        throw new SnnError(SYNAPSE_INVALID_PARAM, `synapse 'doubleExponential': param '${name}' must be a time constant > 0 seconds; got ${String(value)}`, { where: name });
      }
      return value;
    };
    for (const key of Object.keys(spec.params ?? {})) {
      if (!(key in params)) throw new SnnError(SYNAPSE_INVALID_PARAM, `synapse 'doubleExponential' has no param '${key}'; give tauRise and tauDecay`, { where: key });
    }
    if (!(dt > 0)) throw new SnnError(SYNAPSE_INVALID_PARAM, `synapse 'doubleExponential': time step dt must be > 0 seconds; got ${dt}`, { where: 'dt' });
    const rise = tau('tauRise');
    const decay = tau('tauDecay');
    return kernelFromStateSpace(zohDiscretize(tf2ss([1], [rise * decay, rise + decay, 1], spec.type), dt));
  },
};
