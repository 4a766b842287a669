import { initTraining } from '@snn/train';
import { benchTrainStep } from '@snn/train/testing';
import type { Benchmark, BenchContext } from './benchmark.js';

/**
 * One training epoch (60,000 images, batch 200, Adam) of the keras-to-snn network
 * (28x28x1 -> conv 3x3x32 relu -> conv 3x3x64 stride 2 relu -> dense 10), extrapolated from
 * timed steps on the WebAssembly backend with snn's training kernels, compared with the same
 * steps on tfjs's own WebAssembly kernels (plus the Conv2DBackpropFilter it lacks) in the same run.
 */
export const trainBenchmark: Benchmark = {
  name: 'train',
  description: 'one MNIST training epoch of the keras-to-snn network: snn kernels vs tfjs-wasm kernels',
  async run(ctx: BenchContext) {
    await initTraining({ threads: 2 });
    const steps = ctx.quick ? 4 : 20;
    const snn = await benchTrainStep({ threads: 2, steps, fused: 'both', kernels: 'snn' });
    const tfjs = await benchTrainStep({ threads: 2, steps: ctx.quick ? 2 : 5, fused: 'none', kernels: 'tfjs' });
    const ratio = tfjs.secondsPerStep / snn.secondsPerStep;
    ctx.table([
      ['batch x steps timed', `${snn.batch} x ${snn.steps}`],
      ['snn kernels', `${snn.secondsPerStep.toFixed(3)} s/step, epoch ${snn.epochSeconds.toFixed(1)} s, ${snn.gflops.toFixed(1)} GFLOP/s (${snn.threads} threads)`],
      ['tfjs-wasm kernels', `${tfjs.secondsPerStep.toFixed(3)} s/step, epoch ${tfjs.epochSeconds.toFixed(1)} s, ${tfjs.gflops.toFixed(1)} GFLOP/s`],
      ['ratio vs tfjs kernels', `${ratio.toFixed(2)}x`],
      ['slowest kernels (snn)', snn.kernelMs.slice(0, 4).map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ') || '(not profiled)'],
    ]);
    return { epochSeconds: snn.epochSeconds, gflops: snn.gflops, ratioVsBaseline: ratio, baselineEpochSeconds: tfjs.epochSeconds, secondsPerStep: snn.secondsPerStep };
  },
};
