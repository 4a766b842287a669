import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { compile, initBackend, predict, argmaxRows } from '@snn/sim';
import { SimWorkerPool } from '@snn/sim/node';
import { loadMnist } from '@snn/mnist/node';
import { kerasToSnnWeights, spikingKerasToSnnGraph } from './networks.js';
import { measureLifKernels, type LifKernelFigure } from './lif-kernel-bench.js';
import { naiveSpikingRun } from './sim-baseline.js';
import type { Benchmark, BenchContext } from './benchmark.js';

/**
 * Spiking inference of the keras-to-snn network (28x28x1 -> conv 3x3x32 -> conv 3x3x64
 * stride 2 -> dense 10, spiking ReLU, 5 ms lowpass) on MNIST test images x 30 steps, in
 * float32 (NengoDL's and the baseline's arithmetic) and float64, compared with the same
 * network stepped with plain tfjs ops, plus the LIF kernel alone.
 */
export const simBenchmark: Benchmark = {
  name: 'sim',
  description: 'spiking inference of the keras-to-snn network (1,000 images x 30 steps) vs naive tfjs stepping; LIF kernel throughput',
  async run(ctx: BenchContext) {
    const backend = await initBackend({ threads: 2 });
    const images = ctx.quick ? 200 : 1000;
    const baselineImages = ctx.quick ? 50 : 200;
    const nSteps = 30;
    const targetHz = Number(ctx.flags.rate ?? 50);
    const mnist = loadMnist('test', images);
    const weights = kerasToSnnWeights(1);
    const neurons = createNeuronRegistry();
    const synapses = createSynapseRegistry();

    // Pick the firing-rate scale that gives the first layer a mean rate of `targetHz` (rate mode).
    const rateGraph = spikingKerasToSnnGraph(1, { neuronType: 'RectifiedLinear', scale: 1, tau: 0 });
    const rateSim = compile(rateGraph, { neurons, synapses, mode: 'rate' });
    const rateRun = predict(rateSim, { image: mnist.images.subarray(0, 100 * 784) }).run;
    const scale = targetHz / rateRun.stats.conv0_neurons.firingRateHz;
    ctx.log(`backend ${backend}; scale_firing_rates ${scale.toFixed(2)} for a ${targetHz} Hz mean rate in conv0`);

    const graph = spikingKerasToSnnGraph(1, { scale, tau: 0.005 });
    // float32: NengoDL's arithmetic (and the baseline's); float64 steps are bit-identical to the reference kernels
    const options = { neurons, synapses, batchSize: 50, seed: 0, precision: 'float32' } as const;
    const options64 = { ...options, precision: 'float64' } as const;
    const workers = Number(ctx.flags.workers ?? 2);
    const oneThread = (opts: typeof options | typeof options64, label: string): number => {
      const sim = compile(graph, opts);
      predict(sim, { image: mnist.images.subarray(0, 50 * 784) }, { nSteps: 5 }); // warm-up
      const t = performance.now();
      predict(sim, { image: mnist.images.subarray(0, (images / 4) * 784) }, { nSteps, onProgress: ctx.progress(label) });
      sim.dispose();
      return (performance.now() - t) / 1000;
    };
    const singleSeconds = oneThread(options, 'snn sim float32, 1 thread');
    const single64Seconds = oneThread(options64, 'snn sim float64, 1 thread');
    const simPool = new SimWorkerPool({ workers });
    await simPool.run(graph, options, { image: mnist.images.subarray(0, 100 * 784) }, { nSteps: 5 }); // start + warm the workers
    const t0 = performance.now();
    const run = await simPool.run(graph, options, { image: mnist.images }, { nSteps, onProgress: ctx.progress(`snn sim, ${workers} workers`) });
    const seconds = (performance.now() - t0) / 1000;
    const t64 = performance.now();
    const run64 = await simPool.run(graph, options64, { image: mnist.images }, { nSteps, onProgress: ctx.progress(`snn sim float64, ${workers} workers`) });
    const seconds64 = (performance.now() - t64) / 1000;
    await simPool.close();
    const labels64 = argmaxRows(run64.probes.out.data, 10);
    const result = { labels: argmaxRows(run.probes.out.data, 10), run };
    const agreeRate = agreement(result.labels, rateSim, mnist.images, images);

    const tb = performance.now();
    naiveSpikingRun(weights, mnist.images, baselineImages, { nSteps, batch: 100, scale, tau: 0.005 });
    const baselineSeconds = (performance.now() - tb) / 1000;

    const neuronsPerImage = 26 * 26 * 32 + 12 * 12 * 64;
    const imagesPerSec = images / seconds;
    const imagesPerSec64 = images / seconds64;
    let same64 = 0;
    for (let i = 0; i < images; i++) if (labels64[i] === result.labels[i]) same64++;
    const baselineImagesPerSec = baselineImages / baselineSeconds;
    const lif = await measureLifKernels(ctx.quick);
    let correct = 0;
    for (let i = 0; i < images; i++) if (result.labels[i] === mnist.labels[i]) correct++;
    ctx.table([
      ['images x steps', `${images} x ${nSteps}`],
      [`snn sim float32, ${workers} workers`, `${seconds.toFixed(2)} s, ${imagesPerSec.toFixed(0)} images/s`],
      [`snn sim float64, ${workers} workers`, `${seconds64.toFixed(2)} s, ${imagesPerSec64.toFixed(0)} images/s (${((100 * same64) / images).toFixed(1)}% same labels as float32)`],
      ['snn sim float32 / float64, 1 thread', `${(images / 4 / singleSeconds).toFixed(0)} / ${(images / 4 / single64Seconds).toFixed(0)} images/s (${images / 4} images)`],
      ['naive tfjs baseline', `${baselineSeconds.toFixed(2)} s for ${baselineImages} images, ${baselineImagesPerSec.toFixed(1)} images/s`],
      ['ratio vs baseline', `${(imagesPerSec / baselineImagesPerSec).toFixed(2)}x float32, ${(imagesPerSec64 / baselineImagesPerSec).toFixed(2)}x float64`],
      ['neuron-steps/s (whole sim)', (imagesPerSec * neuronsPerImage * nSteps).toExponential(3)],
      ['mean rates conv0 / conv1', `${run.stats.conv0_neurons.firingRateHz.toFixed(1)} / ${run.stats.conv1_neurons.firingRateHz.toFixed(1)} Hz`],
      ['SynOps per image', (run.synops / images).toExponential(3)],
      ['event/dense steps', Object.entries(run.propagation).map(([k, v]) => `${k} ${v.event}/${v.dense}`).join(', ')],
      ['spiking vs rate agreement', `${(agreeRate * 100).toFixed(1)}% same labels (random weights: accuracy ${(correct / images * 100).toFixed(1)}% is not meaningful)`],
      [`LIF kernel alone, best / median of ${lif.runs}`, `${lif.neurons} neurons x ${lif.steps} steps, J ~ U(0, 5)`],
      ['  float64, 1 thread', lifFigure(lif.float64OneThread)],
      ['  float64, 2 threads', lifFigure(lif.float64TwoThreads)],
      ['  float32, 1 thread', lifFigure(lif.float32OneThread)],
      ['  float32, 2 threads', lifFigure(lif.float32TwoThreads)],
    ]);
    return {
      imagesPerSec,
      neuronStepsPerSec: imagesPerSec * neuronsPerImage * nSteps,
      lifNeuronStepsPerSec: Math.max(lif.float64TwoThreads.best, lif.float32TwoThreads.best),
      lifFloat64NeuronStepsPerSec: lif.float64TwoThreads.best,
      lifFloat32NeuronStepsPerSec: lif.float32TwoThreads.best,
      lifFloat32NeuronStepsPerSecMedian: lif.float32TwoThreads.median,
      ratioVsBaseline: imagesPerSec / baselineImagesPerSec,
      imagesPerSecFloat64: imagesPerSec64,
      ratioVsBaselineFloat64: imagesPerSec64 / baselineImagesPerSec,
      imagesPerSecOneThread: images / 4 / singleSeconds,
      imagesPerSecOneThreadFloat64: images / 4 / single64Seconds,
      baselineImagesPerSec,
      lifNeuronStepsPerSecOneThread: lif.float64OneThread.best,
      lifFloat32NeuronStepsPerSecOneThread: lif.float32OneThread.best,
      scale,
      conv0RateHz: run.stats.conv0_neurons.firingRateHz,
      conv1RateHz: run.stats.conv1_neurons.firingRateHz,
    };
  },
};

function lifFigure(figure: LifKernelFigure): string {
  return `${figure.best.toExponential(3)} / ${figure.median.toExponential(3)} neuron-steps/s`;
}

function agreement(labels: Int32Array, rateSim: ReturnType<typeof compile>, images: Float32Array, n: number): number {
  const rate = predict(rateSim, { image: images.subarray(0, n * 784) }).labels;
  let same = 0;
  for (let i = 0; i < n; i++) if (rate[i] === labels[i]) same++;
  return same / n;
}
