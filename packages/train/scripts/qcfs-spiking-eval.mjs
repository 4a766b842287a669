#!/usr/bin/env node
// Convert fine-tuned QCFS networks to integrate-and-fire neurons with @snn/sim's calibrate
// (each layer's trained threshold λ is one spike per step; reset by subtraction, initial
// voltage λ/2: Bu et al., ICLR 2022) and measure their spiking accuracy on the MNIST test set,
// reading the mean output over all T steps. Also prints the network's rate-mode (ANN) accuracy
// and, from the checkpoint, the float ANN's it was fine-tuned from. Any ReLU network works too.
// Build the packages first. Usage:
//   node scripts/qcfs-spiking-eval.mjs net.snn [more.snn ...] [--steps 4,8,16] [--test 10000] [--batch 100]
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { loadMnist } from '@snn/mnist/node';
import { calibrate, createSimulator, evaluate } from '@snn/sim';
import { loadCheckpoint } from '@snn/train/node';
import { numberOption, scriptArgs } from '@snn/scripts/args';

const { values, positionals } = scriptArgs(
  import.meta.url,
  { steps: { type: 'string', default: '4,8' }, test: { type: 'string', default: '10000' }, batch: { type: 'string', default: '100' } },
  { allowPositionals: true },
);
if (positionals.length === 0) {
  console.error('qcfs-spiking-eval.mjs: give at least one QCFS network (.snn) (see --help)');
  process.exit(2);
}
const steps = values.steps.split(',').map(Number);
const test = loadMnist('test', numberOption(values, 'test', import.meta.url));
const calibration = { image: loadMnist('train', 1000).images };
const neurons = createNeuronRegistry();
const synapses = createSynapseRegistry();
const options = { neurons, synapses, batchSize: numberOption(values, 'batch', import.meta.url) };
const rows = [];
for (const file of positionals) {
  const { graph, info } = loadCheckpoint(file);
  const t0 = performance.now();
  const rate = await createSimulator(graph, { ...options, mode: 'rate' });
  const ann = evaluate(rate, { image: test.images }, test.labels).accuracy;
  rate.dispose();
  const row = { file, float: info.floatTestAccuracy, qcfs: ann };
  const snn = calibrate(graph, calibration, options).graph;
  for (const T of steps) {
    const sim = await createSimulator(snn, { ...options, mode: 'spiking' });
    row[`T${T}`] = evaluate(sim, { image: test.images }, test.labels, { nSteps: T, meanLast: T }).accuracy;
    sim.dispose();
  }
  row.seconds = (performance.now() - t0) / 1000;
  rows.push(row);
  const pct = (v) => (v === undefined ? '-' : `${(100 * v).toFixed(2)}%`);
  console.log(`${file}: float ANN ${pct(row.float)}, rate-mode ANN ${pct(ann)}, ${steps.map((T) => `T=${T} ${pct(row[`T${T}`])}`).join(', ')} (${row.seconds.toFixed(1)} s)`);
}
