#!/usr/bin/env node
// NengoDL's spiking-MNIST example in snn: train 28x28x1 -> conv 3x3x32 -> LIF -> conv 3x3x64 ->
// LIF -> avg-pool 2 -> conv 3x3x128 -> LIF -> avg-pool 2 -> dense 10 (LIF amplitude 0.01, gain
// and bias of max rate 100 Hz / intercept 0, frozen) through SoftLIFRate with RMSprop(1e-3),
// batch 200, then simulate it with spiking LIF for 30 steps and a 0.1 s lowpass on the output
// probe, reading the last step. Runs from the built dist (`npx nx run-many -t build`). Usage:
//   node scripts/train-spiking-mnist.mjs [--epochs 10] [--sigma 0.02] [--train 60000] [--test 10000]
//        [--batch 200] [--steps 30] [--seed 0] [--threads 2] [--checkpoint spiking-mnist.snn]
//        [--resume FILE --start-epoch K] [--only-spiking FILE] [--time-batches K] [--epoch-test 2000]
//        [--precision float32|float64]
// --sigma: SoftLIFRate smoothing (NengoDL's lif_smoothing) for LIF populations during training.
// --epoch-test K: rate-mode test accuracy after each epoch on the first K test images.
// --precision: arithmetic of the spiking LIF steps (float32 is NengoDL's).
// --only-spiking FILE: skip training; simulate the graph saved in FILE.
// --time-batches K: time K training batches (after 2 warm-up batches) and extrapolate an epoch.
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry, lowpassSpec } from '@snn/synapses';
import { loadMnist } from '@snn/mnist/node';
import { createProgress } from '@snn/report';
import { initBackend, runParallel } from '@snn/sim/node';
import { createModel, createOptimizer, evaluate, exportGraph, fit, initTraining, progressBar, spikingMnistGraph } from '@snn/train';
import { loadCheckpoint, saveCheckpoint } from '@snn/train/node';
import { numberOption, scriptArgs } from '@snn/scripts/args';

const { values } = scriptArgs(import.meta.url, {
  train: { type: 'string', default: '60000' },
  test: { type: 'string', default: '10000' },
  epochs: { type: 'string', default: '10' },
  batch: { type: 'string', default: '200' },
  sigma: { type: 'string', default: '0.02' },
  steps: { type: 'string', default: '30' },
  threads: { type: 'string', default: '2' },
  seed: { type: 'string', default: '0' },
  checkpoint: { type: 'string' },
  resume: { type: 'string' },
  'start-epoch': { type: 'string', default: '0' },
  'only-spiking': { type: 'string' },
  'time-batches': { type: 'string' },
  'epoch-test': { type: 'string', default: '2000' },
  precision: { type: 'string', default: 'float32' },
});
const n = (k) => numberOption(values, k, import.meta.url);
const test = loadMnist('test', n('test'));
const neurons = createNeuronRegistry();

let graph;
if (values['only-spiking']) {
  graph = loadCheckpoint(values['only-spiking']).graph;
  await initBackend({ threads: n('threads') });
} else {
  const backend = await initTraining({ threads: n('threads') });
  const train = loadMnist('train', n('train'));
  const start = values.resume ? loadCheckpoint(values.resume).graph : spikingMnistGraph(n('seed'));
  const model = createModel(start, { neurons, surrogateParams: { LIF: { sigma: n('sigma') } } });
  const losses = { out: 'sparseCategoricalCrossentropy' };
  const batchSize = n('batch');
  const optimizer = { type: 'rmsprop', learningRate: 1e-3 };
  if (values['time-batches']) {
    const k = Number(values['time-batches']);
    const sub = (count) => ({ x: { data: train.images.subarray(0, count * 784), shape: [count, 1, 784] }, y: { out: train.labels.subarray(0, count) } });
    fit(model, { ...sub(2 * batchSize), losses, optimizer, batchSize, shuffle: false });
    const t0 = performance.now();
    fit(model, { ...sub(k * batchSize), losses, optimizer, batchSize, seed: n('seed') });
    const perBatch = (performance.now() - t0) / 1000 / k;
    console.log(JSON.stringify({ backend, threads: n('threads'), batch: batchSize, secondsPerBatch: +perBatch.toFixed(4), epochSeconds: +((perBatch * 60000) / batchSize).toFixed(1) }));
    process.exit(0);
  }
  const startEpoch = n('start-epoch');
  // one optimizer for every epoch, so RMSprop's moving averages carry over between fit calls
  const rmsprop = createOptimizer(optimizer);
  const t0 = performance.now();
  for (let epoch = startEpoch + 1; epoch <= n('epochs'); epoch++) {
    // one fit call per epoch so the shuffle seed (seed + epoch) is the same whether resumed or not
    fit(model, {
      x: { data: train.images, shape: [train.count, 1, 784] },
      y: { out: train.labels },
      losses,
      optimizer: rmsprop,
      batchSize,
      epochs: 1,
      seed: n('seed') * 1000 + epoch,
      onBatch: progressBar(),
      onEpoch: (m) => {
        const k = Math.min(n('epoch-test'), test.count);
        const acc = evaluate(model, { x: test.images.subarray(0, k * 784), y: { out: test.labels.subarray(0, k) }, losses });
        console.log(
          `epoch ${epoch}/${n('epochs')}: train loss ${m.loss.toFixed(4)} acc ${(100 * m.accuracy.out).toFixed(2)}% (${m.seconds.toFixed(1)} s); ` +
            `rate-mode test loss ${acc.loss.toFixed(4)} acc ${(100 * acc.accuracy.out).toFixed(2)}% on ${k}`,
        );
        if (values.checkpoint) saveCheckpoint(values.checkpoint, model, { epoch, sigma: n('sigma'), testAccuracy: acc.accuracy.out });
      },
    });
  }
  rmsprop.dispose();
  console.log(`training: ${((performance.now() - t0) / 1000).toFixed(1)} s on ${backend} with ${n('threads')} thread(s)`);
  const rate = evaluate(model, { x: test.images, y: { out: test.labels }, losses });
  console.log(`rate mode (SoftLIF): test accuracy ${(100 * rate.accuracy.out).toFixed(2)}% on ${test.count}`);
  graph = exportGraph(model);
}

const t1 = performance.now();
const nSteps = n('steps');
const progress = createProgress('spiking', process.stderr, { delayMs: 0 });
const result = await runParallel(
  graph,
  { neurons, synapses: createSynapseRegistry(), mode: 'spiking', seed: n('seed'), precision: values.precision },
  { image: test.images },
  {
    nSteps,
    probes: { out: { node: 'out', keep: 'last', synapse: lowpassSpec(0.1) } },
    onProgress: (done, total) => progress.update(done, total),
  },
  { workers: n('threads') },
);
progress.finish();
const out = result.probes.out.data;
let correct = 0;
for (let i = 0; i < test.count; i++) {
  let best = 0;
  for (let k = 1; k < 10; k++) if (out[i * 10 + k] > out[i * 10 + best]) best = k;
  if (best === test.labels[i]) correct++;
}
const rates = Object.entries(result.stats)
  .filter(([, s]) => s.firingRateHz !== undefined && s.firingRateHz > 0)
  .map(([id, s]) => `${id} ${s.firingRateHz.toFixed(1)} Hz`)
  .join(', ');
const seconds = (performance.now() - t1) / 1000;
console.log(
  `spiking LIF (${values.precision}), ${nSteps} steps, 0.1 s lowpass on the output: accuracy ${((100 * correct) / test.count).toFixed(2)}% ` +
    `(error ${((100 * (test.count - correct)) / test.count).toFixed(2)}%) on ${test.count} test images in ${seconds.toFixed(1)} s`,
);
console.log(`mean firing rates: ${rates}`);
