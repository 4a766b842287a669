import { createNeuronRegistry } from '@snn/neurons';
import { loadMnist } from '@snn/mnist/node';
import { createModel, fit, initTraining, toQcfs } from '@snn/train';
import { loadCheckpoint } from '@snn/train/node';
await initTraining({ threads: 2 });
const neurons = createNeuronRegistry();
const train = loadMnist('train', 2000);
const ann = loadCheckpoint('/tmp/qcfs/ann.snn').graph;
const models = {
  reluFused: createModel(ann, { neurons }),
  reluUnfused: createModel(ann, { neurons, fuse: false }),
  qcfs: createModel(toQcfs(ann, { levels: 8, threshold: { conv0_neurons: 2.46, conv1_neurons: 3.49 } }), { neurons }),
};
const losses = { out: 'sparseCategoricalCrossentropy' };
const one = { x: { data: train.images.subarray(0, 200 * 784), shape: [200, 1, 784] }, y: { out: train.labels.subarray(0, 200) } };
const t = (m) => { const t0 = performance.now(); fit(m, { ...one, losses, batchSize: 200, shuffle: false }); return performance.now() - t0; };
for (const m of Object.values(models)) { t(m); t(m); }
const times = Object.fromEntries(Object.keys(models).map((k) => [k, []]));
for (let i = 0; i < 40; i++) for (const [k, m] of Object.entries(models)) times[k].push(t(m));
for (const [k, xs] of Object.entries(times)) { const s = xs.sort((a, b) => a - b); console.log(k, 'fastest quarter mean ms/batch', (s.slice(0, 10).reduce((a, b) => a + b) / 10).toFixed(1), 'median', s[20].toFixed(1)); }
