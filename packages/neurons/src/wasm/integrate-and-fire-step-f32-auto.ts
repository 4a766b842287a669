import { integrateAndFireStepF32 } from '../kernels/integrate-and-fire-step.js';
import { integrateStepF32Auto } from './integrate-step-f32-auto.js';

/**
 * `integrateAndFireStepF32` over all of `J`, listing the spikes from position 0: the SIMD
 * kernel `if_step_f32` where the arrays live in neuron memory, the JS kernel for the rest
 * (identical results).
 */
export const integrateAndFireStepF32Auto = integrateStepF32Auto((wasm) => wasm.ifStepF32, integrateAndFireStepF32);
