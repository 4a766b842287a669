import { kernelFromStateSpace } from './kernels/from-state-space.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import { tf2ss } from './state-space.js';
import type { SynapseType } from './types.js';
import { checkDt, checkKnownFields, readTau } from './validate.js';
import { zohDiscretize } from './zoh.js';

const params = { tau: { min: 0, doc: 'time constant in seconds (> 0); the peak of the impulse response' } } as const;

/**
 * `alpha`: second-order filter `1/(tau s + 1)^2` (Nengo's `Alpha`), a LinearFilter
 * discretized by zero-order hold; runs the two-state NoD form.
 */
export const alpha: SynapseType = {
  name: 'alpha',
  params,
  discretize(spec, dt): LinearKernel {
    checkDt(dt, spec.type);
    checkKnownFields(spec, params, []);
    const tau = readTau(spec);
    return kernelFromStateSpace(zohDiscretize(tf2ss([1], [tau * tau, 2 * tau, 1], spec.type), dt));
  },
};
