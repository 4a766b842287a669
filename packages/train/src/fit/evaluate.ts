import * as tf from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { resolveLosses, type LossSpecs } from '../losses/loss-spec.js';
import type { TrainableModel } from '../model/model.js';
import { batchTensors, prepareData } from './batches.js';
import type { DataArray, DataMap } from './data.js';
import { batchLoss } from './loss-terms.js';
import { permutation } from './shuffle.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  readonly x: DataArray | DataMap;
  readonly y?: DataMap;
  readonly losses: LossSpecs;
  /** Samples per forward pass (default 200); the last batch may be smaller. */
  readonly batchSize?: number;
}

/** What {@link evaluate} returns: means over all samples. */
export interface EvaluateResult {
  /** Weighted total loss. */
  readonly loss: number;
  /** Unweighted value of each loss term, by probe. */
  readonly losses: Readonly<Record<string, number>>;
  /** Accuracy (0..1) of each cross-entropy term, by probe. */
  readonly accuracy: Readonly<Record<string, number>>;
}

function checkBatch(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new SnnError('TRAIN_BAD_BATCH', `batchSize must be a positive integer; got ${batchSize}`, { where: 'batchSize' });
  }
}

/** Loss and accuracy of `model` on a data set, in rate mode (no parameter changes). */
export function evaluate(model: TrainableModel, options: EvaluateOptions): EvaluateResult {
  const { batchSize = 200 } = options;
  checkBatch(batchSize);
  const terms = resolveLosses(options.losses);
  const data = prepareData(model, options.x, options.y, terms);
  const order = permutation(data.count);
  const sums = new Float64Array(1 + 2 * terms.length);
  for (let start = 0; start < data.count; start += batchSize) {
    const indices = order.subarray(start, Math.min(data.count, start + batchSize));
    const stats = tf.tidy(() => {
      const { inputs, targets } = batchTensors(model, data, indices, terms);
      const loss = batchLoss(model, terms, inputs, targets);
      return tf.stack([loss.total, ...loss.terms, ...loss.correct.map((c) => c ?? tf.scalar(0))]);
    });
    const v = stats.dataSync();
    stats.dispose();
    // losses are batch means: weight them by the batch size; correct counts are sums.
    for (let i = 0; i <= terms.length; i++) sums[i] += v[i] * indices.length;
    for (let i = terms.length + 1; i < v.length; i++) sums[i] += v[i];
  }
  const n = data.count;
  return {
    loss: sums[0] / n,
    losses: Object.fromEntries(terms.map((t, i) => [t.probe, sums[1 + i] / n])),
    accuracy: Object.fromEntries(terms.flatMap((t, i) => (t.classification ? [[t.probe, sums[1 + terms.length + i] / n]] : []))),
  };
}

/** Options of {@link predict}. */
export interface PredictOptions {
  readonly x: DataArray | DataMap;
  /** Node ids to read (default: the graph's output nodes). */
  readonly outputs?: readonly string[];
  /** Samples per forward pass (default 200). */
  readonly batchSize?: number;
}

/** One node's outputs for every sample: `data` in C order of `shape` = `[samples, ...nodeShape]`. */
export interface PredictedArray {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** Rate-mode outputs of `outputs` (default: the output nodes) for every sample, by node id. */
export function predict(model: TrainableModel, options: PredictOptions): Record<string, PredictedArray> {
  const { batchSize = 200 } = options;
  checkBatch(batchSize);
  const ids = options.outputs ?? model.outputIds;
  const data = prepareData(model, options.x);
  const sizes = ids.map((id) => {
    const shape = model.shapes.get(id);
    if (!shape) throw new SnnError('TRAIN_UNKNOWN_NODE', `cannot predict '${id}': the graph has no such node`, { where: id });
    return shape.reduce((a, b) => a * b, 1);
  });
  const result = ids.map((_, i) => new Float32Array(data.count * sizes[i]));
  const order = permutation(data.count);
  for (let start = 0; start < data.count; start += batchSize) {
    const indices = order.subarray(start, Math.min(data.count, start + batchSize));
    const outs = tf.tidy(() => model.forward(batchTensors(model, data, indices).inputs, ids));
    outs.forEach((t, i) => {
      result[i].set(t.dataSync(), start * sizes[i]);
      t.dispose();
    });
  }
  return Object.fromEntries(ids.map((id, i) => [id, { data: result[i], shape: [data.count, ...model.shapes.get(id)!] }]));
}
