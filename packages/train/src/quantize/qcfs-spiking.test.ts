import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, scalar, type Graph } from '@snn/ir';
import { createNeuronRegistry, QCFS, resolveParams } from '@snn/neurons';
import { calibrate, createSimulator } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { initTraining } from '../fit/init-training.js';
import { toQcfs } from './to-qcfs.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
const levels = 4;
const threshold = 1.5;
const amplitude = 0.5;
const gain = 2;

/** x (n) -> ReLU (gain 2, amplitude 0.5) -> out, made QCFS with L = 4, λ = 1.5. */
function network(n: number): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [n]);
  b.output(b.neurons(x, { id: 'h', neuronType: 'RectifiedLinear', params: { amplitude }, gain: scalar(gain) }), 'out');
  return toQcfs(b.build(), { levels, threshold });
}

describe('a QCFS layer calibrated to integrate-and-fire neurons (threshold λ, start at λ/2)', () => {
  it('gives the QCFS output exactly as its mean over T = L steps, for inputs up to the threshold', async () => {
    // currents J = 2x from -0.6 to 1.5 (= λ) in steps of 0.05, never on a step edge (k - 1/2) λ/L
    const x = Float32Array.from({ length: 43 }, (_, i) => (-0.6 + 0.05 * i + 0.011) / gain).filter((v) => gain * v <= threshold);
    const graph = network(x.length);
    const { graph: snn, layers } = calibrate(graph, { x }, registries);
    expect(layers.map((l) => [l.neuronType, l.limitedBy, l.threshold])).toEqual([['IntegrateAndFire', 'threshold', amplitude * threshold]]);
    const sim = await createSimulator(snn, { ...registries, mode: 'spiking' });
    const run = sim.run({ x }, { nSteps: levels, probes: { out: { node: 'out', keep: { meanLast: levels } } } });
    sim.dispose();
    const want = new Float32Array(x.length);
    QCFS.rates(x.map((v) => gain * v), want, resolveParams(QCFS, { levels, threshold, amplitude }));
    run.probes.out.data.forEach((v, i) => expect(v, `x = ${x[i]}`).toBeCloseTo(want[i], 5));
    expect(new Set(want).size).toBe(levels + 1);
  });

  it('keeps the clip: inputs well above the threshold give at most one spike a step, the QCFS output amplitude λ', async () => {
    const x = Float32Array.of(0.75 * 2.2, 0.75 * 3); // J = 2.2 λ and 3 λ: QCFS clips both at amplitude λ
    const { graph: snn } = calibrate(network(2), { x }, registries);
    const node = snn.nodes.find((n) => n.id === 'h');
    expect(node?.kind === 'neurons' && node.params?.maxSpikesPerStep).toBe(1);
    const sim = await createSimulator(snn, { ...registries, mode: 'spiking' });
    const run = sim.run({ x }, { nSteps: levels, probes: { out: { node: 'out', keep: { meanLast: levels } } } });
    sim.dispose();
    const want = new Float32Array(2);
    QCFS.rates(x.map((v) => gain * v), want, resolveParams(QCFS, { levels, threshold, amplitude }));
    expect([...want]).toEqual([amplitude * threshold, amplitude * threshold]);
    run.probes.out.data.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
  });
});
