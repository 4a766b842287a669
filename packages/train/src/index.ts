// Training core: model, losses, optimizers, fit/evaluate/predict.
/** Stable codes of the errors `@snn/train` raises, with their meanings. */
export { trainErrorCodes, type TrainErrorCode } from './error-codes.js';
/** NengoDL's keras-to-snn network (conv 32, conv 64 stride 2, dense 10), freshly initialized from a seed. */
export { kerasToSnnGraph } from './networks/keras-to-snn.js';
/** Nengo Loihi's keras-to-loihi network (to-spikes 1x1x3, conv 32 and 64 stride 2, dense 100, dense 10), freshly initialized. */
export { kerasToLoihiGraph } from './networks/keras-to-loihi.js';
/** NengoDL's spiking-MNIST network (3 conv + LIF layers with avg-pooling, dense 10; frozen LIF gain/bias of max rate 100 Hz, amplitude 0.01), freshly initialized. */
export { spikingMnistGraph, lifGainBiasScalars } from './networks/spiking-mnist.js';
/** The blog-post dense network (flatten -> dense 128 relu -> dense 10), freshly initialized. */
export { mlpGraph } from './networks/mlp.js';
/** Build a differentiable rate-mode tfjs model (trainable variables + forward pass) from an IR graph. */
export { createModel, TrainableModel, type ForwardOptions, type ModelOptions, type TrainableOverrides } from './model/model.js';
/** Surrogate parameter overrides by neuron type name (e.g. NengoDL's `lif_smoothing` as `{ LIF: { sigma } }`). */
export type { SurrogateParams } from './model/training-type.js';
/** The model's graph with its trained parameter values (a new Graph; the source is untouched). */
export { exportGraph } from './model/export-graph.js';
/** A neuron type's rate function as a differentiable tfjs op (derivative from the type, or numerical), optionally in its trainable parameters too. */
export { rateOp, type RateOp, type RateOpOptions } from './model/rate-op.js';
/** Central-difference derivatives of a neuron type's rates in J and in a parameter, used when it has no `ratesDerivative` / `ratesParamDerivative`. */
export { numericRatesDerivative, numericParamDerivative } from './model/numeric-derivative.js';
/** ReLU network -> QCFS network (levels, initial thresholds) for few-step fine-tuning before conversion. */
export { toQcfs, type ToQcfsOptions } from './quantize/to-qcfs.js';
export { qcfsFromData, type QcfsFromDataOptions } from './quantize/qcfs-from-data.js';
/** Sparse categorical cross-entropy from logits (fused, with its gradient) and the correct-prediction count. */
export { sparseCategoricalCrossentropy, correctCount } from './losses/sparse-categorical-crossentropy.js';
/** Mean squared error against a tensor or a constant (e.g. a target firing rate). */
export { meanSquaredError } from './losses/mse.js';
/** Weighted loss terms attached to probes (any node id). */
export { resolveLosses, type LossFn, type LossName, type LossSpec, type LossSpecs, type LossTerm } from './losses/loss-spec.js';
/** Adam, SGD (momentum, Nesterov) and RMSprop from a spec. */
export { createOptimizer, type OptimizerSpec, type AdamSpec, type SgdSpec, type RmspropSpec } from './optimizers/optimizer.js';
/** An optimizer's moments and iteration count as JSON (kept in checkpoints), and restoring them. */
export { saveOptimizerState, restoreOptimizerState, type OptimizerState, type SavedTensor } from './optimizers/optimizer-state.js';
/** Firing-rate regularization (NengoDL keras-to-snn): MSE of neuron layers' rates (Hz) against a target, as loss specs. */
export { firingRateLosses, type FiringRateLossOptions } from './losses/firing-rate-loss.js';
/** The neurons node ids that node ids or Keras layer names stand for. */
export { neuronLayerIds } from './model/neuron-layers.js';
/** Refuse graphs training would get wrong: layers converted for inference only, nothing trainable. */
export { checkTrainable, type InferenceOnlyLayer } from './model/check-trainable.js';
/** Initialize the backend and register snn's training gradients and kernels. */
export { initTraining } from './fit/init-training.js';
/** Train a model with minibatches, seeded shuffling, progress and per-epoch metrics. */
export { fit, type FitOptions, type FitResult, type EpochMetrics } from './fit/fit.js';
/** Train for epochs with per-epoch validation, resumable (start epoch, optimizer state), with a checkpoint hook. */
export { trainEpochs, type TrainEpochsOptions, type TrainedEpoch, type TrainingSnapshot, type ValidationData } from './fit/train-epochs.js';
/** Loss/accuracy of a model on a data set, and its rate-mode outputs. */
export { evaluate, predict, type EvaluateOptions, type EvaluateResult, type PredictOptions, type PredictedArray } from './fit/evaluate.js';
/** Data arrays accepted by fit/evaluate/predict: (batch, ...) or NengoDL's (batch, 1, ...). */
export type { ArrayData, DataArray, DataMap } from './fit/data.js';
/** Progress line formatting and a stderr progress bar for `fit`'s `onBatch`. */
export { formatProgress, progressBar, type BatchProgress, type TextSink } from './fit/progress.js';
/** Register snn's WebAssembly training kernels by name (Conv2DBackpropFilter/Input, pool grads, fast matMul, ...), or restore tfjs's. */
export { registerTrainingKernels, unregisterTrainingKernels, type RegisterKernelsOptions } from './kernels/register-kernels.js';
/** Register the gradients rate-mode training needs (tfjs-core registers none in Node). */
export { registerTrainingGradients, type RegisterGradientsOptions } from './kernels/register-gradients.js';
/** relu(conv2d(x, filter) + bias) as one trainable op, fused on the wasm backend (needs registerTrainingKernels). */
export { conv2dBiasRelu, type Conv2DBiasReluOptions } from './kernels/conv2d-bias-relu.js';
