#!/usr/bin/env node
// Train the keras-to-snn network (28x28x1 -> conv 3x3x32 relu -> conv 3x3x64 stride 2 relu ->
// flatten -> dense 10; Adam 1e-3, batch 200, sparse categorical cross-entropy from logits) on
// the MNIST data that ships with snn, from the built dist (run `npx tsc -p tsconfig.build.json`
// in packages/train first). Usage:
//   node scripts/train-keras-to-snn.mjs [--train 60000] [--test 10000] [--epochs 2] [--batch 200]
//        [--threads 2] [--seed 1] [--time-batches K] [--checkpoint out.snn]
// --time-batches K: only time K training batches (after 2 warm-up batches) and extrapolate.
import { createNeuronRegistry } from '@snn/neurons';
import { loadMnist } from '@snn/mnist/node';
import { createModel, evaluate, fit, initTraining, kerasToSnnGraph, progressBar } from '@snn/train';
import { saveCheckpoint } from '@snn/train/node';
import { numberOption, scriptArgs } from '@snn/scripts/args';

const { values } = scriptArgs(import.meta.url, {
  train: { type: 'string', default: '60000' },
  test: { type: 'string', default: '10000' },
  epochs: { type: 'string', default: '2' },
  batch: { type: 'string', default: '200' },
  threads: { type: 'string', default: '2' },
  seed: { type: 'string', default: '1' },
  'time-batches': { type: 'string' },
  checkpoint: { type: 'string' },
});
const n = (k) => numberOption(values, k, import.meta.url);
const backend = await initTraining({ threads: n('threads') });
const train = loadMnist('train', n('train'));
const test = loadMnist('test', n('test'));
const model = createModel(kerasToSnnGraph(n('seed')), { neurons: createNeuronRegistry() });
const losses = { out: 'sparseCategoricalCrossentropy' };
const batchSize = n('batch');
const x = { data: train.images, shape: [train.count, 1, 784] };

if (values['time-batches']) {
  const k = Number(values['time-batches']);
  const sub = (count) => ({ x: { data: train.images.subarray(0, count * 784), shape: [count, 1, 784] }, y: { out: train.labels.subarray(0, count) } });
  fit(model, { ...sub(2 * batchSize), losses, batchSize, shuffle: false });
  const t0 = performance.now();
  fit(model, { ...sub(k * batchSize), losses, batchSize, seed: n('seed') });
  const perBatch = (performance.now() - t0) / 1000 / k;
  console.log(JSON.stringify({ backend, threads: n('threads'), batch: batchSize, secondsPerBatch: +perBatch.toFixed(4), epochSeconds: +((perBatch * 60000) / batchSize).toFixed(1) }));
  process.exit(0);
}

const t0 = performance.now();
fit(model, {
  x,
  y: { out: train.labels },
  losses,
  optimizer: { type: 'adam', learningRate: 1e-3 },
  batchSize,
  epochs: n('epochs'),
  seed: n('seed'),
  onBatch: progressBar(),
  onEpoch: (m) => {
    const acc = evaluate(model, { x: test.images, y: { out: test.labels }, losses });
    console.log(
      `epoch ${m.epoch}: train loss ${m.loss.toFixed(4)} acc ${(100 * m.accuracy.out).toFixed(2)}% ` +
        `(${m.seconds.toFixed(1)} s, ${(m.seconds / Math.floor(train.count / batchSize)).toFixed(3)} s/batch); ` +
        `test loss ${acc.loss.toFixed(4)} acc ${(100 * acc.accuracy.out).toFixed(2)}% on ${test.count}`,
    );
    if (values.checkpoint) saveCheckpoint(values.checkpoint, model, { epoch: m.epoch, testAccuracy: acc.accuracy.out });
  },
});
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s on ${backend} with ${n('threads')} thread(s)`);
