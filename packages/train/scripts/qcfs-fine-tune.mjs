#!/usr/bin/env node
// Fine-tune a trained ReLU network as a QCFS network (Bu et al., ICLR 2022) on the MNIST data
// that ships with snn, from the built dist (build the packages first). Each ReLU population's
// initial threshold is a percentile of its positive rate-mode activations (of all of them with
// --include-zeros) on the first --calib training images (@snn/sim's measureActivations);
// thresholds then train with the weights. Usage:
//   node scripts/qcfs-fine-tune.mjs --from ann.snn [--levels 8] [--percentile 99.9] [--calib 1000]
//        [--epochs 1] [--lr 1e-4] [--batch 200] [--threads 2] [--seed 1] [--train 60000] [--test 10000]
//        [--include-zeros] [--freeze-thresholds] [--float] [--time-batches K] [--checkpoint out.snn]
// --float: fine-tune the float ReLU network with the same schedule instead (a control).
// --time-batches K: time K training batches of the ReLU network and of the QCFS network in
// this process, alternating (after 2 warm-up batches each), and print the seconds per epoch
// of each one's fastest quarter of batches and their ratio.
import { createNeuronRegistry } from '@snn/neurons';
import { loadMnist } from '@snn/mnist/node';
import { measureActivations } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { createModel, evaluate, fit, initTraining, progressBar, toQcfs } from '@snn/train';
import { loadCheckpoint, saveCheckpoint } from '@snn/train/node';
import { numberOption, scriptArgs } from '@snn/scripts/args';

const { values } = scriptArgs(import.meta.url, {
  from: { type: 'string' },
  levels: { type: 'string', default: '8' },
  percentile: { type: 'string', default: '99.9' },
  calib: { type: 'string', default: '1000' },
  epochs: { type: 'string', default: '1' },
  lr: { type: 'string', default: '1e-4' },
  batch: { type: 'string', default: '200' },
  threads: { type: 'string', default: '2' },
  seed: { type: 'string', default: '1' },
  train: { type: 'string', default: '60000' },
  test: { type: 'string', default: '10000' },
  'include-zeros': { type: 'boolean', default: false },
  'freeze-thresholds': { type: 'boolean', default: false },
  float: { type: 'boolean', default: false },
  'time-batches': { type: 'string' },
  checkpoint: { type: 'string' },
});
const n = (k) => numberOption(values, k, import.meta.url);
if (!values.from) {
  console.error('qcfs-fine-tune.mjs: --from <trained ReLU network .snn> is required (see --help)');
  process.exit(2);
}
const backend = await initTraining({ threads: n('threads') });
const neurons = createNeuronRegistry();
const train = loadMnist('train', n('train'));
const test = loadMnist('test', n('test'));
const losses = { out: 'sparseCategoricalCrossentropy' };
const batchSize = n('batch');
const ann = loadCheckpoint(values.from).graph;
const reluIds = ann.nodes.filter((x) => x.kind === 'neurons' && x.neuronType === 'RectifiedLinear').map((x) => x.id);

// Initial thresholds: a percentile of each ReLU population's rate-mode activations.
const annModel = createModel(ann, { neurons });
const calib = Math.min(n('calib'), train.count);
const stats = measureActivations(ann, { image: train.images.subarray(0, calib * 784) }, { neurons, synapses: createSynapseRegistry(), nodes: reluIds });
const threshold = Object.fromEntries(stats.map((s) => [s.node, s.percentile(n('percentile'), { includeZeros: values['include-zeros'] })]));
const annTest = evaluate(annModel, { x: test.images, y: { out: test.labels }, losses });
console.log(`float ANN: test acc ${(100 * annTest.accuracy.out).toFixed(2)}%; initial thresholds (p${n('percentile')} of ${values['include-zeros'] ? 'all' : 'positive'} activations on ${calib} images): ${JSON.stringify(threshold)}`);

const model = values.float ? annModel : createModel(toQcfs(ann, { levels: n('levels'), threshold }), { neurons });
const label = values.float ? 'float ReLU' : `QCFS L=${n('levels')}`;
const x = { data: train.images, shape: [train.count, 1, 784] };
const frozen = values['freeze-thresholds'];
const thresholdsOf = () =>
  Object.fromEntries(reluIds.flatMap((id) => (values.float ? [] : [[id, +model.variables.get(id)['params.threshold'].dataSync()[0].toFixed(4)]])));

if (values['time-batches']) {
  const k = Number(values['time-batches']);
  const sub = (count) => ({ x: { data: train.images.subarray(0, count * 784), shape: [count, 1, 784] }, y: { out: train.labels.subarray(0, count) } });
  const batchSeconds = (m) => {
    const t0 = performance.now();
    fit(m, { ...sub(batchSize), losses, batchSize, shuffle: false });
    return (performance.now() - t0) / 1000;
  };
  // Alternate single batches of the two networks and keep each one's fastest quarter: on a
  // shared machine the load changes from second to second, and both see the same changes.
  for (const m of [annModel, model]) for (let i = 0; i < 2; i++) batchSeconds(m);
  const times = { relu: [], qcfs: [] };
  for (let i = 0; i < k; i++) {
    times.relu.push(batchSeconds(annModel));
    times.qcfs.push(batchSeconds(model));
  }
  const fastQuarter = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b).slice(0, Math.max(1, Math.floor(xs.length / 4)));
    return sorted.reduce((a, b) => a + b, 0) / sorted.length;
  };
  const epoch = (xs) => +((fastQuarter(xs) * 60000) / batchSize).toFixed(1);
  const [relu, quant] = [epoch(times.relu), epoch(times.qcfs)];
  console.log(JSON.stringify({ backend, threads: n('threads'), batch: batchSize, batches: k, reluEpochSeconds: relu, qcfsEpochSeconds: quant, ratio: +(quant / relu).toFixed(2) }));
  process.exit(0);
}

const before = evaluate(model, { x: test.images, y: { out: test.labels }, losses });
console.log(`${label} before fine-tuning: test acc ${(100 * before.accuracy.out).toFixed(2)}%`);
fit(model, {
  x,
  y: { out: train.labels },
  losses,
  optimizer: { type: 'adam', learningRate: n('lr') },
  batchSize,
  epochs: n('epochs'),
  seed: n('seed'),
  trainable: frozen && !values.float ? Object.fromEntries(reluIds.map((id) => [id, false])) : undefined,
  onBatch: progressBar(),
  onEpoch: (m) => {
    const acc = evaluate(model, { x: test.images, y: { out: test.labels }, losses });
    console.log(
      `epoch ${m.epoch}: train loss ${m.loss.toFixed(4)} acc ${(100 * m.accuracy.out).toFixed(2)}% (${m.seconds.toFixed(1)} s); ` +
        `test loss ${acc.loss.toFixed(4)} acc ${(100 * acc.accuracy.out).toFixed(2)}%; thresholds ${JSON.stringify(thresholdsOf())}`,
    );
    const info = { epoch: m.epoch, testAccuracy: acc.accuracy.out, floatTestAccuracy: annTest.accuracy.out, ...(values.float ? {} : { levels: n('levels') }) };
    if (values.checkpoint) saveCheckpoint(values.checkpoint, model, info);
  },
});
