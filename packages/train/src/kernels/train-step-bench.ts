import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import type { Rng } from '@snn/ir';
import { initBackend } from '@snn/sim';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2dBiasRelu } from './conv2d-bias-relu.js';
import { registerTrainingGradients } from './register-gradients.js';
import { registerTrainingKernels, unregisterTrainingKernels } from './register-kernels.js';
import { startKernelThread } from './threads/kernel-thread.js';

/** Options for {@link benchTrainStep}. */
export interface TrainStepBenchOptions {
  /** Examples per step (default 200, as in the keras-to-snn walkthrough). */
  readonly batch?: number;
  /** Timed steps (default 20); the epoch time is extrapolated from them. */
  readonly steps?: number;
  /** Untimed steps first (default 2). */
  readonly warmup?: number;
  /** WebAssembly threads (default 2). */
  readonly threads?: number;
  /** `snn` (default): snn's kernels; `tfjs`: tfjs-wasm's own (plus snn's Conv2DBackpropFilter, which it lacks). */
  readonly kernels?: 'snn' | 'tfjs';
  /** Also time one step per kernel with `tf.profile` (default true). */
  readonly profile?: boolean;
  /** Seed of the weights and the synthetic batch (default 1). */
  readonly seed?: number;
  /**
   * Write conv + bias + relu as snn's `conv2dBiasRelu` (bias and relu inside XNNPACK's
   * convolution) for these conv layers; 'none' (default) writes tf.conv2d, tf.add, tf.relu.
   */
  readonly fused?: 'none' | 'conv2' | 'both';
}

/** Measured cost of one training step of the keras-to-snn network. */
export interface TrainStepBenchResult {
  readonly backend: string;
  readonly threads: number;
  readonly kernels: 'snn' | 'tfjs';
  readonly fused: 'none' | 'conv2' | 'both';
  readonly batch: number;
  readonly steps: number;
  readonly secondsPerStep: number;
  /** CPU seconds (all threads) per step: the work done, less sensitive than wall time to other load. */
  readonly cpuSecondsPerStep: number;
  /** Seconds for one 60,000-image epoch (60000 / batch steps), extrapolated. */
  readonly epochSeconds: number;
  /** Floating-point operations of one step (multiply and add counted separately). */
  readonly flopsPerStep: number;
  readonly gflops: number;
  /** Milliseconds per kernel name in one profiled step, largest first (empty if not profiled). */
  readonly kernelMs: ReadonlyArray<readonly [string, number]>;
  /** Loss after the first and the last timed step (training must move it). */
  readonly loss: readonly [number, number];
}

const EPOCH_IMAGES = 60_000;

/**
 * Time training steps of the keras-to-snn network (28x28x1 -> conv 3x3x32 relu -> conv
 * 3x3x64 stride 2 relu -> flatten -> dense 10; softmax cross-entropy from logits; Adam 1e-3)
 * written directly with tfjs ops, `tf.variableGrads` and `tf.train.adam`, on the wasm backend
 * with snn's kernels, on a synthetic batch. Registers snn's kernels and gradients if needed.
 */
export async function benchTrainStep(options: TrainStepBenchOptions = {}): Promise<TrainStepBenchResult> {
  const { batch = 200, steps = 20, warmup = 2, threads = 2, kernels = 'snn', profile = true, seed = 1, fused = 'none' } = options;
  const backend = await initBackend({ backend: 'wasm', threads });
  registerTrainingGradients({ override: true });
  registerTrainingKernels({ override: true });
  await startKernelThread();
  if (kernels === 'tfjs') {
    unregisterTrainingKernels();
    tf.registerKernel(conv2dBackpropFilterConfig); // tfjs-wasm has none: the baseline cannot train without it
  }
  try {
    return await run({ batch, steps, warmup, kernels, profile, fused }, createRng(seed), backend);
  } finally {
    if (kernels === 'tfjs') registerTrainingKernels({ override: true }); // keeps the filter kernel, restores the rest
  }
}

interface RunOptions {
  readonly batch: number;
  readonly steps: number;
  readonly warmup: number;
  readonly kernels: 'snn' | 'tfjs';
  readonly profile: boolean;
  readonly fused: 'none' | 'conv2' | 'both';
}

async function run(o: RunOptions, rng: Rng, backend: string): Promise<TrainStepBenchResult> {
  const { batch, steps, warmup, kernels, profile, fused } = o;
  const heUniform = <R extends tf.Rank>(shape: number[], fanIn: number): tf.Variable<R> => {
    const limit = Math.sqrt(6 / fanIn);
    const data = rng.fillUniform(new Float32Array(shape.reduce((a, b) => a * b, 1)), -limit, limit);
    return tf.tidy(() => tf.variable(tf.tensor(data, shape))) as unknown as tf.Variable<R>;
  };
  const w1 = heUniform<tf.Rank.R4>([3, 3, 1, 32], 9);
  const b1 = tf.tidy(() => tf.variable(tf.zeros([32]))) as tf.Variable<tf.Rank.R1>;
  const w2 = heUniform<tf.Rank.R4>([3, 3, 32, 64], 288);
  const b2 = tf.tidy(() => tf.variable(tf.zeros([64]))) as tf.Variable<tf.Rank.R1>;
  const wd = heUniform<tf.Rank.R2>([9216, 10], 9216);
  const bd = tf.tidy(() => tf.variable(tf.zeros([10])));
  const x = tf.tensor4d(rng.fillUniform(new Float32Array(batch * 784), 0, 1), [batch, 28, 28, 1]);
  const labels = Int32Array.from({ length: batch }, () => rng.int(10));
  const onehot = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10));
  const optimizer = tf.train.adam(1e-3);
  const loss = (): tf.Scalar => {
    const convRelu = (input: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D, stride: number, fuse: boolean): tf.Tensor4D =>
      fuse
        ? conv2dBiasRelu(input, filter, bias, stride, 'valid')
        : (tf.relu(tf.add(tf.conv2d(input, filter, stride, 'valid'), bias)) as tf.Tensor4D);
    const h1 = convRelu(x, w1, b1, 1, fused === 'both');
    const h2 = convRelu(h1, w2, b2, 2, fused !== 'none');
    const logits = tf.add(tf.matMul(tf.reshape(h2, [batch, 9216]), wd), bd);
    return tf.neg(tf.mean(tf.sum(tf.mul(onehot, tf.logSoftmax(logits)), -1)));
  };
  const step = (): number =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(loss);
      optimizer.applyGradients(grads as tf.NamedTensorMap as never);
      return value.dataSync()[0];
    });
  for (let i = 0; i < warmup; i++) step();
  const losses: number[] = [];
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) losses.push(step());
  const secondsPerStep = (performance.now() - t0) / 1000 / steps;
  const cpuSecondsPerStep = (cpuSeconds() - cpu0) / steps;
  const kernelMs = profile ? await profileStep(step) : [];
  tf.dispose([w1, b1, w2, b2, wd, bd, x, onehot]);
  optimizer.dispose();
  const flopsPerStep = batch * 2 * (2 * 26 * 26 * 32 * 9 + 3 * 12 * 12 * 64 * 288 + 3 * 9216 * 10);
  return {
    backend,
    threads: Math.max(1, getThreadsCount()),
    kernels,
    fused,
    batch,
    steps,
    secondsPerStep,
    cpuSecondsPerStep,
    epochSeconds: secondsPerStep * (EPOCH_IMAGES / batch),
    flopsPerStep,
    gflops: flopsPerStep / secondsPerStep / 1e9,
    kernelMs,
    loss: [losses[0], losses[losses.length - 1]],
  };
}

/** Process CPU time in seconds where the platform reports it (Node), else NaN. */
function cpuSeconds(): number {
  const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  const usage = proc?.cpuUsage?.();
  return usage ? (usage.user + usage.system) / 1e6 : Number.NaN;
}

async function profileStep(step: () => number): Promise<Array<[string, number]>> {
  const info = await tf.profile(() => {
    step();
  });
  const byName = new Map<string, number>();
  for (const k of info.kernels) byName.set(k.name, (byName.get(k.name) ?? 0) + (k.kernelTimeMs as number));
  return [...byName.entries()].sort((a, b) => b[1] - a[1]);
}
