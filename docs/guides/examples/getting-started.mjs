// The getting-started guide's example (docs/guides/getting-started.md): run with
//   node docs/guides/examples/getting-started.mjs [MODEL.h5]   (after npm install && npm run build)
// MODEL.h5: a Keras MNIST classifier (default: the LeNet of the shared fixtures beside the repository).
import { GraphBuilder, applyConversion, createRng, heUniform, param } from '@snn/ir';
import { conversionHooks, createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { compile, evaluate, initBackend } from '@snn/sim';
import { importKerasFile } from '@snn/keras-import/node';
import { loadMnist } from '@snn/mnist/node';
import { fixtureDir } from '@snn/cli/fixtures';

await initBackend();
const neurons = createNeuronRegistry();
const synapses = createSynapseRegistry();

// 1. A network built in code: 784 -> 32 spiking LIF -> 10, run for 50 steps of 1 ms.
const rng = createRng(0);
const b = new GraphBuilder();
let h = b.flatten(b.input('image', [28, 28, 1]));
h = b.neurons(b.dense(h, { id: 'hidden', weights: heUniform([784, 32], 784, rng), bias: param(new Float32Array(32), [32]) }), { id: 'lif', neuronType: 'LIF' });
b.output(b.dense(h, { id: 'readout', weights: heUniform([32, 10], 32, rng) }), 'out');
const net = b.build();
const digits = loadMnist('test', 100);
const run = compile(net, { neurons, synapses, mode: 'spiking' }).run({ image: digits.images }, { nSteps: 50 });
console.log(`LIF layer: ${run.stats.lif.firingRateHz.toFixed(1)} Hz mean rate, ${run.synops / 100} SynOps per image`);

// 2. A Keras model converted to a spiking network, as NengoDL's converter would.
const { graph: ann } = await importKerasFile(process.argv[2] ?? `${fixtureDir()}/snn_lenet_avgpool_bias.h5`);
const { graph: snn } = applyConversion(
  ann,
  { swapNeurons: { byType: { RectifiedLinear: 'SpikingRectifiedLinear' } }, scaleFiringRates: 100, synapse: { type: 'lowpass', params: { tau: 0.005 } } },
  conversionHooks(neurons),
);
const inputId = snn.nodes.find((n) => n.kind === 'input').id;
const test = loadMnist('test', 1000);
const rate = evaluate(compile(ann, { neurons, synapses, mode: 'rate' }), { [inputId]: test.images }, test.labels);
const spiking = evaluate(compile(snn, { neurons, synapses, mode: 'spiking' }), { [inputId]: test.images }, test.labels, { nSteps: 30 });
console.log(`Keras LeNet on 1,000 test digits: ANN ${(100 * rate.accuracy).toFixed(1)}%, spiking (30 steps) ${(100 * spiking.accuracy).toFixed(1)}%`);
