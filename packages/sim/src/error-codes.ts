/**
 * Stable codes of the errors `@snn/sim` raises, each with what it means and how to fix it.
 * Programs branch on these (`isSnnError(e, 'SIM_BAD_INPUT')`); people read the message, which
 * names the input, node, probe, option or batch at fault. Errors of other packages pass through
 * with their own codes (e.g. a neuron type the registry lacks, a graph `@snn/ir` refuses).
 */
export const simErrorCodes = {
  SIM_BAD_INPUT:
    'input samples do not fit the input node (not a Float32Array, not a whole number of samples of its shape, empty, NaN or infinite values, inputs with different sample counts); give Float32Array(samples x the input shape, channels last) of finite values',
  SIM_BAD_LABELS: 'labels are not one class index (0 to classes - 1) per sample; give a Uint8Array or number[] of class indices, as many as samples',
  SIM_BAD_ARGUMENT:
    'an argument or option is out of range or does not fit the graph (samples or labels given to evaluateClassifier, a percentile, a target or maximum firing rate, a neuron type or node named for calibration, the regularization of solveDecoders, output values that do not fit accuracyOverTime); the message names the argument and the values allowed',
  SIM_BAD_STEPS: 'nSteps is not a positive whole number; give the number of time steps to simulate, e.g. 100',
  SIM_MISSING_INPUT: 'no data was given for an input node; pass inputs as { [input id]: Float32Array }',
  SIM_UNKNOWN_INPUT: 'data was given for a node that is not an input of the graph; use the input ids the message lists',
  SIM_UNKNOWN_PROBE: 'a probe names a node the graph does not have; probe one of the nodes the message lists',
  SIM_NO_OUTPUT: 'the graph has no output node to read predictions from; add one (GraphBuilder.output())',
  SIM_OUTPUT: 'no output of the model fits the classes of the data (none has one value per class, or the output named is not one); name an output with as many values as classes',
  SIM_NO_NEURONS: 'calibration was given a network without neuron layers, so it has no firing rates to calibrate; give an ANN with ReLU layers',
  SIM_NOT_LINEAR: 'a node that is not linear (dense, conv, pool) was compiled as a linear op; this is a bug in the caller: compile only linear nodes',
  SIM_UNSUPPORTED:
    "the simulator or calibration cannot run a node as configured (conv groups or dilation other than 1, average pooling with other padding, a neuron type calibration cannot convert); change the layer, or convert it by hand (swapNeurons, scaleFiringRates)",
  SIM_WORKER:
    'a simulation worker thread failed, crashed or stopped while simulating the batch the message names (or its pool is closed); see its cause, and start a new SimWorkerPool',
  SIM_TFJS_VERSION:
    "tfjs (@tensorflow/tfjs-core or @tensorflow/tfjs-backend-wasm) is not of the release line whose private parts snn's kernels and thread set-up use (4.22.x); install the versions snn pins",
  BACKEND_UNAVAILABLE: "the tfjs backend asked for is not registered; import '@tensorflow/tfjs-backend-NAME' before initBackend({ backend: 'NAME' })",
  BACKEND_INIT_FAILED: 'the tfjs backend could not be initialized (see the warning tfjs printed before); use the default wasm backend, or check the environment the backend needs',
  BACKEND_THREADS_INVALID: 'threads is not a whole number from 1 to 8 (the limit of the tfjs WebAssembly backend); give e.g. 2',
} as const;

/** One of the codes in {@link simErrorCodes}. */
export type SimErrorCode = keyof typeof simErrorCodes;
