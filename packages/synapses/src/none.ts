import { noXKernel } from './kernels/no-x.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import type { SynapseType } from './types.js';
import { checkDt, checkKnownFields } from './validate.js';

/**
 * `none`: the identity filter (order 0, `y = u`, no delay inside the filter), for edges
 * that must name a synapse but should not filter.
 */
export const none: SynapseType = {
  name: 'none',
  params: {},
  discretize(spec, dt): LinearKernel {
    checkDt(dt, spec.type);
    checkKnownFields(spec, {}, []);
    return noXKernel({ A: [], B: [], C: [], D: 1 });
  },
};
