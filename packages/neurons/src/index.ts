export type { NeuronType, NeuronParamSpec, NeuronParams, NeuronState } from './types.js';

/** Nengo `RectifiedLinear` rate type: `amplitude * max(0, J)`. */
export { RectifiedLinear } from './neurons/rectified-linear.js';
/** Nengo `SpikingRectifiedLinear`: integrate-and-fire on `max(J, 0)`, reset by subtraction. */
export { SpikingRectifiedLinear } from './neurons/spiking-rectified-linear.js';
/** Integrate-and-fire on signed input, reset by subtraction, half-threshold start: the ANN-to-SNN conversion neuron. */
export { IntegrateAndFire } from './neurons/integrate-and-fire.js';
/** Nengo `LIFRate`: the steady-state LIF firing-rate curve. */
export { LIFRate } from './neurons/lif-rate.js';
/** Nengo `LIF`: the spiking leaky integrate-and-fire neuron. */
export { LIF } from './neurons/lif.js';
/** NengoDL `SoftLIFRate`: LIF rates smoothed around threshold (the LIF training surrogate). */
export { SoftLIFRate } from './neurons/soft-lif-rate.js';
/** Nengo `Sigmoid`: `(1 / tauRef) / (1 + exp(-J))`. */
export { Sigmoid } from './neurons/sigmoid.js';
/** Nengo `Tanh`: `(1 / tauRef) * tanh(J)`. */
export { Tanh } from './neurons/tanh.js';
/** NengoDL `LeakyReLU`: `amplitude * (J >= 0 ? J : negativeSlope * J)`. */
export { LeakyReLU } from './neurons/leaky-relu.js';
/** NengoDL `SpikingLeakyReLU`: spiking leaky ReLU, truncating (negative spikes possible). */
export { SpikingLeakyReLU } from './neurons/spiking-leaky-relu.js';
/** QCFS (Bu et al. 2022): quantization-clip-floor-shift activation with a trainable threshold, for few-step conversion. */
export { QCFS } from './neurons/qcfs.js';
/** Nengo `RegularSpiking(base)`: wrap a rate type into a regularly spiking one. */
export { regularSpiking } from './neurons/regular-spiking.js';

/** Fill defaults and validate one population's neuron parameters against the type's schema. */
export { resolveParams } from './params.js';
/** Neuron type registry, the built-in list, `registerAll` and `createNeuronRegistry`. */
export { NeuronRegistry, builtinNeuronTypes, registerAll, createNeuronRegistry } from './registry.js';
/** What `applyConversion` (`@snn/ir`) needs to know about neuron types, from a registry. */
export { conversionHooks } from './conversion-hooks.js';

/** The allocation-free LIF step kernel (Nengo `LIF.step`) on raw arrays and numbers, in plain JS. */
export { lifStep } from './kernels/lif-step.js';
/** `lifStep` through the WebAssembly SIMD kernel when all arrays live in neuron memory (bit-identical), or its float32 variant. */
export { lifStepAuto, type LifPrecision, type LifStepOptions } from './wasm/lif-step-auto.js';
/** Arrays in neuron memory (shared WebAssembly memory), which the SIMD kernels and worker threads step in place. */
export { allocNeuronArray, freeNeuronArray, isNeuronArray } from './wasm/neuron-array.js';
/** Step LIF and SpikingRectifiedLinear populations on several threads (Node worker_threads). */
export {
  createNeuronStepPool,
  type NeuronStepPool,
  type NeuronStepPoolOptions,
} from './threads/neuron-step-pool.js';
/** The shared WebAssembly memory and SIMD kernels behind neuron arrays (undefined where unavailable); for packages that add kernels on the same memory. */
export { neuronWasm, type NeuronWasm } from './wasm/neuron-wasm.js';
/** The nonzero entries of an output array, in order (indices and values): the spike list of a step. */
export { listNonzero } from './kernels/list-nonzero.js';
