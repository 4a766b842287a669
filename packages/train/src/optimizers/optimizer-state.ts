import * as tf from '@tensorflow/tfjs-core';
import { checkTfjsInternals } from '@snn/sim';
import { trainError } from '../error-codes.js';
import { base64ToBytes, bytesToBase64 } from './base64.js';
import type { OptimizerSpec } from './optimizer.js';

/** One optimizer tensor as JSON: shape, dtype, and its bytes as base64. */
export interface SavedTensor {
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
  readonly data: string;
}

/**
 * An optimizer's state as JSON (a checkpoint keeps it in its metadata): the spec it was
 * built from and tfjs's `getWeights()` — the iteration count, then per-variable slots
 * (Adam: first then second moments; RMSprop: mean squares, moments; SGD momentum:
 * accumulations; plain SGD: none), in the order of the model's trainable variables.
 */
export interface OptimizerState {
  readonly spec: OptimizerSpec;
  readonly weights: readonly SavedTensor[];
  /** Adam's running products beta1^(t+1) and beta2^(t+1), which `getWeights` leaves out (see {@link restoreOptimizerState}). */
  readonly betaPowers?: readonly [number, number];
}

/** Adam's bias-correction accumulators: private fields of tfjs's AdamOptimizer (tfjs-core 4.22). */
interface AdamAccumulators {
  readonly accBeta1?: tf.Variable;
  readonly accBeta2?: tf.Variable;
}

function betaAccumulators(optimizer: tf.Optimizer): [tf.Variable, tf.Variable] | undefined {
  checkTfjsInternals("snn's Adam checkpoint (AdamOptimizer's accumulators)");
  const { accBeta1, accBeta2 } = optimizer as unknown as AdamAccumulators;
  return accBeta1 instanceof tf.Variable && accBeta2 instanceof tf.Variable ? [accBeta1, accBeta2] : undefined;
}

/** Read `optimizer`'s state (built from `spec`) into JSON-ready form. */
export async function saveOptimizerState(optimizer: tf.Optimizer, spec: OptimizerSpec): Promise<OptimizerState> {
  const named = await optimizer.getWeights();
  const weights = await Promise.all(
    named.map(async ({ tensor }): Promise<SavedTensor> => {
      const dtype = tensor.dtype === 'int32' ? 'int32' : 'float32';
      const values = (await tensor.data()) as Float32Array | Int32Array;
      return { shape: [...tensor.shape], dtype, data: bytesToBase64(values) };
    }),
  );
  // getWeights makes a fresh iteration-count scalar each call
  named[0]?.tensor.dispose();
  const acc = betaAccumulators(optimizer);
  return { spec, weights, ...(acc ? { betaPowers: [acc[0].dataSync()[0], acc[1].dataSync()[0]] as const } : {}) };
}

/**
 * Restore `state` into `optimizer` (a fresh optimizer of the same type), checking that its
 * slots fit `variables` (the model's trainable variables, in order): same count per slot
 * kind and same shapes. Throws `TRAIN_BAD_OPTIMIZER_STATE` otherwise. Adam's `setWeights`
 * recomputes beta^(t+1) with `pow`, which differs in the last bit from the running product
 * it keeps while training for some t; the saved products are put back instead, so that a
 * resumed run is bit-identical to an uninterrupted one.
 */
export async function restoreOptimizerState(optimizer: tf.Optimizer, state: OptimizerState, variables: readonly tf.Variable[]): Promise<void> {
  const [iterations, ...slots] = state.weights;
  const n = variables.length;
  const fail = (why: string): never => {
    throw trainError('TRAIN_BAD_OPTIMIZER_STATE', state.spec.type, `the saved ${state.spec.type} state does not fit the model: ${why}; resume without it (a fresh optimizer) or from a checkpoint of this network`);
  };
  if (iterations === undefined || iterations.shape.length !== 0) fail('it has no iteration count');
  const perVariable = slotsPerVariable(state.spec);
  if (slots.length !== 0 && slots.length !== perVariable * n) {
    fail(`it has ${slots.length} slot tensors where ${state.spec.type} keeps ${perVariable} per trainable variable (${n} variables)`);
  }
  slots.forEach((s, i) => {
    const want = variables[i % n].shape;
    if (s.shape.length !== want.length || s.shape.some((d, k) => d !== want[k])) fail(`slot ${i} has shape [${s.shape.join(', ')}] where variable ${i % n} has [${want.join(', ')}]`);
  });
  const tensors = state.weights.map((s, i) => ({ name: i === 0 ? 'iter' : `slot${i}`, tensor: toTensor(s, fail) }));
  try {
    await optimizer.setWeights(tensors);
  } finally {
    tf.dispose(tensors.map((t) => t.tensor));
  }
  const acc = betaAccumulators(optimizer);
  if (acc && state.betaPowers) acc.forEach((v, i) => tf.tidy(() => v.assign(tf.scalar(state.betaPowers![i]))));
}

/** Slot tensors tfjs keeps per variable for a spec (before the first step it keeps none). */
function slotsPerVariable(spec: OptimizerSpec): number {
  switch (spec.type) {
    case 'adam':
      return 2;
    case 'rmsprop':
      return spec.centered === true ? 3 : 2;
    case 'sgd':
      return (spec.momentum ?? 0) === 0 ? 0 : 1;
    default:
      return 0;
  }
}

function toTensor(saved: SavedTensor, fail: (why: string) => never): tf.Tensor {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(saved.data);
  } catch {
    return fail('a tensor is not valid base64');
  }
  const size = saved.shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== size * 4) fail(`a tensor of shape [${saved.shape.join(', ')}] has ${bytes.length} bytes`);
  const copy = bytes.slice().buffer; // aligned for the typed-array view
  const values = saved.dtype === 'int32' ? new Int32Array(copy) : new Float32Array(copy);
  return tf.tensor(values, [...saved.shape], saved.dtype);
}
