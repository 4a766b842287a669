// The pack-check script: a user's program that installs only @snn/ir, @snn/neurons,
// @snn/synapses and @snn/sim. One input drives four SpikingRectifiedLinear neurons through a
// dense layer (input currents 0, 500, 1000 and 1500), a lowpass synapse on the way out; 30
// steps of 1 ms. Each neuron adds J * dt (0, 0.5, 1, 1.5) to its voltage per step and
// spikes once per unit, whatever its random initial voltage in [0, 1): 0, 15, 30 and 45
// spikes. In rate mode, once the synapse has settled, the output is the rate, J. Prints one
// JSON line.
import { GraphBuilder, param } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry, lowpassSpec } from '@snn/synapses';
import { compile, initBackend } from '@snn/sim';

const b = new GraphBuilder();
const x = b.input('x', [1]);
const currents = b.dense(x, { id: 'currents', weights: param(Float32Array.of(0, 500, 1000, 1500), [1, 4]) });
const spikes = b.neurons(currents, { id: 'pop', neuronType: 'SpikingRectifiedLinear' });
b.output(spikes, 'out', { synapse: lowpassSpec(0.005) });
const graph = b.build();

await initBackend();
const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
const nSteps = 30;
const dt = 0.001;
const spiking = compile(graph, { ...registries, dt, seed: 1 });
const run = spiking.run({ x: Float32Array.of(1) }, { nSteps });
const spikeCounts = Array.from(run.stats.pop.perNeuronHz, (hz) => Math.round(hz * nSteps * dt));
const rate = compile(graph, { ...registries, mode: 'rate' });
const rates = Array.from(rate.run({ x: Float32Array.of(1) }, { nSteps: 200 }).probes.out.data, (v) => Number(v.toFixed(2)));
console.log(JSON.stringify({ spikeCounts, rates, lastStep: Array.from(run.probes.out.data, (v) => Number(v.toFixed(2))) }));
spiking.dispose();
rate.dispose();
