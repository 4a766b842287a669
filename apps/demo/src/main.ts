#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { encodeSnn, isSnnError } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { argmaxRows, createSimulator, predict } from '@snn/sim';
import { loadMnist } from '@snn/mnist/node';
import { solveDecoders } from './least-squares.js';
import { ensembleGraph, makeEnsemble, meanImage, normalizeImages } from './network.js';
import { bar, progressBar, table, writeFileAtomic } from './terminal.js';

const help = `snn-demo: a spiking MNIST classifier built, run and reported with snn

Builds a Nengo-style network (image -> 1 layer of LIF neurons -> linear read-out), solves
the read-out by regularized least squares on the MNIST training images, then classifies
the MNIST test images in rate mode and with spiking LIF neurons.

Options:
  --neurons N     LIF neurons in the hidden layer (default 1000)
  --train N       training images used for the least-squares solve (default 60000)
  --test N        test images to classify (default 10000)
  --steps T       spiking time steps per image, dt = 1 ms (default 100)
  --tau S         read-out synapse time constant in seconds (default 0.005)
  --seed N        seed of encoders, rates, intercepts and initial voltages (default 0)
  --out FILE      also save the network as an .snn file
  --quick         a small run: 300 neurons, 5000 training and 1000 test images
  -h, --help      show this help
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      neurons: { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      steps: { type: 'string' },
      tau: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const num = (v: string | undefined, d: number, name: string): number => {
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number; got '${v}'`);
    return n;
  };
  const quick = values.quick ?? false;
  const neurons = Math.round(num(values.neurons, quick ? 300 : 1000, 'neurons'));
  const nTrain = Math.round(num(values.train, quick ? 5000 : 60000, 'train'));
  const nTest = Math.round(num(values.test, quick ? 1000 : 10000, 'test'));
  const steps = Math.round(num(values.steps, 100, 'steps'));
  const tau = values.tau === undefined ? 0.005 : num(values.tau, 0.005, 'tau');
  const seed = values.seed === undefined ? 0 : Math.round(Number(values.seed));

  const t0 = performance.now();
  const train = loadMnist('train', nTrain);
  const test = loadMnist('test', nTest);
  const mean = meanImage(train.images, 784);
  const xTrain = normalizeImages(train.images, 784, mean);
  const xTest = normalizeImages(test.images, 784, mean);
  const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
  const lif = registries.neurons.get('LIF');
  const ensemble = makeEnsemble(lif, xTrain, 784, neurons, seed);
  process.stdout.write(`MNIST: ${train.count} training and ${test.count} test images; ${neurons} LIF neurons\n`);

  // 1. neuron activities on the training set (rate mode), 2. least-squares read-out.
  const rateSim = await createSimulator(ensembleGraph(ensemble), { ...registries, mode: 'rate', batchSize: 1000 });
  const activity = predict(rateSim, { image: xTrain }, { onProgress: progressBar('training activities') }).outputs;
  const decoders = solveDecoders(activity, train.labels, neurons, 10);
  const tSolve = (performance.now() - t0) / 1000;

  // 3. the full network, in rate mode and spiking.
  const graph = ensembleGraph(ensemble, { decoders, tau });
  // rate mode reads the network without synaptic delay, as NengoDL's examples do (synapse=None)
  const rateNet = await createSimulator(ensembleGraph(ensemble, { decoders, tau: 0 }), { ...registries, mode: 'rate', batchSize: 1000 });
  const rate = predict(rateNet, { image: xTest }, { onProgress: progressBar('rate mode') });
  const rateAcc = accuracy(rate.labels, test.labels);
  const spikeNet = await createSimulator(graph, { ...registries, mode: 'spiking', batchSize: 500, seed });
  const every = Math.max(1, Math.floor(steps / 10));
  const ts = performance.now();
  const run = spikeNet.run({ image: xTest }, {
    nSteps: steps,
    probes: { digits: { node: 'digits', keep: { every } } },
    onProgress: progressBar('spiking'),
  });
  const spikeSeconds = (performance.now() - ts) / 1000;
  const kept = run.probes.digits.shape[1];
  const accOverTime: number[] = [];
  for (let k = 0; k < kept; k++) {
    const atK = new Float32Array(nTest * 10);
    for (let s = 0; s < nTest; s++) atK.set(run.probes.digits.data.subarray((s * kept + k) * 10, (s * kept + k + 1) * 10), s * 10);
    accOverTime.push(accuracy(argmaxRows(atK, 10), test.labels));
  }
  const spikeAcc = accOverTime[accOverTime.length - 1];
  const stats = run.stats.lif;

  if (values.out) {
    writeFileAtomic(values.out, encodeSnn(graph));
    process.stdout.write(`saved the network to ${values.out}\n`);
  }

  process.stdout.write('\nAccuracy of the spiking network over time (read-out filtered by a ' + `${tau * 1000} ms lowpass)\n`);
  accOverTime.forEach((a, k) => process.stdout.write(`  ${String((k + 1) * every).padStart(4)} ms ${bar(a, 40)} ${(a * 100).toFixed(2)}%\n`));
  table('Summary', [
    ['test accuracy, rate mode (LIFRate)', `${(rateAcc * 100).toFixed(2)}%`],
    [`test accuracy, spiking LIF, ${steps} steps`, `${(spikeAcc * 100).toFixed(2)}%`],
    ['mean firing rate of the LIF layer', `${stats.firingRateHz.toFixed(1)} Hz`],
    ['synaptic operations per image', `${(run.synops / nTest).toExponential(3)}`],
    ['spiking simulation time', `${spikeSeconds.toFixed(2)} s (${((nTest * steps * neurons) / spikeSeconds).toExponential(2)} neuron-steps/s)`],
    ['network build + least-squares solve', `${tSolve.toFixed(1)} s`],
    ['total time', `${((performance.now() - t0) / 1000).toFixed(1)} s`],
  ]);
  return 0;
}

function accuracy(pred: Int32Array, labels: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) c++;
  return c / labels.length;
}

class UsageError extends Error {}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`snn-demo: ${e.message}\n\n${help}`);
      process.exit(2);
    }
    const where = isSnnError(e) ? ` (${e.code})` : '';
    process.stderr.write(`snn-demo failed${where}: ${(e as Error).message ?? String(e)}\n`);
    process.exit(1);
  },
);
