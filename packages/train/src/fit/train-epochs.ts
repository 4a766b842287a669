import { createRng } from '@snn/ir';
import { trainError } from '../error-codes.js';
import type { LossSpecs } from '../losses/loss-spec.js';
import type { TrainableModel, TrainableOverrides } from '../model/model.js';
import { createOptimizer, type OptimizerSpec } from '../optimizers/optimizer.js';
import { restoreOptimizerState, saveOptimizerState, type OptimizerState } from '../optimizers/optimizer-state.js';
import type { DataArray, DataMap } from './data.js';
import { evaluate, type EvaluateResult } from './evaluate.js';
import { fitAsync, type EpochMetrics } from './fit.js';
import type { BatchProgress } from './progress.js';

/** Held-out data evaluated (rate mode) after every epoch. */
export interface ValidationData {
  readonly x: DataArray | DataMap;
  readonly y?: DataMap;
  /** Loss terms to evaluate (default: the training losses). */
  readonly losses?: LossSpecs;
  /** Samples per forward pass (default 200). */
  readonly batchSize?: number;
}

/** What training has reached after an epoch: enough to resume exactly (see {@link TrainEpochsOptions.optimizerState}). */
export interface TrainingSnapshot {
  /** Epochs completed. */
  readonly epoch: number;
  /** The optimizer's spec and state (moments, iteration count). */
  readonly optimizer: OptimizerState;
}

/** One epoch of {@link trainEpochs}: the training metrics and, with validation data, its evaluation. */
export interface TrainedEpoch extends EpochMetrics {
  readonly validation?: EvaluateResult;
}

/** Options of {@link trainEpochs}. */
export interface TrainEpochsOptions {
  readonly x: DataArray | DataMap;
  readonly y?: DataMap;
  readonly losses: LossSpecs;
  /** Optimizer (default Adam, learning rate 0.001). */
  readonly optimizer?: OptimizerSpec;
  /** Epoch to reach, counting the `startEpoch` epochs already done. */
  readonly epochs: number;
  /** Epochs completed before (when resuming from a checkpoint; default 0). */
  readonly startEpoch?: number;
  /** Optimizer state to continue from (a checkpoint's; it must come from an optimizer of the same type). */
  readonly optimizerState?: OptimizerState;
  /** Samples per gradient step (default 32). */
  readonly batchSize?: number;
  /** Seed of the shuffling; epoch e shuffles with a seed made from (seed, e), so a resumed run shuffles like an uninterrupted one. */
  readonly seed?: number;
  readonly trainable?: TrainableOverrides;
  /** Evaluated after every epoch (e.g. the test set). */
  readonly validation?: ValidationData;
  /**
   * Data augmentation: the inputs epoch `epoch` (1-based) trains on, made from `x` (e.g.
   * randomly shifted images, seeded by the epoch so that a resumed run sees the same data).
   * Default: `x` itself every epoch.
   */
  readonly augment?: (x: DataArray | DataMap, epoch: number) => DataArray | DataMap;
  /** After every batch; `epoch` and `epochs` count from the start of training, resumed epochs included. */
  readonly onBatch?: (progress: BatchProgress) => void;
  /** After every epoch (and its validation); `snapshot()` reads what a checkpoint needs. Awaited before the next epoch. */
  readonly onEpoch?: (epoch: TrainedEpoch, snapshot: () => Promise<TrainingSnapshot>) => void | Promise<void>;
}

/**
 * Train `model` from epoch `startEpoch + 1` to `epochs`: one optimizer for the whole run
 * (restored from `optimizerState` when given), a seeded shuffle per epoch, validation
 * after each epoch, and an `onEpoch` hook where callers write checkpoints. Resolves to
 * the epochs run.
 */
export async function trainEpochs(model: TrainableModel, options: TrainEpochsOptions): Promise<TrainedEpoch[]> {
  const { epochs, startEpoch = 0, seed = 0 } = options;
  if (!Number.isInteger(startEpoch) || startEpoch < 0) throw trainError('TRAIN_BAD_OPTION', 'startEpoch', `startEpoch is ${startEpoch}; give a whole number >= 0`);
  if (!Number.isInteger(epochs) || epochs <= startEpoch) {
    throw trainError('TRAIN_BAD_OPTION', 'epochs', `epochs is ${epochs} but ${startEpoch} epoch(s) are done already; give a whole number of epochs > ${startEpoch}`);
  }
  const spec = options.optimizer ?? { type: 'adam' };
  const optimizer = createOptimizer(spec);
  const history: TrainedEpoch[] = [];
  try {
    if (options.optimizerState) await restoreOptimizerState(optimizer, options.optimizerState, model.trainableVariables(options.trainable));
    for (let epoch = startEpoch + 1; epoch <= epochs; epoch++) {
      const { history: [metrics] } = await fitAsync(model, {
        x: options.augment ? options.augment(options.x, epoch) : options.x,
        ...(options.y ? { y: options.y } : {}),
        losses: options.losses,
        optimizer,
        epochs: 1,
        seed: epochSeed(seed, epoch),
        ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
        ...(options.trainable ? { trainable: options.trainable } : {}),
        ...(options.onBatch ? { onBatch: (p: BatchProgress) => options.onBatch!({ ...p, epoch, epochs }) } : {}),
      });
      const v = options.validation;
      const validation = v && evaluate(model, { x: v.x, ...(v.y ? { y: v.y } : {}), losses: v.losses ?? options.losses, ...(v.batchSize ? { batchSize: v.batchSize } : {}) });
      const trained: TrainedEpoch = { ...metrics, epoch, ...(validation ? { validation } : {}) };
      history.push(trained);
      await options.onEpoch?.(trained, async () => ({ epoch, optimizer: await saveOptimizerState(optimizer, spec) }));
    }
  } finally {
    optimizer.dispose();
  }
  return history;
}

/** The shuffle seed of epoch `epoch` (1-based) of a run seeded with `seed`. */
function epochSeed(seed: number, epoch: number): number {
  return createRng(seed).int(2 ** 30) + epoch;
}
