/**
 * `@snn/example-adaptive-lif`: how to extend snn without forking it. A neuron type, a
 * synapse and a Keras layer converter defined here, outside the packages, on their public
 * APIs only; `register` adds them all, and is what `snn --plugin @snn/example-adaptive-lif`
 * calls.
 *
 * @packageDocumentation
 */

/** Nengo's AdaptiveLIF neuron type (trains through SoftLIFRate). */
export { AdaptiveLIF } from './adaptive-lif.js';
/** The steady-state (adapted) output of an AdaptiveLIF neuron for a constant current. */
export { adaptedRate } from './adapted-rate.js';
/** The squared ReLU rate neuron type, the target of the Keras `SquaredReLU` converter. */
export { SquaredReLU } from './squared-relu.js';
/** A double-exponential synapse, discretized by zero-order hold. */
export { doubleExponential } from './double-exponential.js';
/** The converter rule for Keras class `SquaredReLU`. */
export { convertSquaredReLU } from './squared-relu-converter.js';
/** The plugin entry point: add every type above to the given registries. */
export { register, type PluginRegistries } from './register.js';
