import * as tf from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { FusedAdam } from './fused-adam.js';

/** Adam (Keras defaults: beta1 0.9, beta2 0.999, epsilon 1e-7). */
export interface AdamSpec {
  readonly type: 'adam';
  readonly learningRate?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/** Stochastic gradient descent, with optional (Nesterov) momentum. */
export interface SgdSpec {
  readonly type: 'sgd';
  readonly learningRate?: number;
  readonly momentum?: number;
  readonly nesterov?: boolean;
}

/** RMSprop (Keras defaults: rho 0.9, epsilon 1e-7, no momentum, not centered). */
export interface RmspropSpec {
  readonly type: 'rmsprop';
  readonly learningRate?: number;
  readonly rho?: number;
  readonly momentum?: number;
  readonly epsilon?: number;
  readonly centered?: boolean;
}

/** An optimizer by name and options (learning rate default 0.001, SGD 0.01 as in Keras). */
export type OptimizerSpec = AdamSpec | SgdSpec | RmspropSpec;

/**
 * A tfjs optimizer from a spec. tfjs's `tf.train.*` optimizers are built from element-wise
 * ops, which the WebAssembly backend runs (checked in optimizer.test.ts); Adam is tfjs's with
 * its step in one kernel per variable where snn's training kernels are registered (the same bits).
 */
export function createOptimizer(spec: OptimizerSpec): tf.Optimizer {
  const lr = spec.learningRate ?? (spec.type === 'sgd' ? 0.01 : 0.001);
  if (!(lr > 0) || !Number.isFinite(lr)) {
    throw new SnnError('TRAIN_BAD_OPTIMIZER', `learningRate must be a positive number; got ${lr}`, { where: spec.type });
  }
  switch (spec.type) {
    case 'adam':
      return new FusedAdam(lr, spec.beta1 ?? 0.9, spec.beta2 ?? 0.999, spec.epsilon ?? 1e-7);
    case 'sgd':
      return (spec.momentum ?? 0) === 0 ? tf.train.sgd(lr) : tf.train.momentum(lr, spec.momentum!, spec.nesterov ?? false);
    case 'rmsprop':
      return tf.train.rmsprop(lr, spec.rho ?? 0.9, spec.momentum ?? 0, spec.epsilon ?? 1e-7, spec.centered ?? false);
    default:
      throw new SnnError('TRAIN_BAD_OPTIMIZER', `unknown optimizer '${(spec as { type: string }).type}'; use 'adam', 'sgd' or 'rmsprop'`, {
        where: 'optimizer',
      });
  }
}
