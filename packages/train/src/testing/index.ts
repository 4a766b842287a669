/**
 * `@snn/train/testing`: gradient checks and the training-step benchmark. Not part of the main entry point.
 * @packageDocumentation
 */
/** Time training steps of the keras-to-snn network on the wasm backend; epoch seconds and GFLOP/s. */
export { benchTrainStep, type TrainStepBenchOptions, type TrainStepBenchResult } from '../kernels/train-step-bench.js';
/** Central-difference gradients and element-wise relative error, for checking analytic gradients against a float64 reference. */
export { numericGradient, maxRelativeError } from '../kernels/finite-difference.js';
