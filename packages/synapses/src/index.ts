/**
 * @snn/synapses: synaptic filters (Nengo's `LinearFilter` with zero-order hold, `Lowpass`,
 * `Alpha`), discretized once per `dt` into allocation-free step kernels over Float32Array
 * channels, and a registry to look them up by name.
 *
 * Error codes: `SYNAPSE_UNKNOWN`, `SYNAPSE_DUPLICATE`, `SYNAPSE_INVALID_TYPE`,
 * `SYNAPSE_INVALID_PARAM`, `SYNAPSE_IMPROPER`, `SYNAPSE_STATE_SIZE`.
 * @packageDocumentation
 */
export type { SynapseType, SynapseParamSpec, FilterKernel } from './types.js';
export type { FilterForm, LinearKernel } from './kernels/linear-kernel.js';
export { SYNAPSE_STATE_SIZE } from './kernels/linear-kernel.js';
export { SYNAPSE_INVALID_PARAM } from './validate.js';
export { SYNAPSE_IMPROPER, tf2ss, type StateSpace } from './state-space.js';
export { zohDiscretize } from './zoh.js';
export { kernelFromStateSpace } from './kernels/from-state-space.js';
export { linearFilter, linearFilterSystem } from './linear-filter.js';
export { lowpass } from './lowpass.js';
export { alpha } from './alpha.js';
export { none } from './none.js';
export {
  SynapseRegistry,
  registerAll,
  createSynapseRegistry,
  builtinSynapseTypes,
  SYNAPSE_UNKNOWN,
  SYNAPSE_DUPLICATE,
  SYNAPSE_INVALID_TYPE,
} from './registry.js';
export { lowpassSpec, alphaSpec, linearFilterSpec, coerceSynapse, discretize } from './spec.js';
export { filterSignal, filterSeries } from './filt.js';
