// @snn/loihi: Intel Loihi for snn (spec: shared/spec/loihi.md).
/** The package's error codes. */
export { loihiErrorCodes, loihiError, type LoihiErrorCode } from './error-codes.js';
/** numpy's round-half-to-even, the rounding of every Nengo Loihi formula. */
export { roundHalfEven } from './round.js';
/** Nengo Loihi `LoihiLIF`: LIF with discretized time constants and whole-step interspike intervals. */
export { LoihiLIF } from './neurons/loihi-lif.js';
/** Nengo Loihi `LoihiSpikingRectifiedLinear`: spiking ReLU reset to zero, at most one spike per step. */
export { LoihiSpikingRectifiedLinear } from './neurons/loihi-spiking-rectified-linear.js';
/** The two Loihi neuron types, and `registerLoihiNeurons(registry)` to add them to a neuron registry. */
export { loihiNeuronTypes, registerLoihiNeurons } from './neurons/register-loihi-neurons.js';
/** Nengo Loihi `discretize_tau_rc` / `discretize_tau_ref`: the time constants the chip realizes. */
export { discretizeTauRc, discretizeTauRef } from './neurons/discretize-tau.js';
