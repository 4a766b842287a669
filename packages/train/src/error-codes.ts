import { SnnError } from '@snn/ir';

/**
 * Stable codes of the errors `@snn/train` raises, each with what it means. Programs
 * branch on these (`isSnnError(e, 'TRAIN_NOTHING_TRAINABLE')`); people read the message.
 */
export const trainErrorCodes = {
  TRAIN_BAD_BATCH: 'a batch size is not a whole number from 1 to the number of samples',
  TRAIN_BAD_DATA: 'inputs or targets do not fit the graph (sizes, sample counts, labels)',
  TRAIN_BAD_LOSS: 'a loss spec is invalid (unknown loss, non-finite weight, constant target for cross-entropy)',
  TRAIN_BAD_OPTIMIZER: 'an optimizer spec is invalid (unknown type, learning rate not > 0)',
  TRAIN_BAD_OPTION: 'a training option is invalid (epochs, firing-rate target or weight, QCFS levels or threshold)',
  TRAIN_MISSING_INPUT: 'no data was given for an input node',
  TRAIN_MISSING_TARGET: 'a loss term has neither data nor a constant target',
  TRAIN_UNKNOWN_NODE: 'a probe, override or layer name is not a node (or Keras layer) of the graph',
  TRAIN_NOT_NEURONS: 'a layer named for firing-rate regularization has no neurons node',
  TRAIN_NOT_RELU: 'toQcfs was given a graph, or a threshold for a node, without a RectifiedLinear population to quantize',
  TRAIN_NOTHING_TRAINABLE: 'the graph has no parameter training may change (none, or every node frozen)',
  TRAIN_INFERENCE_ONLY: 'the graph holds layers converted for inference only (e.g. trainable batch normalization folded, regularizers dropped)',
  TRAIN_BAD_OPTIMIZER_STATE: 'saved optimizer state does not fit the model (other variables or shapes)',
  TRAIN_UNSUPPORTED: 'a node kind or option the rate-mode trainer cannot differentiate',
  TRAIN_INTERNAL: 'an internal inconsistency (a bug in snn)',
  TRAIN_KERNEL_THREAD: "the helper thread of snn's training kernels failed or stopped answering (later steps run on one thread)",
  CHECKPOINT_READ_FAILED: 'a checkpoint file cannot be read',
  CHECKPOINT_WRITE_FAILED: 'a checkpoint file cannot be written (the previous one is left unchanged)',
  GRADIENT_UNSUPPORTED: 'a gradient is asked for an op configuration snn does not differentiate (e.g. dilation > 1)',
  GRADIENT_ALREADY_REGISTERED: 'a gradient is registered twice without `override`',
  KERNEL_ALREADY_REGISTERED: 'a training kernel is registered twice without `override`',
  KERNEL_MISSING: "a tfjs kernel snn's kernels build on is not registered",
  KERNEL_UNSUPPORTED: 'a kernel is called with a layout or option it does not support (channels-first, dilation)',
  KERNEL_WRONG_BACKEND: "a WebAssembly kernel is called on another backend than tfjs's wasm",
} as const;

/** One of the codes in {@link trainErrorCodes}. */
export type TrainErrorCode = keyof typeof trainErrorCodes;

/** Build an {@link SnnError} with a training code; `where` names the node, layer, option or file at fault. */
export function trainError(code: TrainErrorCode, where: string | undefined, message: string, cause?: unknown): SnnError {
  return new SnnError(code, message, { where, cause });
}
