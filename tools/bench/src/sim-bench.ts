import { readFileSync, writeFileSync } from 'node:fs';
import type { Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { autoBatchSize, calibrate, compile, initBackend, predict, argmaxRows, type CompileOptions } from '@snn/sim';
import { SimWorkerPool } from '@snn/sim/node';
import { loadMnist } from '@snn/mnist/node';
import { kerasToSnnWeights, spikingKerasToSnnGraph } from './networks.js';
import { measureLifKernels, type LifKernelFigure } from './lif-kernel-bench.js';
import { naiveSpikingRun } from './sim-baseline.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { findPeers, runPeer, runPeerScript, snnVersion1 } from './peers.js';
import { trainedKerasToSnn } from './trained-network.js';

/**
 * Spiking inference of the trained keras-to-snn network (28x28x1 -> conv 3x3x32 -> conv 3x3x64
 * stride 2 -> dense 10, trained 2 epochs; spiking ReLU at scale 100, 5 ms lowpass) on the
 * MNIST test images x 30 steps, in float32 (NengoDL's arithmetic) and float64 (the reference
 * kernels), against the same network stepped with plain tfjs ops in this process and, where
 * python3-torch is installed, PyTorch on the very same weights (`../shared/peers`); plus the
 * calibrated network of `snn convert --calibrate` and the LIF kernel alone.
 */
export const simBenchmark: Benchmark = {
  name: 'sim',
  description: 'spiking inference of the trained keras-to-snn network (10,000 images x 30 steps) vs naive tfjs stepping and PyTorch; LIF kernel throughput',
  async run(ctx: BenchContext) {
    const backend = await initBackend({ threads: 2 });
    const images = ctx.quick ? 1000 : 10_000;
    const baselineImages = ctx.quick ? 50 : 200;
    const nSteps = 30;
    const tau = Number(ctx.flags.tau ?? 0.005);
    const trained = await trainedKerasToSnn(ctx.quick ? { epochs: 1, trainImages: 10_000 } : { epochs: 2, trainImages: 60_000 }, ctx.progress('training the network (cached after the first run)'));
    ctx.log(`network: ${trained.file} (${trained.epochs} epochs on ${trained.trainImages} images, ANN test accuracy ${(100 * trained.testAccuracy).toFixed(2)}%)`);
    const mnist = loadMnist('test', images);
    const neurons = createNeuronRegistry();
    const synapses = createSynapseRegistry();
    const scale = ctx.flags.rate === undefined ? Number(ctx.flags.scale ?? 100) : scaleForRate(trained.graph, Number(ctx.flags.rate), mnist.images, { neurons, synapses });
    ctx.log(`backend ${backend}; scale_firing_rates ${scale.toFixed(2)}, lowpass ${tau * 1000} ms`);

    const graph = spikingKerasToSnnGraph(trained.graph, { scale, tau });
    // float32: NengoDL's arithmetic (and the baseline's and PyTorch's); float64 is the reference path
    const options = { neurons, synapses, seed: 0, precision: 'float32' } as const;
    const options64 = { ...options, precision: 'float64' } as const;
    const workers = Number(ctx.flags.workers ?? 2);
    const oneThreadImages = images / 10;
    const oneThread = (opts: typeof options | typeof options64, label: string): number => {
      const sim = compile(graph, opts);
      predict(sim, { image: mnist.images.subarray(0, 50 * 784) }, { nSteps: 5 }); // warm-up
      const t = performance.now();
      predict(sim, { image: mnist.images.subarray(0, oneThreadImages * 784) }, { nSteps, onProgress: ctx.progress(label) });
      sim.dispose();
      return (performance.now() - t) / 1000;
    };
    const singleSeconds = oneThread(options, 'snn sim float32, 1 thread');
    const single64Seconds = oneThread(options64, 'snn sim float64, 1 thread');
    const simPool = new SimWorkerPool({ workers });
    await simPool.run(graph, options, { image: mnist.images.subarray(0, 100 * 784) }, { nSteps: 5 }); // start + warm the workers
    const timedRun = async (g: typeof graph, opts: typeof options | typeof options64, label: string, keep: 'last' | { meanLast: number } = 'last') => {
      const t = performance.now();
      const run = await simPool.run(g, opts, { image: mnist.images }, { nSteps, probes: { out: { node: 'out', keep } }, onProgress: ctx.progress(label) });
      return { run, seconds: (performance.now() - t) / 1000, labels: argmaxRows(run.probes.out.data, 10) };
    };
    const f32 = await timedRun(graph, options, `snn sim float32, ${workers} workers`);
    const f64 = await timedRun(graph, options64, `snn sim float64, ${workers} workers`);
    const calibrated = calibrate(trained.graph, { image: loadMnist('train', 1000).images }, { neurons, synapses });
    const cal = await timedRun(calibrated.graph, options, `calibrated network, ${workers} workers`, { meanLast: nSteps });
    await simPool.close();

    const tb = performance.now();
    naiveSpikingRun(kerasToSnnWeights(trained.graph), mnist.images, baselineImages, { nSteps, batch: 100, scale, tau });
    const baselineSeconds = (performance.now() - tb) / 1000;
    const peer = ctx.quick || ctx.flags.peers === 'none' ? { skipped: ctx.quick ? '--quick' : '--peers none' } : await pytorchSpiking(trained.file, scale, tau, images);

    const accuracy = (labels: Int32Array) => labels.reduce((n, l, i) => n + (l === mnist.labels[i] ? 1 : 0), 0) / images;
    const same64 = f32.labels.reduce((n, l, i) => n + (l === f64.labels[i] ? 1 : 0), 0) / images;
    const neuronsPerImage = 26 * 26 * 32 + 12 * 12 * 64;
    const imagesPerSec = images / f32.seconds;
    const baselineImagesPerSec = baselineImages / baselineSeconds;
    const rates = (r: typeof f32.run) => `${r.stats.conv0_neurons.firingRateHz.toFixed(2)} / ${r.stats.conv1_neurons.firingRateHz.toFixed(2)} Hz`;
    const lif = await measureLifKernels(ctx.quick);
    const peerRows: Array<[string, string]> =
      'seconds' in peer
        ? [
            ['PyTorch, same weights (input conv hoisted)', `${peer.seconds.toFixed(2)} s, ${(100 * peer.accuracy).toFixed(2)}%, rates ${peer.rates}`],
            ['ratio vs PyTorch', `${(peer.seconds / f32.seconds).toFixed(2)}x`],
          ]
        : [['PyTorch', `not run: ${peer.skipped}`]];
    ctx.table([
      ['images x steps', `${images} x ${nSteps}, batch ${autoBatchSize(graph)} per worker`],
      [`snn float32, ${workers} workers`, `${f32.seconds.toFixed(2)} s, ${imagesPerSec.toFixed(0)} images/s, ${(100 * accuracy(f32.labels)).toFixed(2)}%, rates ${rates(f32.run)}`],
      [`snn float64, ${workers} workers`, `${f64.seconds.toFixed(2)} s, ${(100 * accuracy(f64.labels)).toFixed(2)}%, rates ${rates(f64.run)}, ${(100 * same64).toFixed(2)}% same labels as float32`],
      ['snn float32 / float64, 1 thread', `${(oneThreadImages / singleSeconds).toFixed(0)} / ${(oneThreadImages / single64Seconds).toFixed(0)} images/s (${oneThreadImages} images)`],
      ...peerRows,
      ['naive tfjs baseline', `${baselineSeconds.toFixed(2)} s for ${baselineImages} images, ${baselineImagesPerSec.toFixed(1)} images/s`],
      ['ratio vs baseline', `${(imagesPerSec / baselineImagesPerSec).toFixed(2)}x float32, ${(images / f64.seconds / baselineImagesPerSec).toFixed(2)}x float64`],
      ['calibrated (IntegrateAndFire, mean readout)', `${cal.seconds.toFixed(2)} s, ${(100 * accuracy(cal.labels)).toFixed(2)}%, rates ${rates(cal.run)}`],
      ['neuron-steps/s (whole sim)', (imagesPerSec * neuronsPerImage * nSteps).toExponential(3)],
      ['SynOps per image', (f32.run.synops / images).toExponential(3)],
      ['event/dense steps', Object.entries(f32.run.propagation).map(([k, v]) => `${k} ${v.event}/${v.dense}`).join(', ')],
      [`LIF kernel alone, best / median of ${lif.runs}`, `${lif.neurons} neurons x ${lif.steps} steps, J ~ U(0, 5)`],
      ['  float64, 1 thread', lifFigure(lif.float64OneThread)],
      ['  float64, 2 threads', lifFigure(lif.float64TwoThreads)],
      ['  float32, 1 thread', lifFigure(lif.float32OneThread)],
      ['  float32, 2 threads', lifFigure(lif.float32TwoThreads)],
    ]);
    return {
      images,
      seconds: f32.seconds,
      imagesPerSec,
      accuracy: accuracy(f32.labels),
      accuracyFloat64: accuracy(f64.labels),
      sameLabelsFloat64: same64,
      secondsFloat64: f64.seconds,
      ...('seconds' in peer ? { peerSeconds: peer.seconds, peerAccuracy: peer.accuracy, ratioVsPeer: peer.seconds / f32.seconds } : {}),
      calibratedSeconds: cal.seconds,
      calibratedAccuracy: accuracy(cal.labels),
      neuronStepsPerSec: imagesPerSec * neuronsPerImage * nSteps,
      lifNeuronStepsPerSec: Math.max(lif.float64TwoThreads.best, lif.float32TwoThreads.best),
      lifFloat64NeuronStepsPerSec: lif.float64TwoThreads.best,
      lifFloat32NeuronStepsPerSec: lif.float32TwoThreads.best,
      lifFloat32NeuronStepsPerSecMedian: lif.float32TwoThreads.median,
      ratioVsBaseline: imagesPerSec / baselineImagesPerSec,
      imagesPerSecFloat64: images / f64.seconds,
      imagesPerSecOneThread: oneThreadImages / singleSeconds,
      imagesPerSecOneThreadFloat64: oneThreadImages / single64Seconds,
      baselineImagesPerSec,
      lifNeuronStepsPerSecOneThread: lif.float64OneThread.best,
      lifFloat32NeuronStepsPerSecOneThread: lif.float32OneThread.best,
      scale,
      conv0RateHz: f32.run.stats.conv0_neurons.firingRateHz,
      conv1RateHz: f32.run.stats.conv1_neurons.firingRateHz,
      conv0RateHzFloat64: f64.run.stats.conv0_neurons.firingRateHz,
      conv1RateHzFloat64: f64.run.stats.conv1_neurons.firingRateHz,
    };
  },
};

/** The scale that gives conv0 a mean rate of `hz` in rate mode (`--rate HZ`), on the first 100 images. */
function scaleForRate(trained: Graph, hz: number, images: Float32Array, registries: Pick<CompileOptions, 'neurons' | 'synapses'>): number {
  const rateGraph = spikingKerasToSnnGraph(trained, { neuronType: 'RectifiedLinear', scale: 1, tau: 0 });
  const rateRun = predict(compile(rateGraph, { ...registries, mode: 'rate' }), { image: images.subarray(0, 100 * 784) }).run;
  return hz / rateRun.stats.conv0_neurons.firingRateHz;
}

/**
 * PyTorch's NengoDL-semantics loop (`spiking_eval.py`, config `a`: scale 100, 5 ms lowpass,
 * 30 steps, input convolution hoisted) on the weights in `file`, over the 10,000 test images.
 */
async function pytorchSpiking(file: string, scale: number, tau: number, images: number): Promise<{ seconds: number; accuracy: number; rates: string } | { skipped: string }> {
  if (scale !== 100 || tau !== 0.005 || images !== 10_000) return { skipped: 'its config a is scale 100, 5 ms, 10,000 images' };
  const peers = await findPeers();
  if ('unavailable' in peers) return { skipped: peers.unavailable };
  const weights = `${file}.pt`;
  const v1 = `${file}.v1`;
  writeFileSync(v1, snnVersion1(readFileSync(file)));
  await runPeerScript(peers, 'snn_to_torch.py', [v1, weights]);
  const out = await runPeer(peers, 'spiking_eval.py', ['--batch', '50', '--configs', 'a', '--hoist'], { PEERS_WEIGHTS: weights });
  const a = out['a_s100_tau0.005_T30'] as { wall_s: number; acc: number; rate_hz: Record<string, number> };
  return { seconds: a.wall_s, accuracy: a.acc, rates: Object.values(a.rate_hz).map((r) => r.toFixed(2)).join(' / ') + ' Hz' };
}

function lifFigure(figure: LifKernelFigure): string {
  return `${figure.best.toExponential(3)} / ${figure.median.toExponential(3)} neuron-steps/s`;
}
