import '@tensorflow/tfjs-backend-wasm';
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { adamUpdateConfig } from './adam-update.js';
import { avgPoolGradConfig } from './avg-pool-grad.js';
import { batchMatMulConfig } from './batch-mat-mul.js';
import { conv2dBackpropFilterConfig, conv2dBackpropFilterDemandConfig } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputConfig, conv2dBackpropInputDemandConfig } from './conv2d-backprop-input.js';
import { conv2dBiasReluConfig, conv2dBiasReluDemandConfig, conv2dBiasReluFirstConfig, conv2dBiasReluFirstLumpedConfig } from './conv2d-bias-relu.js';
import { conv2dBiasReluFirstGradConfig } from './conv-first-grad.js';
import { conv2dBackpropInputFirstGradConfig } from './dx-first-grad.js';
import { identityConfig } from './identity.js';
import { maxPoolGradConfig } from './max-pool-grad.js';
import { patchDemandConfig } from './patch-demand.js';
import { reluGradConfig } from './relu-grad.js';
import { qcfsConfig, qcfsGradConfig } from './qcfs.js';
import { softLifRateConfig } from './soft-lif-rate.js';
import { smallElementwiseConfigs } from './small-elementwise.js';
import { squaredDiffConfigs } from './squared-diff.js';
import { sumConfig } from './sum.js';
import { originalKernels } from './wasm-access.js';

/** Kernels tfjs-wasm does not have at all. */
const snnOnlyKernels: KernelConfig[] = [
  conv2dBackpropFilterConfig,
  reluGradConfig,
  conv2dBiasReluConfig,
  conv2dBiasReluDemandConfig,
  conv2dBiasReluFirstConfig,
  conv2dBiasReluFirstLumpedConfig,
  conv2dBiasReluFirstGradConfig,
  conv2dBackpropInputDemandConfig,
  conv2dBackpropFilterDemandConfig,
  conv2dBackpropInputFirstGradConfig,
  softLifRateConfig,
  qcfsConfig,
  qcfsGradConfig,
  adamUpdateConfig,
  patchDemandConfig,
  ...squaredDiffConfigs,
];
/** snn's kernels: those replacing one of tfjs-wasm's, then snn's own. */
const kernels: KernelConfig[] = [
  conv2dBackpropInputConfig,
  maxPoolGradConfig,
  avgPoolGradConfig,
  batchMatMulConfig,
  identityConfig,
  sumConfig,
  ...smallElementwiseConfigs,
  ...snnOnlyKernels,
];
const ours = new Set(kernels.map((k) => k.kernelFunc));
const snnOnly = new Set(snnOnlyKernels);

/** Options for {@link registerTrainingKernels}. */
export interface RegisterKernelsOptions {
  /** Allow a second call (snn's kernels are then simply kept). */
  readonly override?: boolean;
}

/**
 * Register snn's training kernels for tfjs's 'wasm' backend, by kernel name:
 * Conv2DBackpropFilter (missing in tfjs-wasm), Conv2DBackpropInput (scalar loop there),
 * MaxPoolGrad (wrong for all-negative windows there), AvgPoolGrad (divides by the in-bounds
 * count at 'same'-padded borders, as the forward pass does; tfjs's divides by the full window),
 * BatchMatMul (fast with transpose flags and batches),
 * Identity (shares memory instead of copying every tensor kept for the backward pass) and
 * Sum (one pass for leading-axis reductions such as bias gradients), Add / Sub / Multiply /
 * RealDiv / Neg / Abs / Square of small float32 tensors (on the calling thread, kept off
 * XNNPACK's thread pool), plus SnnReluGrad (a
 * one-pass relu gradient that snn's Relu gradient uses when it is registered) and
 * SnnConv2DBiasRelu (the forward kernel of `conv2dBiasRelu`), SnnConv2DBiasReluDemand and
 * SnnConv2DBackpropInputDemand / SnnConv2DBackpropFilterDemand (the same with gradients that
 * know where the input is a first conv + ReLU's background), SnnConv2DBackpropInputFirstGrad
 * (such an input gradient taken straight into that first conv's filter and bias gradients),
 * SnnConv2DBiasReluFirst(Lumped) / SnnConv2DBiasReluFirstGrad (a first conv whose filter and
 * bias gradients come in one pass) and SnnSoftLifRate (SoftLIFRate
 * rates and derivative in one SIMD pass, used when a LIF population trains) and SnnQcfs /
 * SnnQcfsGrad (QCFS rates, and its gradients with respect to J and the threshold, in one pass each)
 * and SnnAdamUpdate (an Adam step of a variable in one pass), SnnPatchDemand (a first
 * conv's demand map in one pass) and SnnSquaredDiffMean / SnnSquaredDiffGrad (a firing-rate
 * loss and its gradient in one pass each).
 * tfjs's kernels they replace are kept for {@link unregisterTrainingKernels} and for the
 * fast paths the new kernels call. Nothing registers on import. Returns the names registered.
 */
export function registerTrainingKernels(options: RegisterKernelsOptions = {}): string[] {
  const done: string[] = [];
  for (const config of kernels) {
    const existing = getKernel(config.kernelName, 'wasm');
    if (existing && ours.has(existing.kernelFunc)) {
      if (options.override) continue;
      throw new SnnError(
        'KERNEL_ALREADY_REGISTERED',
        `snn's '${config.kernelName}' kernel is already registered for 'wasm'; pass { override: true } to call again`,
        { where: config.kernelName },
      );
    }
    if (existing) {
      originalKernels.set(config.kernelName, existing);
      unregisterKernel(config.kernelName, 'wasm');
    } else if (!snnOnly.has(config)) {
      throw new SnnError('KERNEL_MISSING', `tfjs's wasm '${config.kernelName}' kernel is not registered; import '@tensorflow/tfjs-backend-wasm'`, {
        where: config.kernelName,
      });
    }
    // Keep the replaced kernel's setup: its kernelFunc still runs (as the fast path).
    registerKernel({ ...config, setupFunc: existing?.setupFunc, disposeFunc: existing?.disposeFunc });
    done.push(config.kernelName);
  }
  return done;
}

/** Put tfjs's own wasm kernels back (for baselines); a no-op for names snn did not replace. */
export function unregisterTrainingKernels(): void {
  for (const config of kernels) {
    const current = getKernel(config.kernelName, 'wasm');
    if (!current || !ours.has(current.kernelFunc)) continue;
    unregisterKernel(config.kernelName, 'wasm');
    const original = originalKernels.get(config.kernelName);
    if (original) registerKernel(original);
  }
}
