import * as tf from '@tensorflow/tfjs-core';
import type { LossTerm } from '../losses/loss-spec.js';
import { correctCount } from '../losses/sparse-categorical-crossentropy.js';
import type { ForwardOptions, TrainableModel } from '../model/model.js';

/** The weighted total loss of one batch, each term's unweighted value and, for classification terms, the correct count. */
export interface BatchLoss {
  readonly total: tf.Scalar;
  readonly terms: tf.Scalar[];
  readonly correct: Array<tf.Scalar | undefined>;
}

/**
 * Run the forward pass to every probe with a loss and evaluate the loss terms (call inside a
 * tidy or gradient scope); `forward` options as {@link TrainableModel.forward}'s.
 */
export function batchLoss(
  model: TrainableModel,
  terms: readonly LossTerm[],
  inputs: Readonly<Record<string, tf.Tensor>>,
  targets: Readonly<Record<string, tf.Tensor>>,
  forward: ForwardOptions = {},
): BatchLoss {
  const outputs = model.forward(inputs, terms.map((t) => t.probe), forward);
  let total: tf.Scalar | undefined;
  const values: tf.Scalar[] = [];
  const correct: Array<tf.Scalar | undefined> = [];
  terms.forEach((term, i) => {
    const target = targets[term.probe] ?? term.target!;
    const value = term.fn(outputs[i], target);
    values.push(value);
    const weighted: tf.Scalar = term.weight === 1 ? value : tf.mul(value, tf.scalar(term.weight));
    total = total ? tf.add(total, weighted) : weighted;
    correct.push(term.classification ? correctCount(outputs[i], target as tf.Tensor) : undefined);
  });
  return { total: total!, terms: values, correct };
}
