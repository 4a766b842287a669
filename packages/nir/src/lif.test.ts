import h5wasm from 'h5wasm';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, param, type Graph, type NeuronsNode } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSimulator } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { exportNir, importNir, UNCLAMPED_MIN_VOLTAGE } from './index.js';

const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
const f32 = (xs: number[]): Float32Array => Float32Array.from(xs);
const LIF = { tauRc: 0.03, tauRef: 0, minVoltage: UNCLAMPED_MIN_VOLTAGE };

/** input(3) -> dense -> LIF (per-neuron gain and bias, amplitude 0.5) -lowpass-> dense -> LIF -> output. */
function lifNetwork(): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [3]);
  const d1 = b.dense(x, { id: 'd1', weights: param(f32([1, -2, 0.5, 3, 1, -1, 2, 2, 0.5, -0.3, 4, 1]), [3, 4]), bias: param(f32([0.1, 0, -0.2, 0.3]), [4]) });
  const l1 = b.neurons(d1, { id: 'l1', neuronType: 'LIF', params: { ...LIF, amplitude: 0.5 }, gain: param(f32([3, 4, 5, 6]), [4]), bias: param(f32([1.5, 1, 0.5, -1]), [4]) });
  const d2 = b.dense(l1, { id: 'd2', weights: param(f32([0.02, -0.01, 0.03, 0.01, 0.02, 0.04, -0.02, 0.03]), [4, 2]), synapse: { type: 'lowpass', params: { tau: 0.005 } } });
  const l2 = b.neurons(d2, { id: 'l2', neuronType: 'LIF', params: { tauRc: 0.02, tauRef: 0, minVoltage: UNCLAMPED_MIN_VOLTAGE }, gain: param(f32([20]), []) });
  b.output(l2, 'y');
  return b.build();
}

async function run(graph: Graph): Promise<Float32Array> {
  const sim = await createSimulator(graph, { ...registries, seed: 7 });
  return sim.run({ x: f32([0.9, 0.4, 0.7, 0.2, 1, 0.5]) }, { nSteps: 200, probes: { l1: { node: 'l1', keep: 'all' }, y: { node: 'y', keep: 'all' } } }).probes.l1.data;
}

describe('LIF networks through NIR', () => {
  it('round-trip with exact parameters and the same spikes; the lowpass synapse travels as an LI node', async () => {
    const graph = lifNetwork();
    const { graph: back, warnings } = await importNir(await exportNir(graph));
    const lif = (g: Graph, id: string): NeuronsNode => g.nodes.find((n) => n.id === id) as NeuronsNode;
    expect(lif(back, 'l1').params).toEqual({ ...LIF, amplitude: 0.5 });
    expect(Array.from(lif(back, 'l1').gain?.data ?? [])).toEqual([3, 4, 5, 6]);
    expect(Array.from(lif(back, 'l1').bias?.data ?? [])).toEqual(Array.from(f32([1.5, 1, 0.5, -1])));
    expect(Array.from(lif(back, 'l2').gain?.data ?? [])).toEqual([20]);
    expect(back.edges.find((e) => e.target === 'd2')).toEqual({ source: 'l1', target: 'd2', synapse: { type: 'lowpass', params: { tau: 0.005 } } });
    expect(warnings).toHaveLength(2); // the initial voltage of each LIF population
    expect(warnings[0]).toMatch(/LIF 'l1'.*Uniform\(0, 1\)/);
    const before = await run(graph);
    const after = await run(back);
    expect(before.some((v) => v > 0)).toBe(true);
    expect(Array.from(after)).toEqual(Array.from(before));
  });

  it("writes NIR's continuous-time LIF: tau = tauRc, r = gain, v_leak = bias, v_threshold 1, v_reset 0, then Scale(amplitude)", async () => {
    const m = await h5wasm.ready;
    m.FS.writeFile('/lif.nir', await exportNir(lifNetwork()));
    const f = new h5wasm.File('/lif.nir', 'r');
    const get = (p: string): number[] => Array.from((f.get(`node/nodes/${p}`) as InstanceType<typeof h5wasm.Dataset>).value as Float32Array);
    try {
      expect(get('l1/tau')).toEqual(Array(4).fill(0.03));
      expect(get('l1/r')).toEqual([3, 4, 5, 6]);
      expect(get('l1/v_leak')).toEqual(Array.from(f32([1.5, 1, 0.5, -1])));
      expect(get('l1/v_threshold')).toEqual([1, 1, 1, 1]);
      expect(get('l1/v_reset')).toEqual([0, 0, 0, 0]);
      expect(get('l1.amplitude/scale')).toEqual([0.5, 0.5, 0.5, 0.5]);
      expect(get('l1.lowpass/tau')).toEqual(Array(4).fill(0.005));
      expect((f.get('node/nodes/d2/weight') as InstanceType<typeof h5wasm.Dataset>).shape).toEqual([2, 4]);
      expect((f.get('node/nodes/d2/type') as InstanceType<typeof h5wasm.Dataset>).value).toBe('Linear');
    } finally {
      f.close();
    }
  });
});
