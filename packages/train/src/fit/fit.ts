import * as tf from '@tensorflow/tfjs-core';
import { SnnError, createRng } from '@snn/ir';
import { resolveLosses, type LossSpecs } from '../losses/loss-spec.js';
import type { TrainableModel, TrainableOverrides } from '../model/model.js';
import { createOptimizer, type OptimizerSpec } from '../optimizers/optimizer.js';
import { batchTensors, prepareData } from './batches.js';
import type { DataArray, DataMap } from './data.js';
import { batchLoss } from './loss-terms.js';
import type { BatchProgress } from './progress.js';
import { permutation } from './shuffle.js';

/** Options of {@link fit}. */
export interface FitOptions {
  /** Inputs: one array for a single-input graph, or arrays by input node id; `(batch, ...shape)` or `(batch, 1, ...shape)`. */
  readonly x: DataArray | DataMap;
  /** Targets by probe id: integer labels for cross-entropy terms, arrays of the probe's size otherwise. */
  readonly y?: DataMap;
  /** Loss terms by probe (any node id). */
  readonly losses: LossSpecs;
  /** Optimizer spec or a tfjs optimizer (default Adam, learning rate 0.001). */
  readonly optimizer?: OptimizerSpec | tf.Optimizer;
  /** Passes over the data (default 1). */
  readonly epochs?: number;
  /** Samples per gradient step (default 32). Samples beyond the last full batch are skipped each epoch (NengoDL truncates too). */
  readonly batchSize?: number;
  /** Shuffle the samples every epoch (default true). */
  readonly shuffle?: boolean;
  /** Seed of the shuffling (default 0). */
  readonly seed?: number;
  /** Per-call trainable overrides, e.g. `{ conv0: false }` to freeze conv0. */
  readonly trainable?: TrainableOverrides;
  /** Called after every batch. */
  readonly onBatch?: (progress: BatchProgress) => void;
  /** Called after every epoch. */
  readonly onEpoch?: (metrics: EpochMetrics) => void;
}

/** Metrics of one training epoch (means over its batches). */
export interface EpochMetrics {
  /** 1-based epoch number. */
  readonly epoch: number;
  /** Mean weighted total loss. */
  readonly loss: number;
  /** Mean unweighted value of each loss term, by probe. */
  readonly losses: Readonly<Record<string, number>>;
  /** Training accuracy (0..1) of each cross-entropy term, by probe. */
  readonly accuracy: Readonly<Record<string, number>>;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

/** What {@link fit} returns. */
export interface FitResult {
  readonly history: EpochMetrics[];
}

/**
 * Train `model` in rate mode with minibatch gradient descent: seeded shuffling each
 * epoch, the weighted sum of the loss terms, the optimizer's update of every trainable
 * variable (frozen nodes keep their values), per-batch progress and per-epoch metrics.
 */
export function fit(model: TrainableModel, options: FitOptions): FitResult {
  const steps = fitSteps(model, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link fit} that lets the event loop run (timers, signal handlers such as Ctrl-C) at least
 * every `yieldEveryMs` milliseconds of training, between batches. Same results as `fit`.
 */
export async function fitAsync(model: TrainableModel, options: FitOptions, yieldEveryMs = 100): Promise<FitResult> {
  const steps = fitSteps(model, options);
  let last = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - last >= yieldEveryMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = performance.now();
    }
  }
}

/** The work of {@link fit}, pausing (yield) after every batch. */
function* fitSteps(model: TrainableModel, options: FitOptions): Generator<void, FitResult> {
  const { epochs = 1, batchSize = 32, shuffle = true, seed = 0 } = options;
  const terms = resolveLosses(options.losses);
  const data = prepareData(model, options.x, options.y, terms);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > data.count) {
    throw new SnnError('TRAIN_BAD_BATCH', `batchSize ${batchSize} must be an integer from 1 to the number of samples (${data.count})`, { where: 'batchSize' });
  }
  const varList = model.trainableVariables(options.trainable);
  if (varList.length === 0) throw new SnnError('TRAIN_NOTHING_TRAINABLE', 'every node with parameters is frozen; nothing to train', { where: 'trainable' });
  const given = options.optimizer;
  const ownOptimizer = !isOptimizer(given);
  const optimizer = isOptimizer(given) ? given : createOptimizer(given ?? { type: 'adam' });
  const rng = shuffle ? createRng(seed) : undefined;
  const batches = Math.floor(data.count / batchSize);
  const history: EpochMetrics[] = [];
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = permutation(data.count, rng);
      const sums = new Float64Array(1 + 2 * terms.length);
      const t0 = performance.now();
      for (let b = 0; b < batches; b++) {
        const stats = trainStep(model, terms, data, order.subarray(b * batchSize, (b + 1) * batchSize), varList, optimizer);
        for (let i = 0; i < stats.length; i++) sums[i] += stats[i];
        const seconds = (performance.now() - t0) / 1000;
        options.onBatch?.({ epoch, epochs, batch: b + 1, batches, loss: sums[0] / (b + 1), samplesPerSecond: ((b + 1) * batchSize) / seconds, seconds });
        yield;
      }
      const seconds = (performance.now() - t0) / 1000;
      const metrics: EpochMetrics = {
        epoch,
        loss: sums[0] / batches,
        losses: Object.fromEntries(terms.map((t, i) => [t.probe, sums[1 + i] / batches])),
        accuracy: Object.fromEntries(terms.flatMap((t, i) => (t.classification ? [[t.probe, sums[1 + terms.length + i] / (batches * batchSize)]] : []))),
        seconds,
        samplesPerSecond: (batches * batchSize) / seconds,
      };
      history.push(metrics);
      options.onEpoch?.(metrics);
    }
  } finally {
    if (ownOptimizer) optimizer.dispose();
  }
  return { history };
}

function isOptimizer(o: OptimizerSpec | tf.Optimizer | undefined): o is tf.Optimizer {
  return typeof (o as tf.Optimizer | undefined)?.applyGradients === 'function';
}

/** One gradient step; returns [total, term values..., correct counts...]. */
function trainStep(
  model: TrainableModel,
  terms: ReturnType<typeof resolveLosses>,
  data: ReturnType<typeof prepareData>,
  indices: Int32Array,
  varList: tf.Variable[],
  optimizer: tf.Optimizer,
): Float32Array {
  const stats = tf.tidy(() => {
    const { inputs, targets } = batchTensors(model, data, indices, terms);
    let kept: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      // only the variables' gradients are taken
      const loss = batchLoss(model, terms, inputs, targets, { inputGradients: false, variables: varList });
      kept = [...loss.terms, ...loss.correct.map((c) => c ?? tf.scalar(0))].map((t) => tf.keep(t));
      return loss.total;
    }, varList);
    optimizer.applyGradients(grads);
    const all = tf.stack([value, ...kept]);
    tf.dispose(kept);
    return all;
  });
  const values = stats.dataSync() as Float32Array;
  stats.dispose();
  return values;
}
