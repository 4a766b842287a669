import type * as tf from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { meanSquaredError } from './mse.js';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';

/** A loss function: the probe's batched output and its batched target (undefined when the spec has a constant `target`). */
export type LossFn = (prediction: tf.Tensor, target: tf.Tensor | number) => tf.Scalar;

/** Built-in loss names. */
export type LossName = 'sparseCategoricalCrossentropy' | 'mse';

/**
 * One loss term attached to a probe (any node id): its function, weight (default 1) and,
 * optionally, a constant target (e.g. 250 for firing-rate regularization) used when the
 * data has no target for this probe.
 */
export interface LossSpec {
  readonly loss: LossName | LossFn;
  readonly weight?: number;
  readonly target?: number;
}

/** Loss terms by probe node id, e.g. `{ out: { loss: 'sparseCategoricalCrossentropy' }, conv0_neurons: { loss: 'mse', weight: 1e-3, target: 250 } }`. */
export type LossSpecs = Readonly<Record<string, LossSpec | LossName>>;

/** A resolved loss term. */
export interface LossTerm {
  readonly probe: string;
  readonly fn: LossFn;
  readonly weight: number;
  readonly target?: number;
  /** True for sparse categorical cross-entropy: targets are integer labels and accuracy is reported. */
  readonly classification: boolean;
}

const builtins: Record<LossName, LossFn> = {
  sparseCategoricalCrossentropy: (p, t) => sparseCategoricalCrossentropy(p, t as tf.Tensor),
  mse: meanSquaredError,
};

/** Resolve loss specs into terms, checking names and weights. */
export function resolveLosses(specs: LossSpecs): LossTerm[] {
  const terms = Object.entries(specs).map(([probe, raw]): LossTerm => {
    const spec: LossSpec = typeof raw === 'string' ? { loss: raw } : raw;
    const weight = spec.weight ?? 1;
    if (!Number.isFinite(weight)) {
      throw new SnnError('TRAIN_BAD_LOSS', `loss weight of probe '${probe}' is ${weight}; give a finite number`, { where: probe });
    }
    if (typeof spec.loss === 'function') return { probe, fn: spec.loss, weight, target: spec.target, classification: false };
    const fn = builtins[spec.loss];
    if (!fn) {
      throw new SnnError('TRAIN_BAD_LOSS', `unknown loss '${String(spec.loss)}' on probe '${probe}'; use ${Object.keys(builtins).join(' or ')}, or a function`, { where: probe });
    }
    if (spec.loss === 'sparseCategoricalCrossentropy' && spec.target !== undefined) {
      throw new SnnError('TRAIN_BAD_LOSS', `probe '${probe}': sparse categorical cross-entropy needs per-sample labels, not a constant target`, { where: probe });
    }
    return { probe, fn, weight, target: spec.target, classification: spec.loss === 'sparseCategoricalCrossentropy' };
  });
  if (terms.length === 0) throw new SnnError('TRAIN_BAD_LOSS', 'no loss given; pass e.g. { losses: { out: "sparseCategoricalCrossentropy" } }');
  return terms;
}
