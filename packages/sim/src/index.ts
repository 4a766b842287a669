/** Stable codes of the errors `@snn/sim` raises, with what each means and how to fix it. */
export { simErrorCodes, type SimErrorCode } from './error-codes.js';
export { compile, createSimulator } from './compile.js';
/** The default batch size of a graph (spiking: what fits a ~16 MB working set, 8-100; rate: 100). */
export { autoBatchSize } from './batch-size.js';
export { Simulator } from './simulator.js';
/** Checks of input samples and labels: type (Float32Array), size per sample, finite values; one class index per sample. */
export { checkSamples, checkLabels, firstNonFinite, type SampleSpec } from './check-samples.js';
export { predict, evaluate, argmaxRows, type PredictOptions, type Prediction } from './evaluate.js';
export { initBackend, type BackendOptions } from './backend/init.js';
/** The tfjs version check of everything in snn that uses tfjs's private parts (see `checkTfjsInternals`). */
export { checkTfjsInternals, TFJS_INTERNALS_VERSION } from './backend/tfjs-internals.js';
export { compileLinearOp, type LinearOp } from './ops/linear-op.js';
export { moveSynapsesPastReshapes } from './build-plan.js';
export { scatterDense } from './kernels/scatter-dense.js';
export { scatterConv, convFanOut, type ConvGeometry } from './kernels/scatter-conv.js';
export { collectActive } from './kernels/collect-active.js';
export type {
  CompileOptions,
  NeuronLookup,
  SynapseLookup,
  SimMode,
  ProbeKeep,
  ProbeSpec,
  RunOptions,
  NodeStats,
  RunResult,
  SimInputs,
} from './options.js';
export { calibrate, type CalibrateOptions, type Calibration, type LayerCalibration } from './calibrate/calibrate.js';
export { measureActivations, type ActivationSummary, type MeasureOptions } from './calibrate/activations.js';
export { percentileInPlace } from './calibrate/percentile.js';
export { accuracyOverTime, type Readout } from './accuracy-over-time.js';
/** The output node a classifier is read at (by id, Keras layer name, or the last output with `classes` values). */
export { classifierOutput } from './classifier-output.js';
/** A Nengo-style ensemble: encoders from samples, gains and biases from max rates and intercepts; its graph, and centring/normalizing inputs. */
export { makeEnsemble, ensembleGraph, normalizeImages, meanImage, type Ensemble } from './ensemble/ensemble.js';
/** Least-squares (ridge) decoders from activities and labels, as Nengo's LstsqL2. */
export { solveDecoders } from './ensemble/solve-decoders.js';
