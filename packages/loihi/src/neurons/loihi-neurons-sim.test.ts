import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, scalar } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { compile, initBackend } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { registerLoihiNeurons } from './register-loihi-neurons.js';

beforeAll(async () => {
  await initBackend();
});

const neurons = registerLoihiNeurons(createNeuronRegistry());
const synapses = createSynapseRegistry();

function graph(neuronType: string, n: number) {
  const b = new GraphBuilder();
  b.output(b.neurons(b.input('x', [n]), { id: 'pop', neuronType, gain: scalar(1) }), 'out');
  return b.build();
}

describe('@snn/sim runs the Loihi neuron types from the registry', () => {
  it('LoihiLIF spiking: J = 0, 2, 10, 100 give 0, 62, 200, 334 spikes in 1000 steps (phase from a zero start)', () => {
    const run = compile(graph('LoihiLIF', 4), { neurons, synapses }).run({ x: Float32Array.of(0, 2, 10, 100) }, { nSteps: 1000 });
    expect(Array.from(run.stats.pop.perNeuronHz, Math.round)).toEqual([0, 62, 200, 334]);
  });
  it('LoihiLIF rate mode gives the Loihi rates', () => {
    const out = compile(graph('LoihiLIF', 4), { neurons, synapses, mode: 'rate' }).run({ x: Float32Array.of(0, 2, 10, 100) }).probes.out.data;
    expect(Array.from(out, (r) => +r.toFixed(3))).toEqual([0, 62.5, 200, 333.333]);
  });
  it('LoihiSpikingRectifiedLinear spiking: J = 300, 500, 501, 5000 spike every 4, 3, 2, 1 steps', () => {
    const run = compile(graph('LoihiSpikingRectifiedLinear', 4), { neurons, synapses }).run(
      { x: Float32Array.of(300, 500, 501, 5000) },
      { nSteps: 1200, probes: { s: { node: 'pop', keep: 'all' } } },
    );
    expect(Array.from(run.stats.pop.perNeuronHz, Math.round)).toEqual([250, 333, 500, 1000]);
    expect(Math.max(...run.probes.s.data)).toBe(1000);
  });
  it('LoihiSpikingRectifiedLinear rate mode gives the staircase (J = 500 -> 500: rates and step differ there)', () => {
    const out = compile(graph('LoihiSpikingRectifiedLinear', 4), { neurons, synapses, mode: 'rate' })
      .run({ x: Float32Array.of(300, 500, 501, 5000) }).probes.out.data;
    expect(Array.from(out)).toEqual([250, 500, 500, 1000]);
  });
});
