import { spikingRectifiedLinearStepF32 } from '../kernels/spiking-rectified-linear-step-f32.js';
import { integrateStepF32Auto } from './integrate-step-f32-auto.js';

/**
 * {@link spikingRectifiedLinearStepF32} over all of `J`, listing the nonzero outputs from
 * position 0: the WebAssembly SIMD kernel `srelu_step_f32` (eight neurons at a time, the list
 * built in the same pass) for the first multiple of 8 neurons when every array lives in neuron
 * memory, the JS kernel for the rest. Both compute the same float32 operations, so results are identical.
 */
export const spikingRectifiedLinearStepF32Auto = integrateStepF32Auto((wasm) => wasm.sreluStepF32, spikingRectifiedLinearStepF32); // no spike limit: the extra argument is ignored
