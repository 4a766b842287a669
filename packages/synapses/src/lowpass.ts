import { oneXKernel } from './kernels/one-x.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import type { SynapseType } from './types.js';
import { checkDt, checkKnownFields, readTau } from './validate.js';

const params = { tau: { min: 0, doc: 'time constant in seconds (> 0)' } } as const;

/**
 * `lowpass`: first-order filter `1/(tau s + 1)` (Nengo's `Lowpass`), the LinearFilter special
 * case discretized in closed form: `a = exp(-dt/tau)`, `y[t] = a y[t-1] + (1-a) u[t]`.
 */
export const lowpass: SynapseType = {
  name: 'lowpass',
  params,
  discretize(spec, dt): LinearKernel {
    checkDt(dt, spec.type);
    checkKnownFields(spec, params, []);
    const tau = readTau(spec);
    const a = Math.exp(-dt / tau);
    // 1 - a without cancellation when dt << tau.
    const b = -Math.expm1(-dt / tau);
    return oneXKernel(a, b, { A: [[a]], B: [b], C: [1], D: 0 });
  },
};
