import * as tf from '@tensorflow/tfjs-core';
import { AdamUpdate } from '../kernels/adam-update.js';

/** AdamOptimizer's state (tfjs-core 4.22), which the subclass updates as the original does. */
interface AdamFields {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly accBeta1: tf.Variable;
  readonly accBeta2: tf.Variable;
  readonly accumulatedFirstMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  readonly accumulatedSecondMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
}

/**
 * tfjs's AdamOptimizer whose step runs one `SnnAdamUpdate` kernel per variable where it is
 * registered (the wasm backend with snn's training kernels): the same float32 operations in
 * the same order (bit-identical variables and moments, tested), without a dozen tensor ops per
 * variable. Its weights, `getWeights`/`setWeights` and checkpoints are AdamOptimizer's.
 */
export class FusedAdam extends tf.AdamOptimizer {
  /** See tfjs's AdamOptimizer. */
  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    if (!tf.getKernel(AdamUpdate, tf.getBackend())) {
      super.applyGradients(variableGradients);
      return;
    }
    const self = this as unknown as AdamFields;
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const f = Math.fround;
    const constants = {
      beta1: f(self.beta1),
      oneMinusBeta1: f(1 - self.beta1),
      beta2: f(self.beta2),
      oneMinusBeta2: f(1 - self.beta2),
      oneMinusAccBeta1: f(1 - self.accBeta1.dataSync()[0]),
      oneMinusAccBeta2: f(1 - self.accBeta2.dataSync()[0]),
      epsilon: f(self.epsilon),
      negLearningRate: f(-self.learningRate),
    };
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        self.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        self.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient: tf.Tensor | undefined = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        const m = self.accumulatedFirstMoment[i]!.variable;
        const v = self.accumulatedSecondMoment[i]!.variable;
        const [w1, m1, v1] = tf.engine().runKernel(AdamUpdate, { value, m, v, gradient }, constants as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(m1);
        v.assign(v1);
        value.assign(w1);
      });
      self.accBeta1.assign(tf.mul(self.accBeta1, self.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, self.beta2));
    });
    this.incrementIterations();
  }
}
