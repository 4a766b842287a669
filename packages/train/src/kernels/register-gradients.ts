import { getGradient, registerGradient, unregisterGradient } from '@tensorflow/tfjs-core';
import type { GradConfig } from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { binaryGrads } from './gradients/binary-grads.js';
import {
  conv2dBiasReluDemandGrad,
  conv2dBiasReluFirstGradConfig,
  conv2dBiasReluFirstLumpedGradConfig,
  conv2dBiasReluGrad,
} from './gradients/conv2d-bias-relu-grad.js';
import { conv2dGrad } from './gradients/conv2d-grad.js';
import { matMulGrad } from './gradients/mat-mul-grad.js';
import { patchDemandGradConfig } from './patch-demand.js';
import { poolGrads } from './gradients/pool-grads.js';
import { reductionGrads } from './gradients/reduction-grads.js';
import { shapeGrads } from './gradients/shape-grads.js';
import { softmaxSelectGrads } from './gradients/softmax-select-grads.js';
import { unaryGrads } from './gradients/unary-grads.js';

const gradients: GradConfig[] = [
  ...binaryGrads,
  ...unaryGrads,
  ...reductionGrads,
  ...shapeGrads,
  matMulGrad,
  conv2dGrad,
  conv2dBiasReluGrad,
  conv2dBiasReluDemandGrad,
  conv2dBiasReluFirstGradConfig,
  conv2dBiasReluFirstLumpedGradConfig,
  ...poolGrads,
  ...softmaxSelectGrads,
  patchDemandGradConfig,
];
const ours = new Set(gradients);

/** Options for {@link registerTrainingGradients}. */
export interface RegisterGradientsOptions {
  /** Replace gradients already registered (snn's own from an earlier call, or tfjs's). */
  readonly override?: boolean;
}

/**
 * Register, by kernel name, the gradients rate-mode training needs (element-wise math and
 * activations, reductions, reshapes/concat/tile, matMul, conv2d, snn's conv2d + bias + relu,
 * pooling, softmax, where).
 * tfjs-core alone registers none in Node (they ship only as extension-less ES modules that
 * Node cannot load), so `tf.grad`/`tf.variableGrads` need this first. Gradients another
 * package already registered (e.g. `@tensorflow/tfjs`) are kept unless `override` is set;
 * calling twice is an error unless `override` is set. Returns the kernel names registered.
 */
export function registerTrainingGradients(options: RegisterGradientsOptions = {}): string[] {
  const done: string[] = [];
  for (const config of gradients) {
    const existing = getGradient(config.kernelName);
    if (existing && ours.has(existing) && !options.override) {
      throw new SnnError(
        'GRADIENT_ALREADY_REGISTERED',
        `snn's gradient for '${config.kernelName}' is already registered; pass { override: true } to register again`,
        { where: config.kernelName },
      );
    }
    if (existing && !options.override) continue;
    if (existing) unregisterGradient(config.kernelName);
    registerGradient(config);
    done.push(config.kernelName);
  }
  return done;
}
