import { runShardWorkers, shardBounds } from '@snn/sim/node';
import { loadMnist } from '@snn/mnist/node';
import { LAYERS, emulate, meanRateHz, type RunResult } from './loihi-example-run.js';
import type { LoihiExampleScales } from './loihi-example-network.js';
import type { LoihiWorkerJob } from './loihi-emulator-worker.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { runTrainedNetwork } from './loihi-network-bench.js';

/** Per-layer weight scales giving each layer a mean rate near `targetHz` (multiplicative fixed-point iteration on 50 images). */
function calibrate(images: Float32Array, nSteps: number, targetHz: number, maxRateHz: number): LoihiExampleScales {
  let scales: LoihiExampleScales = { conv0: 2000, conv1: 2000, dense0: 2000 };
  for (let round = 0; round < 6; round++) {
    const r = emulate(scales, images, 50, nSteps, 50, maxRateHz).spikes;
    const next = (l: (typeof LAYERS)[number]) => scales[l] * Math.min(4, Math.max(0.25, targetHz / Math.max(meanRateHz(r[l], l, 50, nSteps), 1)));
    scales = { conv0: next('conv0'), conv1: next('conv1'), dense0: next('dense0') };
  }
  return scales;
}

/** Splits the images over `threads` worker threads; resolves with the summed spike totals. */
async function emulateOnWorkers(job: Omit<LoihiWorkerJob, 'images' | 'count'>, images: Float32Array, count: number, threads: number, tick: (done: number) => void): Promise<Omit<RunResult, 'seconds'>> {
  const bounds = shardBounds(count, threads);
  const shards = bounds.slice(0, -1).map((start, w) => {
    const request: LoihiWorkerJob = { ...job, images: images.slice(start * 784, bounds[w + 1]! * 784), count: bounds[w + 1]! - start };
    return { request, transfer: [request.images.buffer as ArrayBuffer] };
  });
  const parts = await runShardWorkers<LoihiWorkerJob, RunResult>(new URL('./loihi-emulator-worker.js', import.meta.url), shards, { code: 'BENCH_WORKER', onProgress: tick });
  const spikes = { conv0: 0, conv1: 0, dense0: 0 };
  for (const p of parts) for (const l of LAYERS) spikes[l] += p.spikes[l];
  return { spikes, inputSpikes: parts.reduce((a, p) => a + p.inputSpikes, 0) };
}

/**
 * The bit-exact integer emulator on the keras-to-loihi example's shapes: MNIST test images
 * encoded by the off-chip to-spikes layer (28x28x3 spikes) -> conv 3x3x32 s2 -> conv 3x3x64 s2
 * -> dense 100, random integer weights scaled so every layer fires near `--rate` Hz on average,
 * 10,000 images x 30 steps (`--quick`: 1,000, extrapolated), on `--threads` worker threads.
 * With `--network FILE.snn`: that trained network instead ({@link runTrainedNetwork}).
 */
export const loihiEmulatorBenchmark: Benchmark = {
  name: 'loihi-emulator',
  description: 'LoihiEmulator on the keras-to-loihi example shapes (conv fan-out synapses), 10,000 MNIST images x 30 steps; --network FILE.snn [--limit N]: a trained network, with its accuracy',
  async run(ctx: BenchContext) {
    if (ctx.flags.network) return runTrainedNetwork(ctx, ctx.flags.network);
    const total = 10000;
    const images = ctx.quick ? 1000 : total;
    const nSteps = 30;
    const batch = Number(ctx.flags.batch ?? 4);
    const threads = Number(ctx.flags.threads ?? 2);
    const targetHz = Number(ctx.flags.rate ?? 100);
    const maxRateHz = Number(ctx.flags['input-rate'] ?? 250);
    const mnist = loadMnist('test', images);
    const scales = calibrate(mnist.images, nSteps, targetHz, maxRateHz);
    ctx.log(`weight scales conv0 ${scales.conv0.toFixed(0)}, conv1 ${scales.conv1.toFixed(0)}, dense0 ${scales.dense0.toFixed(0)} for ~${targetHz} Hz per layer`);
    const bar = ctx.progress('emulating');
    const t0 = performance.now();
    const r = await emulateOnWorkers({ scales, nSteps, batch, maxRateHz }, mnist.images, images, threads, (done) => bar(done, images));
    const measured = (performance.now() - t0) / 1000;
    const seconds = (measured * total) / images;
    const rate = (l: (typeof LAYERS)[number]) => meanRateHz(r.spikes[l], l, images, nSteps);
    ctx.table([
      ['images x steps', `${images} x ${nSteps}${ctx.quick ? ` (extrapolated to ${total})` : ''}, ${threads} worker threads`],
      ['input spikes / step', (r.inputSpikes / (images * nSteps)).toFixed(1)],
      ['mean rate (Hz)', LAYERS.map((l) => `${l} ${rate(l).toFixed(1)}`).join(', ')],
      ['seconds (10,000 images)', seconds.toFixed(1)],
      ['images / s', (images / measured).toFixed(0)],
    ]);
    return {
      seconds, images: total, stepsPerImage: nSteps, measuredImages: images, threads,
      rateConv0Hz: rate('conv0'), rateConv1Hz: rate('conv1'), rateDense0Hz: rate('dense0'), inputSpikesPerStep: r.inputSpikes / (images * nSteps),
    };
  },
};
